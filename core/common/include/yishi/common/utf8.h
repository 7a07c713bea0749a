#pragma once

#include <cstddef>
#include <string_view>

namespace yishi {

// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing
// past U+10FFFF. Pure functions; thread-safe.

// The length (1 to 4) of the valid UTF-8 sequence that starts at text[pos],
// or 0 when none does (or pos is past the end).
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

// Every byte of `text` belongs to a valid sequence.
bool isValidUtf8(std::string_view text);

}  // namespace yishi
