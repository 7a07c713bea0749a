#pragma once

#include <string>

namespace yishi::http {

inline constexpr const char* kSessionCookie = "yishi_session";
// The proof of an earlier login on this device (AuthService::LoginAttempt):
// sent back only to the login route, kept a year.
inline constexpr const char* kDeviceCookie = "yishi_device";
inline constexpr long long kDeviceCookieMaxAgeSeconds = 365LL * 24 * 3600;
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// Set-Cookie values for the session cookie: HttpOnly, SameSite=Strict,
// Path=/, and Secure when `secure`.
std::string sessionCookie(const std::string& token, long long max_age_seconds, bool secure);
std::string expiredSessionCookie(bool secure);
// Set-Cookie for the device proof: HttpOnly, SameSite=Strict, Path=/api/v1/sessions,
// and Secure when `secure`.
std::string deviceCookie(const std::string& token, bool secure);

// The value of cookie `name` in a Cookie header, or "".
std::string cookieValue(const std::string& cookie_header, const std::string& name);

}  // namespace yishi::http
