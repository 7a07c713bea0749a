#pragma once

#include <string>

// CSV exports (RFC 4180), opened in Excel by people who trust them.
namespace yishi::http {

// One field. Text that a spreadsheet would run as a formula (starting with
// = + - @, a tab or a carriage return) gets a leading apostrophe; a field
// with a comma, a quote or a line break is quoted. Numbers the server wrote
// itself pass `is_text` false: a negative number stays a number.
std::string csvField(const std::string& text, bool is_text = true);

// The byte order mark a CSV starts with, so that Excel reads the Chinese as UTF-8.
inline constexpr const char* kCsvByteOrderMark = "\xEF\xBB\xBF";

}  // namespace yishi::http
