#include "yishi/domain/dashboard_service.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "yishi/domain/compute_then_commit.h"
#include "yishi/domain/dashboard_store.h"

namespace yishi::domain {

namespace {

Status forbidden() {
    return Status::forbidden("dashboard.forbidden",
                             "Only those who run this scope see its dashboard: the committee its community's, the "
                             "street's staff their street's, the district's admins their district's.");
}

// Every community of the district, in id order.
std::vector<Community> communitiesOf(Stores& s, DistrictId district) {
    std::vector<Community> out;
    PageRequest page{0, PageRequest::kMaxLimit};
    for (;;) {
        Page<Community> batch = s.scopes.communities(district, page);
        for (Community& c : batch.items) out.push_back(std::move(c));
        if (batch.next_after == 0) break;
        page.after = batch.next_after;
    }
    return out;
}

// What one refresh round works from: the cursor, where the records end now,
// and the figures recomputed on that snapshot.
struct RefreshSnapshot {
    DashboardCursor cursor;
    DashboardCursor through;
    struct Computed {
        CommunityFigures figures;
        StreetId street;
        DistrictId district;
    };
    std::vector<Computed> figures;
};

}  // namespace

DashboardService::DashboardService(Database& db, const Clock& clock, Options options)
    : db_(db), clock_(clock), options_(options) {}

Result<DashboardService::View> DashboardService::district(const Actor& actor, DistrictId id) {
    return read(actor, {ScopeKind::kDistrict, id.value}, false);
}

Result<DashboardService::View> DashboardService::street(const Actor& actor, StreetId id) {
    return read(actor, {ScopeKind::kStreet, id.value}, false);
}

Result<DashboardService::View> DashboardService::community(const Actor& actor, CommunityId id, bool from_records) {
    return read(actor, {ScopeKind::kCommunity, id.value}, from_records);
}

Result<DashboardService::View> DashboardService::read(const Actor& actor, ScopeRef scope, bool from_records) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    View view;
    view.scope = scope;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        view.now = clock_.now();
        std::vector<Community> communities;
        DistrictId district;
        switch (scope.kind) {
            case ScopeKind::kDistrict: {
                std::optional<District> d = s.scopes.district(DistrictId(scope.id));
                if (!d) return Status::notFound("district.not_found", "There is no such district.");
                if (!actor.isDistrictAdmin(d->id)) return forbidden();
                view.name = d->name;
                district = d->id;
                communities = communitiesOf(s, d->id);
                break;
            }
            case ScopeKind::kStreet: {
                std::optional<Street> st = s.scopes.street(StreetId(scope.id));
                if (!st) return Status::notFound("street.not_found", "There is no such street.");
                if (!actor.canManage(*st)) return forbidden();
                view.name = st->name;
                district = st->district_id;
                for (Community& c : communitiesOf(s, st->district_id)) {
                    if (c.street_id == st->id) communities.push_back(std::move(c));
                }
                break;
            }
            case ScopeKind::kCommunity: {
                std::optional<Community> c = s.scopes.community(CommunityId(scope.id));
                if (!c) return Status::notFound("community.not_found", "There is no such community.");
                if (!actor.isCommittee(c->id) && !actor.isStreetStaff(c->street_id) &&
                    !actor.isDistrictAdmin(c->district_id)) {
                    return forbidden();
                }
                view.name = c->name;
                district = c->district_id;
                communities.push_back(std::move(*c));
                break;
            }
        }
        std::map<std::int64_t, std::string> street_names;
        for (const Street& st : s.scopes.streets(district)) street_names[st.id.value] = st.name;

        DashboardStore& store = s.get<DashboardStore>();
        std::map<std::int64_t, CommunityFigures> kept;
        if (from_records) {
            for (const Community& c : communities) kept[c.id.value] = figuresFromRecords(s, c, view.now);
        } else {
            for (CommunityFigures& f : store.figuresIn(scope)) kept[f.community_id.value] = std::move(f);
            view.pending = store.latest() != store.cursor();
        }
        std::vector<CommunityFigures> present;
        for (Community& c : communities) {
            std::string street_name = street_names[c.street_id.value];
            Row row{std::move(c), std::move(street_name), std::nullopt};
            auto found = kept.find(row.community.id.value);
            if (found != kept.end()) {
                row.figures = found->second;
                present.push_back(found->second);
                if (found->second.computed_at < view.now - options_.max_age || found->second.valid_until <= view.now) {
                    view.pending = true;
                }
            } else {
                view.pending = true;
            }
            view.rows.push_back(std::move(row));
        }
        if (from_records) view.pending = false;
        std::stable_sort(view.rows.begin(), view.rows.end(), [](const Row& a, const Row& b) {
            return a.community.street_id.value < b.community.street_id.value;
        });
        view.totals = sumFigures(present);
        return Status::ok();
    }));
    return view;
}

Result<int> DashboardService::refresh() {
    RefreshSnapshot snapshot;
    auto read = [&](Stores& s, RefreshSnapshot& snap) -> Result<bool> {
        DashboardStore& store = s.get<DashboardStore>();
        snap.cursor = store.cursor();
        snap.through = store.latest();
        const Instant now = clock_.now();
        std::set<std::int64_t> ids;
        for (CommunityId id : store.communitiesChanged(snap.cursor, snap.through)) ids.insert(id.value);
        for (CommunityId id : store.staleCommunities(now - options_.max_age, now, options_.stale_batch)) {
            ids.insert(id.value);
        }
        for (std::int64_t id : ids) {
            std::optional<Community> c = s.scopes.community(CommunityId(id));
            if (!c) continue;
            snap.figures.push_back({figuresFromRecords(s, *c, now), c->street_id, c->district_id});
        }
        return !snap.figures.empty() || snap.through != snap.cursor;
    };
    // The figures were computed on the snapshot itself (they are reads).
    auto compute = [](RefreshSnapshot&) -> Result<bool> { return true; };
    auto still_valid = [](Stores& s, const RefreshSnapshot& snap) {
        return s.get<DashboardStore>().cursor() == snap.cursor;
    };
    auto commit = [](Stores& s, const RefreshSnapshot& snap, bool&) -> Status {
        DashboardStore& store = s.get<DashboardStore>();
        for (const RefreshSnapshot::Computed& c : snap.figures) store.saveFigures(c.figures, c.street, c.district);
        store.setCursor(snap.through);
        return Status::ok();
    };
    YISHI_ASSIGN_OR_RETURN(CommitOutcome outcome, computeThenCommit(db_, snapshot, read, compute, still_valid, commit));
    return outcome == CommitOutcome::kCommitted ? static_cast<int>(snapshot.figures.size()) : 0;
}

}  // namespace yishi::domain
