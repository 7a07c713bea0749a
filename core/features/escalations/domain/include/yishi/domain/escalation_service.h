#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/deadlines.h"
#include "yishi/domain/escalation.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Three-level handling (自治处置 → 协同处置 → 联动处置): the committee sends an
// item to its street with one click (一键派单), street staff handle it or send
// it on to the district, and each level resolves what reaches it within the
// district's deadline. Also "what awaits me" for committee members, street
// staff and district admins. Thread-safe.
class EscalationService {
  public:
    struct Queue {
        // Proposals waiting for a committee the actor sits on (submitted or
        // in screening), oldest first, with why each is overdue.
        std::vector<std::pair<Proposal, std::vector<std::string>>> proposals;
        // Open escalations at the streets and districts the actor serves.
        std::vector<Escalation> escalations;
    };

    EscalationService(Database& db, const Clock& clock, WorkingCalendar calendar, DeadlineRules rules);

    // Those who manage the community send a live proposal to its street.
    // forbidden "community.forbidden"; conflict "escalation.exists" (one is
    // open already), "proposal.not_live"; invalid "escalation.reason_required".
    Result<Escalation> escalate(const Actor& actor, ProposalId proposal, const std::string& reason);
    // Street staff of its street send an open street-level item to the district.
    // forbidden "escalation.forbidden"; conflict "escalation.not_open",
    // "escalation.top_level".
    Result<Escalation> forward(const Actor& actor, EscalationId id, const std::string& reason);
    // The level that holds it resolves it: street staff, or a district admin.
    // invalid "escalation.resolution_required".
    Result<Escalation> resolve(const Actor& actor, EscalationId id, const std::string& resolution);

    // A street's queue (its staff, or district admins) or a district's queue (its admins).
    Result<Page<Escalation>> streetQueue(const Actor& actor, StreetId street, std::optional<EscalationStatus> status,
                                         PageRequest page);
    Result<Page<Escalation>> districtQueue(const Actor& actor, DistrictId district,
                                           std::optional<EscalationStatus> status, PageRequest page);
    Result<std::vector<Escalation>> forProposal(ProposalId proposal);

    // What awaits the actor: for a committee, its communities' proposals in
    // submitted or screening and those whose consultation has ended (the
    // committee's next step); for staff and admins, their open escalations.
    Result<Queue> awaitingMe(const Actor& actor);

    // What a queue shows of an item besides the item: its proposal's title
    // and its community's name (a queue spans communities), by escalation id,
    // read in one transaction. Items whose proposal or community is gone
    // have no entry.
    struct Subject {
        std::string proposal_title;
        std::string community_name;
    };
    Result<std::map<std::int64_t, Subject>> subjectsOf(const std::vector<Escalation>& items);

    Instant now() const { return clock_.now(); }

  private:
    // When an item escalated at `now` in `district` is due, by the
    // district's settings (the constructor's calendar and rules are the
    // default).
    Instant dueFrom(Stores& s, DistrictId district, Instant now) const;
    Database& db_;
    const Clock& clock_;
    const WorkingCalendar calendar_;
    const DeadlineRules rules_;
};

}  // namespace yishi::domain
