#include <array>
#include <utility>

#include "yishi/domain/proposal_store.h"

namespace yishi::domain {

namespace {

constexpr std::array<std::pair<ProposalSort, const char*>, 4> kSorts = {{{ProposalSort::kNewest, "newest"},
                                                                         {ProposalSort::kSupported, "supported"},
                                                                         {ProposalSort::kDiscussed, "discussed"},
                                                                         {ProposalSort::kDeadline, "deadline"}}};

std::size_t codePoints(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

const char* proposalSortName(ProposalSort sort) {
    for (const auto& [s, name] : kSorts) {
        if (s == sort) return name;
    }
    return "newest";
}

bool parseProposalSort(const std::string& text, ProposalSort* sort) {
    for (const auto& [s, name] : kSorts) {
        if (text == name) {
            *sort = s;
            return true;
        }
    }
    return false;
}

Result<SearchTerms> searchTerms(const std::string& text) {
    if (text.size() > kMaxSearchBytes) {
        return Status::invalid("query.q", "A search is at most " + std::to_string(kMaxSearchBytes) + " bytes.");
    }
    // Spaces separate words: ASCII blanks and the ideographic space U+3000
    // (E3 80 80), which Chinese input methods type.
    static const std::string kIdeographicSpace = "\xE3\x80\x80";
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        const bool blank = !end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r');
        const bool wide = !end && text.compare(i, kIdeographicSpace.size(), kIdeographicSpace) == 0;
        if (end || blank || wide) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
            if (wide) i += kIdeographicSpace.size() - 1;
        } else {
            word += text[i];
        }
    }
    if (words.size() > kMaxSearchWords) {
        return Status::invalid("query.q", "A search has at most " + std::to_string(kMaxSearchWords) + " words.");
    }
    SearchTerms terms;
    for (std::string& w : words) (codePoints(w) >= 3 ? terms.indexed : terms.short_words).push_back(std::move(w));
    return terms;
}

}  // namespace yishi::domain
