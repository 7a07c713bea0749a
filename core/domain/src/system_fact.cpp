#include "yishi/domain/system_fact.h"

#include <array>

namespace yishi::domain {

namespace {

constexpr std::array kKinds = {facts::kAutoHidden, facts::kMergedFrom, facts::kEndedEarly, facts::kEscalatedTo,
                               facts::kAttended,   facts::kRebased,    facts::kLeftBy,     facts::kAssignedTo,
                               facts::kRated,      facts::kLowRating,  facts::kElection};

// "election/<id>": how a vote's step was stored before facts::kElection.
std::optional<SystemFact> legacyElection(std::string_view stored) {
    constexpr std::string_view kPrefix = "election/";
    if (stored.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    const std::string_view id = stored.substr(kPrefix.size());
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    return SystemFact{std::string(facts::kElection), std::string(id), ""};
}

std::string escape(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '%') {
            out += "%25";
        } else if (c == '\n') {
            out += "%0A";
        } else {
            out += c;
        }
    }
    return out;
}

std::string unescape(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value.compare(i, 3, "%25") == 0) {
            out += '%';
            i += 2;
        } else if (value.compare(i, 3, "%0A") == 0) {
            out += '\n';
            i += 2;
        } else {
            out += value[i];
        }
    }
    return out;
}

}  // namespace

std::string encodeFact(std::string_view kind, std::string_view value, std::string_view typed) {
    std::string out = std::string(kind) + ":" + escape(value);
    if (!typed.empty()) out += "\n" + std::string(typed);
    return out;
}

std::optional<SystemFact> parseFact(std::string_view stored) {
    if (std::optional<SystemFact> legacy = legacyElection(stored)) return legacy;
    const std::size_t colon = stored.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view kind = stored.substr(0, colon);
    bool known = false;
    for (std::string_view k : kKinds) known = known || k == kind;
    if (!known) return std::nullopt;
    const std::size_t line_end = stored.find('\n', colon);
    SystemFact fact;
    fact.kind = std::string(kind);
    fact.value = unescape(
        stored.substr(colon + 1, line_end == std::string_view::npos ? std::string_view::npos : line_end - colon - 1));
    if (line_end != std::string_view::npos) fact.typed = std::string(stored.substr(line_end + 1));
    return fact;
}

}  // namespace yishi::domain
