#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/http/messages.h"

namespace yishi::http {

// What a view shows for a stored reason, hidden reason or resolution: a
// system fact (yishi/domain/system_fact.h) as a sentence in `language`,
// with the words a person typed with it kept as typed; any other text as it
// is. Thread-safe (pure).
std::string renderStoredText(std::string_view stored, Language language);

// The same, for a proposal's reason whose step is known: `step` is the
// trace's action ("proposal.adopt") or the proposal's state ("adopted"),
// so a residents' vote's fact says what the vote did (sent to the vote,
// adopted, not adopted, chosen for a project) rather than only that there
// was one.
std::string renderStoredText(std::string_view stored, Language language, std::string_view step);

// The residents' vote (election) a stored reason names, or 0: the page
// links to it and does not present the words as the committee's.
std::int64_t electionOfStoredText(std::string_view stored);

}  // namespace yishi::http
