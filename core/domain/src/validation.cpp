#include "yishi/domain/validation.h"

namespace yishi::domain {

std::size_t utf8Length(const std::string& text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra;
        std::uint32_t cp;
        if (c < 0x80) {
            extra = 0;
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else
            return std::string::npos;
        if (i + extra >= text.size()) return std::string::npos;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return std::string::npos;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return std::string::npos;
        i += extra + 1;
        ++count;
    }
    return count;
}

Status validateLogin(const std::string& login) {
    bool ok = login.size() >= 3 && login.size() <= 32;
    for (char c : login) {
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
    }
    if (ok) return Status::ok();
    return Status::invalid("login.invalid",
                           "A login has 3 to 32 characters: lower-case letters a-z, digits, "
                           "'.', '_' or '-'.");
}

Status validatePassword(const std::string& password) {
    if (password.size() >= 8 && password.size() <= 256) return Status::ok();
    return Status::invalid("password.invalid", "A password has 8 to 256 characters.");
}

Status validateText(const std::string& field, const std::string& text, std::size_t max_chars) {
    const std::size_t length = utf8Length(text);
    if (length == std::string::npos) {
        return Status::invalid(field + ".invalid", field + " is not valid UTF-8 text.");
    }
    if (length > max_chars) {
        return Status::invalid(field + ".invalid",
                               field + " is longer than " + std::to_string(max_chars) + " characters.");
    }
    return Status::ok();
}

Status validateName(const std::string& field, const std::string& text, std::size_t max_chars) {
    YISHI_RETURN_IF_ERROR(validateText(field, text, max_chars));
    bool blank = true;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            return Status::invalid(field + ".invalid", field + " may not contain control characters.");
        }
        if (c != ' ') blank = false;
    }
    if (blank) return Status::invalid(field + ".invalid", field + " may not be empty.");
    return Status::ok();
}

}  // namespace yishi::domain
