#include "session_cookie.h"

namespace yishi::http {

std::string sessionCookie(const std::string& token, long long max_age_seconds, bool secure) {
    std::string c = std::string(kSessionCookie) + "=" + token + "; Path=/; Max-Age=" + std::to_string(max_age_seconds) +
                    "; HttpOnly; SameSite=Strict";
    if (secure) c += "; Secure";
    return c;
}

std::string expiredSessionCookie(bool secure) { return sessionCookie("", 0, secure); }

std::string deviceCookie(const std::string& token, bool secure) {
    std::string c = std::string(kDeviceCookie) + "=" + token +
                    "; Path=/api/v1/sessions; Max-Age=" + std::to_string(kDeviceCookieMaxAgeSeconds) +
                    "; HttpOnly; SameSite=Strict";
    if (secure) c += "; Secure";
    return c;
}

std::string cookieValue(const std::string& header, const std::string& name) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
        std::size_t end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        const std::size_t eq = header.find('=', pos);
        if (eq != std::string::npos && eq < end && header.compare(pos, eq - pos, name) == 0 &&
            eq - pos == name.size()) {
            return header.substr(eq + 1, end - eq - 1);
        }
        pos = end;
    }
    return "";
}

}  // namespace yishi::http
