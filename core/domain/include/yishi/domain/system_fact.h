#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace yishi::domain {

// A fact the system states in a field that people read and that also holds
// what people type (an audit row's reason, a comment's hidden reason, an
// escalation's resolution). It is stored as structured text, never as an
// English sentence, and each view renders it in the reader's language:
//
//   <kind>:<value>            e.g. "auto_hidden:3", "attended:12"
//   <kind>:<value>\n<typed>   e.g. "merged_from:4\n重复了" (the words a
//                             committee member typed, kept as typed)
//
// In <value>, '%' and line breaks are written %25 and %0A. Only the kinds
// below are facts; any other stored text (rows written before facts, or
// typed words) reads as it is. docs/api.md lists the kinds. Thread-safe.
namespace facts {
inline constexpr std::string_view kAutoHidden = "auto_hidden";    // value: the number of reports
inline constexpr std::string_view kMergedFrom = "merged_from";    // value: the merged proposal's id
inline constexpr std::string_view kEndedEarly = "ended_early";    // value: the typed early_end_reason
inline constexpr std::string_view kEscalatedTo = "escalated_to";  // value: the level, "district"
inline constexpr std::string_view kAttended = "attended";         // value: the number of people
inline constexpr std::string_view kRebased = "rebased";           // value: "<from>-<onto>" versions
inline constexpr std::string_view kLeftBy = "left_by";            // value: who ended it, "resident"
inline constexpr std::string_view kAssignedTo = "assigned_to";    // value: the display name of who is responsible
inline constexpr std::string_view kRated = "rated";               // value: "<handling>-<result>" stars
inline constexpr std::string_view kLowRating = "low_rating";      // value: the result's stars that reopened a case
// value: the id of the residents' vote (election) that took the step: a
// wish sent to a round's vote, a decision by a vote's result. Rows written
// before this kind read "election/<id>" and are read as the same fact.
inline constexpr std::string_view kElection = "election";
}  // namespace facts

struct SystemFact {
    std::string kind;   // one of facts::k*
    std::string value;  // unescaped
    std::string typed;  // what a person typed with it; empty if nothing
};

// The stored text for a fact.
std::string encodeFact(std::string_view kind, std::string_view value, std::string_view typed = {});

// The fact in `stored`, or nothing when it is not one (plain words).
std::optional<SystemFact> parseFact(std::string_view stored);

}  // namespace yishi::domain
