#include "yishi/domain/convention_service.h"
#include "yishi/domain/convention_store.h"
#include "yishi/domain/conventions_changes.h"
#include "yishi/domain/proposal_lookup.h"
#include "yishi/domain/system_fact.h"
#include "yishi/domain/validation.h"

#include <utility>

namespace yishi::domain {

namespace {

Status notFound() { return Status::notFound("convention.not_found", "There is no such convention."); }

Status staleBase(const Convention& c, int base, ProposalId amendment) {
    const std::string from = std::to_string(base);
    const std::string to = std::to_string(c.current_version);
    std::string message = "This amendment was written against version " + from +
                          " of the convention; it is at version " + to +
                          " now (what changed: GET /api/v1/conventions/" + std::to_string(c.id.value) +
                          "/diff?from=" + from + "&to=" + to + ").";
    if (amendment.valid()) {
        message += " Adopting it as written would undo that change; the committee rebases it onto version " + to +
                   " (POST /api/v1/proposals/" + std::to_string(amendment.value) + "/rebases) first.";
    } else {
        message += " Write the amendment against the current version.";
    }
    return Status::conflict("convention.stale_base", message);
}

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

Result<ConventionService::Rebase> ConventionService::rebase(const Actor& actor, ProposalId proposal, int onto_version,
                                                            const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (reason.empty()) {
        return Status::invalid("rebase.reason_required",
                               "Say why the amendment stands over the newer version; the reason is public.");
    }
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, 1000));
    Rebase out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, proposal, actor.userId()));
        std::optional<Community> community = s.scopes.community(p.community_id);
        if (!community) return Status::notFound("proposal.not_found", "There is no such proposal.");
        if (!actor.canManage(*community)) {
            return Status::forbidden("community.forbidden", "Only this community's committee rebases an amendment.");
        }
        std::optional<Convention> c = s.get<ConventionStore>().convention(ConventionId(p.amends_convention));
        if (p.kind != ProposalKind::kRule || !p.amends_convention || !c) {
            return Status::conflict("rebase.not_an_amendment", "This proposal does not amend a convention.");
        }
        if (p.outcome_id) return Status::conflict("rebase.formed", "This amendment is part of the convention already.");
        if (onto_version != c->current_version) {
            return Status::conflict("rebase.version", "The convention is at version " +
                                                          std::to_string(c->current_version) + "; rebase onto it.");
        }
        if (p.amends_version == c->current_version) {
            return Status::conflict("rebase.not_needed", "This amendment is based on the current version already.");
        }
        const Instant now = clock_.now();
        out = {p.id, c->id, p.amends_version, onto_version, reason};
        p.amends_version = onto_version;
        p.updated_at = now;
        s.get<ProposalStore>().updateProposal(p);
        s.record({changes::kAmendmentRebased, now, actor.userId(), p.id.value, p.community_id,
                  encodeFact(facts::kRebased, std::to_string(out.from_version) + "-" + std::to_string(onto_version),
                             reason)});
        return Status::ok();
    }));
    return out;
}

Status ConventionService::checkDraft(Stores& s, Proposal& draft) {
    if (!draft.amends_convention) return Status::ok();
    std::optional<Convention> amended = s.get<ConventionStore>().convention(ConventionId(draft.amends_convention));
    if (draft.kind != ProposalKind::kRule || !amended || amended->community_id != draft.community_id) {
        return Status::invalid("proposal.amends",
                               "Only a rule amends a convention, and only one of its own community.");
    }
    if (draft.amends_version == 0) draft.amends_version = amended->current_version;
    if (draft.amends_version < 1 || draft.amends_version > amended->current_version) {
        return Status::invalid("proposal.amends", "The convention has no version " +
                                                      std::to_string(draft.amends_version) + "; it is at version " +
                                                      std::to_string(amended->current_version) + ".");
    }
    if (draft.amends_version != amended->current_version) return staleBase(*amended, draft.amends_version, {});
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
        if (p.amends_version != amended->current_version) return staleBase(*amended, p.amends_version, p.id);
        version.version = amended->current_version + 1;
        conventions.setCurrentVersion(amended->id, version.version);
    } else {
        version.convention_id = conventions.insertConvention({ConventionId(), p.community_id, p.title, 1, now});
    }
    conventions.insertVersion(version);
    return version.convention_id.value;
}

}  // namespace yishi::domain
