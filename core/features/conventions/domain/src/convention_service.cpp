#include "yishi/domain/convention_service.h"
#include "yishi/domain/convention_store.h"
#include "yishi/domain/conventions_changes.h"

#include <utility>

namespace yishi::domain {

namespace {

Status notFound() { return Status::notFound("convention.not_found", "There is no such convention."); }

Result<ConventionService::View> viewOf(Stores& s, const Actor& actor, ConventionId id) {
    std::optional<Convention> c = s.get<ConventionStore>().convention(id);
    if (!c) return notFound();
    ConventionService::View v;
    v.versions = s.get<ConventionStore>().versions(id);
    std::optional<ConventionVersion> current = s.get<ConventionStore>().version(id, c->current_version);
    if (!current) return Status::internal("storage.inconsistent", "A convention lost its current version.");
    v.current = std::move(*current);
    v.acknowledgements = s.get<ConventionStore>().countAcknowledgements(id, c->current_version);
    v.acknowledged_by_me =
        actor.isAuthenticated() && s.get<ConventionStore>().hasAcknowledged(id, c->current_version, actor.userId());
    v.convention = std::move(*c);
    return v;
}

}  // namespace

ConventionService::ConventionService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<ConventionService::View> ConventionService::get(const Actor& actor, ConventionId id) {
    std::optional<View> view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(View v, viewOf(s, actor, id));
        view = std::move(v);
        return Status::ok();
    }));
    return std::move(*view);
}

Result<Page<Convention>> ConventionService::list(CommunityId community, PageRequest page) {
    Page<Convention> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        out = s.get<ConventionStore>().conventions(community, page.clamped());
        return Status::ok();
    }));
    return out;
}

Result<ConventionVersion> ConventionService::version(ConventionId id, int number) {
    std::optional<ConventionVersion> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.get<ConventionStore>().convention(id)) return notFound();
        out = s.get<ConventionStore>().version(id, number);
        if (!out) return Status::notFound("convention.version_not_found", "This convention has no such version.");
        return Status::ok();
    }));
    return std::move(*out);
}

Result<std::vector<DiffLine>> ConventionService::diff(ConventionId id, int from, int to) {
    YISHI_ASSIGN_OR_RETURN(ConventionVersion a, version(id, from));
    YISHI_ASSIGN_OR_RETURN(ConventionVersion b, version(id, to));
    return lineDiff(a.text, b.text);
}

Result<ConventionService::View> ConventionService::acknowledge(const Actor& actor, ConventionId id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::optional<View> view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Convention> c = s.get<ConventionStore>().convention(id);
        if (!c) return notFound();
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(c->community_id));
        const Instant now = clock_.now();
        if (!s.get<ConventionStore>().insertAcknowledgement(id, c->current_version, actor.userId(), now)) {
            return Status::conflict("acknowledgement.exists", "You acknowledged this version already.");
        }
        s.record({changes::kConventionAcknowledged, now, actor.userId(), id.value, c->community_id,
                  "version " + std::to_string(c->current_version), actor.userId()});
        YISHI_ASSIGN_OR_RETURN(View v, viewOf(s, actor, id));
        view = std::move(v);
        return Status::ok();
    }));
    return std::move(*view);
}

Status ConventionService::checkDraft(Stores& s, const Proposal& draft) {
    if (!draft.amends_convention) return Status::ok();
    std::optional<Convention> amended = s.get<ConventionStore>().convention(ConventionId(draft.amends_convention));
    if (draft.kind != ProposalKind::kRule || !amended || amended->community_id != draft.community_id) {
        return Status::invalid("proposal.amends",
                               "Only a rule amends a convention, and only one of its own community.");
    }
    return Status::ok();
}

Result<std::int64_t> ConventionService::form(Stores& s, const Proposal& p, const ProposalOutcome::Input&, Instant now) {
    if (p.kind != ProposalKind::kRule) {
        return Status::conflict("proposal.kind_mismatch", "Only a rule becomes a convention.");
    }
    ConventionStore& conventions = s.get<ConventionStore>();
    ConventionVersion version{ConventionId(p.amends_convention), 1, p.body, p.id, now};
    if (p.amends_convention) {
        std::optional<Convention> amended = conventions.convention(version.convention_id);
        if (!amended) return Status::invalid("proposal.amends", "The amended convention is gone.");
        version.version = amended->current_version + 1;
        conventions.setCurrentVersion(amended->id, version.version);
    } else {
        version.convention_id = conventions.insertConvention({ConventionId(), p.community_id, p.title, 1, now});
    }
    conventions.insertVersion(version);
    return version.convention_id.value;
}

}  // namespace yishi::domain
