#pragma once

#include <string>
#include <string_view>

namespace yishi {

// Appends `text` as a JSON string literal, quotes included: '"' and '\'
// escaped, control characters as \n, \r, \t or \u00XX, everything else
// (UTF-8 included) as is. Shared by the HTTP layer and the plugin host,
// which write JSON each their own way.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace yishi
