#include <algorithm>

#include "yishi/domain/convention.h"

namespace yishi::domain {

namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

std::vector<DiffLine> lineDiff(const std::string& from, const std::string& to) {
    const std::vector<std::string> a = splitLines(from);
    const std::vector<std::string> b = splitLines(to);
    // lcs[i][j]: length of the LCS of a[i..] and b[j..]. Conventions are
    // short texts (hundreds of lines), so the quadratic table is fine.
    std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;) {
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::vector<DiffLine> out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            out.push_back({' ', a[i]});
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_back({'-', a[i++]});
        } else {
            out.push_back({'+', b[j++]});
        }
    }
    while (i < a.size()) out.push_back({'-', a[i++]});
    while (j < b.size()) out.push_back({'+', b[j++]});
    return out;
}

}  // namespace yishi::domain
