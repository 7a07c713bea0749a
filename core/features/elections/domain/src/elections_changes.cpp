#include "yishi/domain/elections_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kElectionCreated{"election.created", "election", "", "", ""};
const ChangeKind kCredentialEnrolled{"election.credential_enrolled", "election", "", "", ""};
const ChangeKind kVoteCast{"vote.cast", "election", "vote.cast", "the voter", ""};
const ChangeKind kElectionPublished{"election.published", "election", "", "", ""};
}  // namespace changes

const std::vector<const ChangeKind*>& elections_changes() {
    static const std::vector<const ChangeKind*> kinds = {&changes::kElectionCreated, &changes::kCredentialEnrolled,
                                                         &changes::kVoteCast, &changes::kElectionPublished};
    return kinds;
}

}  // namespace yishi::domain
