#pragma once

#include <string>

#include "yishi/common/status.h"

// Checks on text that people type. Each returns OK or an "invalid" Status
// whose code names the field ("<field>.invalid") and whose message says what
// is allowed.
namespace yishi::domain {

// 3 to 32 characters: lower-case ASCII letters, digits, '.', '_' or '-'.
Status validateLogin(const std::string& login);
// 8 to 256 bytes.
Status validatePassword(const std::string& password);
// Valid UTF-8, 1 to `max_chars` characters, no control characters, not blank.
Status validateName(const std::string& field, const std::string& text, std::size_t max_chars);
// Free text such as a reason: valid UTF-8, at most `max_chars` characters.
Status validateText(const std::string& field, const std::string& text, std::size_t max_chars);

// Number of UTF-8 code points, or std::string::npos when `text` is not
// valid UTF-8.
std::size_t utf8Length(const std::string& text);

}  // namespace yishi::domain
