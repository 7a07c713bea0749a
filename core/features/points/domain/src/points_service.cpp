#include "yishi/domain/points_service.h"

#include <map>

#include "yishi/domain/points_changes.h"
#include "yishi/domain/points_processor.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::int64_t kMaxCost = 1'000'000'000;
constexpr std::int64_t kMaxStock = 1'000'000;

Status notFound(const char* what) {
    return Status::notFound(std::string(what) + ".not_found", std::string("No such ") + what + ".");
}

Status requireDistrictAdmin(const Actor& actor, DistrictId district) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!actor.isDistrictAdmin(district))
        return Status::forbidden("district.forbidden", "Only an admin of this district runs its reward catalog.");
    return Status::ok();
}

Status checkCost(std::int64_t cost) {
    if (cost < 1 || cost > kMaxCost) return Status::invalid("reward.cost", "cost is 1 to 1,000,000,000 points.");
    return Status::ok();
}

Status checkStock(std::int64_t stock) {
    if (stock < 0 || stock > kMaxStock) return Status::invalid("reward.stock", "stock is 0 to 1,000,000.");
    return Status::ok();
}

// Residents choose an offered reward by its name: two offered at once in a
// district never share one (an item withdrawn may).
Status nameIsFree(Stores& s, const RewardItem& item) {
    if (!item.active) return Status::ok();
    for (const RewardItem& other : s.get<PointsStore>().items(item.district)) {
        if (other.active && other.id != item.id && other.name == item.name) {
            return Status::conflict("reward.exists", "The district already offers a reward of this name.");
        }
    }
    return Status::ok();
}

}  // namespace

const char* redemptionStateName(RedemptionState state) {
    return state == RedemptionState::kHandedOver ? "handed_over" : "requested";
}

bool parseRedemptionState(const std::string& text, RedemptionState* state) {
    for (RedemptionState s : {RedemptionState::kRequested, RedemptionState::kHandedOver}) {
        if (text == redemptionStateName(s)) {
            *state = s;
            return true;
        }
    }
    return false;
}

PointsService::PointsService(Database& db, const Clock& clock, Duration utc_offset)
    : db_(db), clock_(clock), utc_offset_(utc_offset) {}

std::int64_t PointsService::dayOf(Instant at) const { return localDayNumber(at, utc_offset_); }

Result<PointsService::Statement> PointsService::mine(const Actor& actor, DistrictId district, PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Statement statement;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        if (!s.scopes.district(district)) return notFound("district");
        statement.balance = s.get<PointsStore>().balance(district, actor.userId());
        statement.entries = s.get<PointsStore>().ledger(district, actor.userId(), page);
        for (const LedgerEntry& e : statement.entries.items) {
            if (!e.redemption.valid() || statement.redeemed.contains(e.redemption.value)) continue;
            std::optional<Redemption> r = s.get<PointsStore>().redemption(e.redemption);
            if (!r) continue;
            std::optional<RewardItem> item = s.get<PointsStore>().item(r->item);
            statement.redeemed[r->id.value] = {item ? item->name : "", r->state, r->handed_over_at};
        }
        return Status::ok();
    }));
    return statement;
}

Result<std::int64_t> PointsService::logVolunteerService(const Actor& actor, CommunityId community, UserId user,
                                                        std::int64_t minutes, const std::string& description) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (minutes < 1 || minutes > 1440)
        return Status::invalid("volunteer.minutes", "minutes is 1 to 1440 (one day's service at most).");
    YISHI_RETURN_IF_ERROR(validateName("volunteer.description", description, 200));
    std::int64_t event_id = 0;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) -> Status {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return notFound("community");
        if (!actor.isCommittee(community) && !actor.isDistrictAdmin(c->district_id))
            return Status::forbidden("community.forbidden", "Only this community's committee logs volunteer service.");
        if (user == actor.userId())
            return Status::forbidden("volunteer.self",
                                     "Nobody logs their own volunteer service; another member of the committee does.");
        if (!s.users.user(user)) return notFound("user");
        std::optional<Membership> m = s.users.membership(user, community);
        if (!m || m->status != MembershipStatus::kVerified)
            return Status::invalid("volunteer.not_resident",
                                   "Volunteer service is logged for verified residents of the community.");
        const Instant now = clock_.now();
        event_id = s.record({changes::kVolunteerLogged, now, actor.userId(), user.value, community,
                             std::to_string(minutes) + " min: " + description, user, minutes});
        return Status::ok();
    }));
    return event_id;
}

Result<RewardItem> PointsService::createItem(const Actor& actor, DistrictId district, const std::string& name,
                                             std::int64_t cost, std::int64_t stock) {
    YISHI_RETURN_IF_ERROR(requireDistrictAdmin(actor, district));
    YISHI_RETURN_IF_ERROR(validateName("reward.name", name, 60));
    YISHI_RETURN_IF_ERROR(checkCost(cost));
    YISHI_RETURN_IF_ERROR(checkStock(stock));
    RewardItem item{RewardItemId(), district, name, cost, stock, true, clock_.now()};
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) -> Status {
        if (!s.scopes.district(district)) return notFound("district");
        YISHI_RETURN_IF_ERROR(nameIsFree(s, item));
        item.id = s.get<PointsStore>().insertItem(item);
        s.record({changes::kRewardCreated, clock_.now(), actor.userId(), item.id.value, CommunityId(),
                  name + " cost " + std::to_string(cost) + " stock " + std::to_string(stock)});
        return Status::ok();
    }));
    return item;
}

Result<RewardItem> PointsService::updateItem(const Actor& actor, RewardItemId id, const ItemChange& change) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (change.name) YISHI_RETURN_IF_ERROR(validateName("reward.name", *change.name, 60));
    if (change.cost) YISHI_RETURN_IF_ERROR(checkCost(*change.cost));
    if (change.stock) YISHI_RETURN_IF_ERROR(checkStock(*change.stock));
    RewardItem item;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) -> Status {
        std::optional<RewardItem> found = s.get<PointsStore>().item(id);
        if (!found) return notFound("reward");
        YISHI_RETURN_IF_ERROR(requireDistrictAdmin(actor, found->district));
        item = *found;
        if (change.name) item.name = *change.name;
        if (change.cost) item.cost = *change.cost;
        if (change.stock) item.stock = *change.stock;
        if (change.active) item.active = *change.active;
        YISHI_RETURN_IF_ERROR(nameIsFree(s, item));
        s.get<PointsStore>().updateItem(item);
        s.record({changes::kRewardUpdated, clock_.now(), actor.userId(), id.value, CommunityId(),
                  item.name + " cost " + std::to_string(item.cost) + " stock " + std::to_string(item.stock) +
                      (item.active ? "" : " inactive")});
        return Status::ok();
    }));
    return item;
}

Result<std::vector<RewardItem>> PointsService::items(DistrictId district) {
    std::vector<RewardItem> items;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        if (!s.scopes.district(district)) return notFound("district");
        items = s.get<PointsStore>().items(district);
        return Status::ok();
    }));
    return items;
}

Result<PointsService::Redeemed> PointsService::redeem(const Actor& actor, RewardItemId id, const std::string& key) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (key.empty() || key.size() > 64)
        return Status::invalid("redemption.key", "idempotency_key is 1 to 64 characters, one per redemption you mean.");
    Redeemed out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) -> Status {
        if (auto earlier = s.get<PointsStore>().redemptionByKey(actor.userId(), key)) {
            if (earlier->item != id)
                return Status::conflict("redemption.key_reused", "This idempotency_key was used for another reward.");
            out.redemption = *earlier;
            out.balance = s.get<PointsStore>().balance(earlier->district, actor.userId());
            return Status::ok();
        }
        std::optional<RewardItem> item = s.get<PointsStore>().item(id);
        if (!item) return notFound("reward");
        // The resident's verified community in the item's district.
        CommunityId community;
        for (const Membership& m : actor.memberships()) {
            if (m.status != MembershipStatus::kVerified) continue;
            std::optional<Community> c = s.scopes.community(m.community_id);
            if (c && c->district_id == item->district) community = c->id;
        }
        if (!community.valid())
            return Status::forbidden("membership.none", "Rewards are for verified residents of this district.");
        if (!item->active) return Status::conflict("reward.inactive", "This reward is not offered any more.");
        if (item->stock < 1) return Status::conflict("reward.out_of_stock", "This reward is out of stock.");
        const std::int64_t balance = s.get<PointsStore>().balance(item->district, actor.userId());
        if (balance < item->cost)
            return Status::conflict("points.insufficient", "This reward costs " + std::to_string(item->cost) +
                                                               " points; you have " + std::to_string(balance) + ".");
        const Instant now = clock_.now();
        item->stock -= 1;
        s.get<PointsStore>().updateItem(*item);
        Redemption r{RedemptionId(),
                     id,
                     item->district,
                     community,
                     actor.userId(),
                     item->cost,
                     key,
                     RedemptionState::kRequested,
                     now,
                     Instant(),
                     UserId()};
        r.id = s.get<PointsStore>().insertRedemption(r);
        s.get<PointsStore>().appendLedger({0, item->district, actor.userId(), -item->cost, "redemption",
                                           "兑换 " + item->name, dayOf(now), 0, r.id, "", now});
        s.record({changes::kRewardRedeemed, now, actor.userId(), r.id.value, community, item->name});
        out.redemption = r;
        out.balance = balance - item->cost;
        out.created = true;
        return Status::ok();
    }));
    return out;
}

Result<Redemption> PointsService::handOver(const Actor& actor, RedemptionId id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Redemption r;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) -> Status {
        std::optional<Redemption> found = s.get<PointsStore>().redemption(id);
        if (!found) return notFound("redemption");
        std::optional<Community> c = s.scopes.community(found->community);
        if (!c || !actor.canManage(*c))
            return Status::forbidden("community.forbidden",
                                     "Only the resident's community committee hands rewards over.");
        if (found->state == RedemptionState::kHandedOver)
            return Status::conflict("redemption.handed_over", "This reward was handed over already.");
        const Instant now = clock_.now();
        s.get<PointsStore>().markHandedOver(id, actor.userId(), now);
        s.record({changes::kRewardHandedOver, now, actor.userId(), id.value, found->community});
        r = *found;
        r.state = RedemptionState::kHandedOver;
        r.handed_over_at = now;
        r.handed_over_by = actor.userId();
        return Status::ok();
    }));
    return r;
}

Result<Page<PointsService::RedemptionView>> PointsService::communityRedemptions(const Actor& actor,
                                                                                CommunityId community,
                                                                                std::optional<RedemptionState> state,
                                                                                PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Page<RedemptionView> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return notFound("community");
        if (!actor.canOversee(*c))
            return Status::forbidden("community.forbidden", "Only those who run this community see its redemptions.");
        PointsStore& store = s.get<PointsStore>();
        Page<Redemption> found = store.redemptions(community, state, page);
        out.next_after = found.next_after;
        for (Redemption& r : found.items) {
            RedemptionView view;
            std::optional<User> user = s.users.user(r.user);
            view.user_name = user ? user->display_name : "";
            if (std::optional<RewardItem> item = store.item(r.item)) {
                view.reward_name = item->name;
                view.reward_cost = item->cost;
            }
            view.redemption = std::move(r);
            out.items.push_back(std::move(view));
        }
        return Status::ok();
    }));
    return out;
}

Result<std::vector<SkippedEvent>> PointsService::skipped(const Actor& actor, DistrictId district) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::vector<SkippedEvent> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        if (!s.scopes.district(district)) return notFound("district");
        const bool whole = actor.isDistrictAdmin(district) || actor.isObserver(district);
        bool oversees_any = whole;
        std::map<std::int64_t, bool> oversees;
        auto overseen = [&](CommunityId id) {
            auto known = oversees.find(id.value);
            if (known != oversees.end()) return known->second;
            std::optional<Community> c = s.scopes.community(id);
            return oversees[id.value] = c && actor.canOversee(*c);
        };
        for (SkippedEvent& skip : s.get<PointsStore>().skipped(district))
            if (whole || (skip.community.valid() && overseen(skip.community))) out.push_back(std::move(skip));
        if (!oversees_any) {
            for (const RoleGrant& g : actor.grants()) {
                if (g.role == Role::kCommittee) {
                    std::optional<Community> c = s.scopes.community(CommunityId(g.scope.id));
                    oversees_any = oversees_any || (c && c->district_id == district);
                } else if (g.role == Role::kStreetStaff) {
                    std::optional<Street> st = s.scopes.street(StreetId(g.scope.id));
                    oversees_any = oversees_any || (st && st->district_id == district);
                }
            }
        }
        if (!oversees_any)
            return Status::forbidden("points.forbidden",
                                     "Skipped events are for those who run the district or one of its communities.");
        return Status::ok();
    }));
    return out;
}

Result<std::vector<LedgerEntry>> PointsService::retrySkipped(const Actor& actor, DistrictId district,
                                                             std::int64_t event_id) {
    YISHI_RETURN_IF_ERROR(requireDistrictAdmin(actor, district));
    if (!processor_) return Status::unavailable("points.unavailable", "Points are not processed on this server.");
    bool in_district = false;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        std::optional<SkippedEvent> skip = s.get<PointsStore>().skippedEvent(event_id);
        in_district = skip && skip->district == district && skip->resolved_at == Instant();
        return Status::ok();
    }));
    if (!in_district)
        return Status::notFound("skipped.not_found", "No skipped event " + std::to_string(event_id) + " here.");
    return processor_->retrySkipped(event_id);
}

}  // namespace yishi::domain
