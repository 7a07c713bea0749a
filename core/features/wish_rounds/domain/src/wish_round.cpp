#include "yishi/domain/wish_round.h"

#include <array>
#include <utility>

namespace yishi::domain {

namespace {
constexpr std::array<std::pair<WishRoundPhase, const char*>, 5> kPhases = {{{WishRoundPhase::kCollecting, "collecting"},
                                                                            {WishRoundPhase::kCosting, "costing"},
                                                                            {WishRoundPhase::kReady, "ready"},
                                                                            {WishRoundPhase::kVoting, "voting"},
                                                                            {WishRoundPhase::kDecided, "decided"}}};
}  // namespace

const char* wishRoundPhaseName(WishRoundPhase phase) {
    for (const auto& [p, name] : kPhases) {
        if (p == phase) return name;
    }
    return "collecting";
}

bool parseWishRoundPhase(const std::string& text, WishRoundPhase* phase) {
    for (const auto& [p, name] : kPhases) {
        if (text == name) {
            *phase = p;
            return true;
        }
    }
    return false;
}

}  // namespace yishi::domain
