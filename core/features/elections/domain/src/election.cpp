#include "yishi/domain/election.h"

namespace yishi::domain {

namespace {
struct KindName {
    ElectionKind kind;
    const char* name;
};
constexpr KindName kKinds[] = {{ElectionKind::kReferendum, "referendum"}, {ElectionKind::kApproval, "approval"}};
struct PhaseName {
    ElectionPhase phase;
    const char* name;
};
constexpr PhaseName kPhases[] = {{ElectionPhase::kCeremony, "ceremony"},
                                 {ElectionPhase::kOpen, "open"},
                                 {ElectionPhase::kClosed, "closed"},
                                 {ElectionPhase::kTallied, "tallied"},
                                 {ElectionPhase::kPublished, "published"}};
}  // namespace

const char* electionKindName(ElectionKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.name;
    return "?";
}

bool parseElectionKind(const std::string& text, ElectionKind* kind) {
    for (const auto& k : kKinds) {
        if (text == k.name) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

const char* electionPhaseName(ElectionPhase phase) {
    for (const auto& p : kPhases)
        if (p.phase == phase) return p.name;
    return "?";
}

bool parseElectionPhase(const std::string& text, ElectionPhase* phase) {
    for (const auto& p : kPhases) {
        if (text == p.name) {
            *phase = p.phase;
            return true;
        }
    }
    return false;
}

}  // namespace yishi::domain
