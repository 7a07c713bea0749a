#include <cctype>
#include <cstdlib>
#include <string>

#include "yishi/http/messages.h"

namespace yishi::http {

namespace {

std::string_view trim(std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
}

// The q of one "tag;q=0.8" item: 1 when absent, 0 when unreadable.
double qualityOf(std::string_view params) {
    while (!params.empty()) {
        const std::size_t semi = params.find(';');
        std::string_view p = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
        if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
            const std::string q(p.substr(2));
            char* end = nullptr;
            const double v = std::strtod(q.c_str(), &end);
            if (end == q.c_str() || *end != '\0' || !(v >= 0.0) || v > 1.0) return 0.0;
            return v;
        }
    }
    return 1.0;
}

}  // namespace

Language languageFromAcceptLanguage(std::string_view header) {
    double best_zh = -1.0;
    double best_en = -1.0;
    while (!header.empty()) {
        const std::size_t comma = header.find(',');
        const std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        const std::size_t semi = item.find(';');
        std::string tag(trim(item.substr(0, semi)));
        for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const double q = semi == std::string_view::npos ? 1.0 : qualityOf(item.substr(semi + 1));
        if (q <= 0.0) continue;
        const std::string primary = tag.substr(0, tag.find('-'));
        if (primary == "zh" && q > best_zh) best_zh = q;
        if (primary == "en" && q > best_en) best_en = q;
    }
    // A tie, or neither named, goes to the residents' language.
    return best_en > best_zh ? Language::kEn : Language::kZhCn;
}

const char* languageTag(Language language) { return language == Language::kEn ? "en" : "zh-CN"; }

}  // namespace yishi::http
