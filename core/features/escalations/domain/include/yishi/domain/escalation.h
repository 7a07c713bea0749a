#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

using EscalationId = Id<struct EscalationTag>;

// 一键派单: an item the committee cannot solve goes to the street (协同处置),
// and from the street to the district (联动处置).
enum class EscalationLevel { kStreet, kDistrict };
enum class EscalationStatus { kOpen, kForwarded, kResolved };

const char* escalationLevelName(EscalationLevel level);
bool parseEscalationLevel(const std::string& text, EscalationLevel* level);
const char* escalationStatusName(EscalationStatus status);
bool parseEscalationStatus(const std::string& text, EscalationStatus* status);

struct Escalation {
    EscalationId id;
    ProposalId proposal_id;
    CommunityId community_id;
    StreetId street_id;
    DistrictId district_id;
    EscalationLevel level = EscalationLevel::kStreet;
    EscalationStatus status = EscalationStatus::kOpen;
    std::string reason;
    UserId escalated_by;
    Instant escalated_at;
    Instant due_at;
    std::string resolution;
    UserId resolved_by;
    Instant resolved_at;  // unset (the epoch) while open

    // Late once the whole second of the deadline has passed (as proposals' badges).
    bool overdue(Instant now) const { return status == EscalationStatus::kOpen && now.seconds() > due_at.seconds(); }
};

}  // namespace yishi::domain
