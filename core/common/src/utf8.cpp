#include "yishi/common/utf8.h"

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

}  // namespace yishi
