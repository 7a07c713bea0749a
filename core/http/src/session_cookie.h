#pragma once

#include <string>

namespace yishi::http {

inline constexpr const char* kSessionCookie = "yishi_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// Set-Cookie values for the session cookie: HttpOnly, SameSite=Strict,
// Path=/, and Secure when `secure`.
std::string sessionCookie(const std::string& token, long long max_age_seconds, bool secure);
std::string expiredSessionCookie(bool secure);

// The value of cookie `name` in a Cookie header, or "".
std::string cookieValue(const std::string& cookie_header, const std::string& name);

}  // namespace yishi::http
