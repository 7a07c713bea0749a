#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace yishi {

// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing
// past U+10FFFF. Pure functions; thread-safe.

// The length (1 to 4) of the valid UTF-8 sequence that starts at text[pos],
// or 0 when none does (or pos is past the end).
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

// Every byte of `text` belongs to a valid sequence.
bool isValidUtf8(std::string_view text);

// A short, printable excerpt of text that came from outside (a request, a
// plugin), for error messages and log lines: `text` with each byte of an
// invalid sequence replaced by U+FFFD when that fits in `max_bytes`; else
// as much of it as fits, cut at a character boundary, followed by
// "… (N bytes)" with the full length, all within max_bytes (the note alone
// when max_bytes cannot hold more). So an excerpt is always valid UTF-8, no
// longer than max_bytes (or its note), and an excerpt of an excerpt with the
// same bound is the excerpt itself whenever it fits the bound (a note alone
// past the bound is cut again into a note of its own length).
std::string utf8Excerpt(std::string_view text, std::size_t max_bytes);

}  // namespace yishi
