#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace yishi::http {

// The languages error messages and system facts are rendered in.
enum class Language { kZhCn, kEn };

// The language a request asks for in its Accept-Language header: the
// highest-q tag among zh (zh, zh-CN, zh-Hans, ...) and en (en, en-US, ...);
// zh-CN when the header is absent, empty, or names neither (residents are
// Chinese). Never fails: a malformed header is read as far as it makes sense.
Language languageFromAcceptLanguage(std::string_view header);

// "zh-CN" or "en", for the Content-Language header.
const char* languageTag(Language language);

// The zh-CN catalog entry for exactly `code`, if it has one. Thread-safe
// (the catalog is a constant table).
std::optional<std::string_view> catalogMessageZhCn(std::string_view code);

// The zh-CN message for `code`: its own entry, else the entry for its
// family (a code ending in ".not_found", ".invalid", ... or starting with
// "body.", "query.", ...), else nothing (the caller then shows English).
std::optional<std::string_view> messageZhCn(std::string_view code);

}  // namespace yishi::http
