#include "hex.h"

namespace yishi::http {

namespace {
int digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::string hexOf(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0F]);
    }
    return out;
}

Result<std::string> bytesOfHex(std::string_view hex, const std::string& code) {
    if (hex.size() % 2 != 0) return Status::invalid(code, "Bytes are sent as an even number of hex digits.");
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = digit(hex[i]);
        const int lo = digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return Status::invalid(code, "Bytes are sent as hex digits 0-9, a-f.");
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
}

}  // namespace yishi::http
