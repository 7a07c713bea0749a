#pragma once

#include <string>
#include <string_view>

#include "yishi/http/messages.h"

namespace yishi::http {

// What a view shows for a stored reason, hidden reason or resolution: a
// system fact (yishi/domain/system_fact.h) as a sentence in `language`,
// with the words a person typed with it kept as typed; any other text as it
// is. Thread-safe (pure).
std::string renderStoredText(std::string_view stored, Language language);

}  // namespace yishi::http
