#include "yishi/domain/escalation_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/escalation_store.h"
#include "yishi/domain/escalations_changes.h"
#include "yishi/domain/proposal_lookup.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/system_fact.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status notFound() { return Status::notFound("escalation.not_found", "There is no such escalation."); }

bool live(ProposalState s) {
    switch (s) {
        case ProposalState::kSubmitted:
        case ProposalState::kScreening:
        case ProposalState::kNeedsRevision:
        case ProposalState::kAccepted:
        case ProposalState::kConsultation:
        case ProposalState::kVoting:
        case ProposalState::kAdopted: return true;
        default: return false;
    }
}

}  // namespace

EscalationService::EscalationService(Database& db, const Clock& clock, WorkingCalendar calendar, DeadlineRules rules)
    : db_(db), clock_(clock), calendar_(std::move(calendar)), rules_(rules) {}

Instant EscalationService::dueFrom(Stores& s, DistrictId district, Instant now) const {
    DistrictSettings defaults;
    defaults.rules = rules_;
    defaults.holidays = calendar_.holidays();
    const DistrictSettings settings = effectiveSettings(s, district, defaults);
    const WorkingCalendar calendar(settings.holidays, calendar_.utcOffset());
    return calendar.addWorkingDays(now, settings.rules.escalation_working_days);
}

Result<Escalation> EscalationService::escalate(const Actor& actor, ProposalId proposal, const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (reason.empty())
        return Status::invalid("escalation.reason_required", "Say why the street should take this over.");
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, 1000));
    Escalation e;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        // Only a public proposal can be escalated, even by its author.
        YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, proposal, UserId()));
        std::optional<Community> c = s.scopes.community(p.community_id);
        if (!c) return Status::notFound("proposal.not_found", "There is no such proposal.");
        if (!actor.canManage(*c)) {
            return Status::forbidden("community.forbidden", "Only this community's committee escalates its items.");
        }
        if (!live(p.state)) {
            return Status::conflict("proposal.not_live",
                                    std::string("A proposal in state ") + proposalStateName(p.state) + " is settled.");
        }
        for (const Escalation& existing : s.get<EscalationStore>().forProposal(proposal)) {
            if (existing.status == EscalationStatus::kOpen) {
                return Status::conflict("escalation.exists", "This item is escalated already and not resolved.");
            }
        }
        const Instant now = clock_.now();
        e = Escalation{EscalationId(),
                       proposal,
                       c->id,
                       c->street_id,
                       c->district_id,
                       EscalationLevel::kStreet,
                       EscalationStatus::kOpen,
                       reason,
                       actor.userId(),
                       now,
                       dueFrom(s, c->district_id, now),
                       "",
                       UserId(),
                       Instant()};
        e.id = s.get<EscalationStore>().insertEscalation(e);
        s.record({changes::kEscalatedToStreet, now, actor.userId(), proposal.value, c->id, reason, p.author_id});
        // Sending it on, in public, answers the proposal (overdueRules()).
        if (p.responded_at == Instant()) {
            p.responded_at = now;
            s.get<ProposalStore>().updateProposal(p);
        }
        return Status::ok();
    }));
    return e;
}

Result<Escalation> EscalationService::forward(const Actor& actor, EscalationId id, const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (reason.empty())
        return Status::invalid("escalation.reason_required", "Say why the district should take this over.");
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, 1000));
    Escalation next;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Escalation> e = s.get<EscalationStore>().escalation(id);
        if (!e) return notFound();
        if (e->level != EscalationLevel::kStreet) {
            return Status::conflict("escalation.top_level", "The district is the last level.");
        }
        if (!actor.isStreetStaff(e->street_id)) {
            return Status::forbidden("escalation.forbidden", "Only this street's staff send its items on.");
        }
        if (e->status != EscalationStatus::kOpen)
            return Status::conflict("escalation.not_open", "This item is not open.");
        const Instant now = clock_.now();
        e->status = EscalationStatus::kForwarded;
        e->resolution = encodeFact(facts::kEscalatedTo, "district", reason);
        e->resolved_by = actor.userId();
        e->resolved_at = now;
        s.get<EscalationStore>().updateEscalation(*e);
        next = *e;
        next.id = EscalationId();
        next.level = EscalationLevel::kDistrict;
        next.status = EscalationStatus::kOpen;
        next.reason = reason;
        next.escalated_by = actor.userId();
        next.escalated_at = now;
        next.due_at = dueFrom(s, next.district_id, now);
        next.resolution.clear();
        next.resolved_by = UserId();
        next.resolved_at = Instant();
        next.id = s.get<EscalationStore>().insertEscalation(next);
        s.record({changes::kEscalatedToDistrict, now, actor.userId(), e->proposal_id.value, e->community_id, reason});
        return Status::ok();
    }));
    return next;
}

Result<Escalation> EscalationService::resolve(const Actor& actor, EscalationId id, const std::string& resolution) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (resolution.empty()) {
        return Status::invalid("escalation.resolution_required", "Say how the item was resolved.");
    }
    YISHI_RETURN_IF_ERROR(validateText("resolution", resolution, 2000));
    Escalation out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Escalation> e = s.get<EscalationStore>().escalation(id);
        if (!e) return notFound();
        const bool allowed = e->level == EscalationLevel::kStreet ? actor.isStreetStaff(e->street_id)
                                                                  : actor.isDistrictAdmin(e->district_id);
        if (!allowed) {
            return Status::forbidden("escalation.forbidden",
                                     std::string("Only the ") + escalationLevelName(e->level) + " resolves this item.");
        }
        if (e->status != EscalationStatus::kOpen)
            return Status::conflict("escalation.not_open", "This item is not open.");
        const Instant now = clock_.now();
        e->status = EscalationStatus::kResolved;
        e->resolution = resolution;
        e->resolved_by = actor.userId();
        e->resolved_at = now;
        s.get<EscalationStore>().updateEscalation(*e);
        s.record(
            {escalationResolvedBy(e->level), now, actor.userId(), e->proposal_id.value, e->community_id, resolution});
        // Resolved by the street or district: no longer late in the
        // committee's queue (overdueRules()).
        if (std::optional<Proposal> p = s.get<ProposalStore>().proposal(e->proposal_id)) {
            if (p->escalation_resolved_at == Instant()) {
                p->escalation_resolved_at = now;
                s.get<ProposalStore>().updateProposal(*p);
            }
        }
        out = *e;
        return Status::ok();
    }));
    return out;
}

Result<Page<Escalation>> EscalationService::streetQueue(const Actor& actor, StreetId street,
                                                        std::optional<EscalationStatus> status, PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Page<Escalation> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Street> st = s.scopes.street(street);
        if (!st) return Status::notFound("street.not_found", "There is no such street.");
        if (!actor.isStreetStaff(street) && !actor.isDistrictAdmin(st->district_id)) {
            return Status::forbidden("escalation.forbidden", "This queue is for the street's staff.");
        }
        out = s.get<EscalationStore>().queue(EscalationLevel::kStreet, street.value, status, page.clamped());
        return Status::ok();
    }));
    return out;
}

Result<Page<Escalation>> EscalationService::districtQueue(const Actor& actor, DistrictId district,
                                                          std::optional<EscalationStatus> status, PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!actor.isDistrictAdmin(district)) {
        return Status::forbidden("escalation.forbidden", "This queue is for the district's admins.");
    }
    Page<Escalation> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.district(district)) return Status::notFound("district.not_found", "There is no such district.");
        out = s.get<EscalationStore>().queue(EscalationLevel::kDistrict, district.value, status, page.clamped());
        return Status::ok();
    }));
    return out;
}

Result<std::vector<Escalation>> EscalationService::forProposal(ProposalId proposal) {
    std::vector<Escalation> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(findVisibleProposal(s, proposal, UserId()).status());
        out = s.get<EscalationStore>().forProposal(proposal);
        return Status::ok();
    }));
    return out;
}

Result<std::map<std::int64_t, EscalationService::Subject>> EscalationService::subjectsOf(
    const std::vector<Escalation>& items) {
    std::map<std::int64_t, Subject> out;
    if (items.empty()) return out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        for (const Escalation& e : items) {
            std::optional<Proposal> p = s.get<ProposalStore>().proposal(e.proposal_id);
            std::optional<Community> c = s.scopes.community(e.community_id);
            if (p && c) out[e.id.value] = Subject{p->title, c->name};
        }
        return Status::ok();
    }));
    return out;
}

Result<EscalationService::Queue> EscalationService::awaitingMe(const Actor& actor) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Queue queue;
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        for (const RoleGrant& g : actor.grants()) {
            if (g.role == Role::kCommittee) {
                // Waiting for the committee: a first response or a screening
                // decision, and a consultation that has ended (to a vote or closed).
                for (ProposalState state :
                     {ProposalState::kSubmitted, ProposalState::kScreening, ProposalState::kConsultation}) {
                    ProposalFilter filter;
                    filter.states = {state};
                    if (state == ProposalState::kConsultation) {
                        filter.overdue_only = true;
                        filter.overdue_at = now;
                    }
                    PageRequest page{0, PageRequest::kMaxLimit};
                    for (Proposal& p : s.get<ProposalStore>().proposals(CommunityId(g.scope.id), filter, page).items) {
                        std::vector<std::string> late = overdueReasons(p, now);
                        queue.proposals.emplace_back(std::move(p), std::move(late));
                    }
                }
            } else if (g.role == Role::kStreetStaff || g.role == Role::kDistrictAdmin) {
                const EscalationLevel level =
                    g.role == Role::kStreetStaff ? EscalationLevel::kStreet : EscalationLevel::kDistrict;
                Page<Escalation> page = s.get<EscalationStore>().queue(level, g.scope.id, EscalationStatus::kOpen,
                                                                       {0, PageRequest::kMaxLimit});
                queue.escalations.insert(queue.escalations.end(), page.items.begin(), page.items.end());
            }
        }
        return Status::ok();
    }));
    std::sort(queue.proposals.begin(), queue.proposals.end(),
              [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
    return queue;
}

}  // namespace yishi::domain
