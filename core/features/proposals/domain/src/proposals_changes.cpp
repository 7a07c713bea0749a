#include "yishi/domain/proposals_changes.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kProposalCreated{"proposal.created", "proposal", "", "", ""};
const ChangeKind kProposalMergeReceived{"proposal.merge_received", "proposal", "", "", ""};
const ChangeKind kProposalEdited{"proposal.edited", "proposal", "", "", ""};
}  // namespace changes

namespace {

// One kind per action, made from the lifecycle table: the event names the
// state the action leads to (one state per action; a test holds that).
const std::vector<ChangeKind>& stepKinds() {
    static const std::vector<ChangeKind> kinds = [] {
        std::vector<ChangeKind> out;
        for (int a = 0; a <= static_cast<int>(ProposalAction::kFormConvention); ++a) {
            const auto action = static_cast<ProposalAction>(a);
            std::string event;
            for (const ProposalTransition& t : proposalTransitions()) {
                if (t.action == action) event = std::string("proposal.") + proposalStateName(t.to);
            }
            out.push_back({std::string("proposal.") + proposalActionName(action), "proposal", event,
                           event.empty() ? "" : "the proposal's author", ""});
        }
        return out;
    }();
    return kinds;
}

}  // namespace

const ChangeKind& proposalStep(ProposalAction action) { return stepKinds().at(static_cast<std::size_t>(action)); }

const std::vector<const ChangeKind*>& proposals_changes() {
    static const std::vector<const ChangeKind*> kinds = [] {
        std::vector<const ChangeKind*> out = {&changes::kProposalCreated, &changes::kProposalMergeReceived,
                                              &changes::kProposalEdited};
        for (const ChangeKind& k : stepKinds()) out.push_back(&k);
        return out;
    }();
    return kinds;
}

}  // namespace yishi::domain
