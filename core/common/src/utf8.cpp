#include "yishi/common/utf8.h"

#include <algorithm>

namespace yishi {

std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) {
        return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u;
    };
    if (pos >= text.size()) return 0;
    const unsigned b0 = byte(0);
    if (b0 < 0x80) return 1;
    std::size_t n = 0;
    unsigned low = 0x80, high = 0xBF;  // the range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF)
        n = 2;
    else if (b0 == 0xE0)
        n = 3, low = 0xA0;
    else if (b0 >= 0xE1 && b0 <= 0xEC)
        n = 3;
    else if (b0 == 0xED)
        n = 3, high = 0x9F;
    else if (b0 >= 0xEE && b0 <= 0xEF)
        n = 3;
    else if (b0 == 0xF0)
        n = 4, low = 0x90;
    else if (b0 >= 0xF1 && b0 <= 0xF3)
        n = 4;
    else if (b0 == 0xF4)
        n = 4, high = 0x8F;
    else
        return 0;
    if (byte(1) < low || byte(1) > high) return 0;
    for (std::size_t i = 2; i < n; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
    }
    return n;
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t n = utf8SequenceLength(text, pos);
        if (n == 0) return false;
        pos += n;
    }
    return true;
}

namespace {

// `text` with each byte of an invalid sequence replaced by U+FFFD, as far as
// it fits in `budget` bytes (whole characters only); `*used` is how many
// bytes of `text` that took.
std::string sanitizedPrefix(std::string_view text, std::size_t budget, std::size_t* used) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    std::string out;
    out.reserve(std::min(text.size(), budget));
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t n = utf8SequenceLength(text, pos);
        const std::size_t width = n == 0 ? kReplacement.size() : n;
        if (out.size() + width > budget) break;
        if (n == 0) {
            out.append(kReplacement);
            ++pos;
        } else {
            out.append(text.substr(pos, n));
            pos += n;
        }
    }
    *used = pos;
    return out;
}

}  // namespace

std::string utf8Excerpt(std::string_view text, std::size_t max_bytes) {
    std::size_t used = 0;
    std::string whole = sanitizedPrefix(text, max_bytes, &used);
    if (used == text.size()) return whole;
    // Cut: room for the note of the full length, so the excerpt stays within
    // max_bytes and cutting an excerpt again changes nothing.
    const std::string note = "\xE2\x80\xA6 (" + std::to_string(text.size()) + " bytes)";
    const std::size_t budget = max_bytes > note.size() ? max_bytes - note.size() : 0;
    return sanitizedPrefix(text, budget, &used) + note;
}

}  // namespace yishi
