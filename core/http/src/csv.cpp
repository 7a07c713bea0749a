#include "csv.h"

#include <string_view>

namespace yishi::http {

std::string csvField(const std::string& text, bool is_text) {
    std::string value = text;
    if (is_text && !value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) {
        value = "'" + value;
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char ch : value) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

}  // namespace yishi::http
