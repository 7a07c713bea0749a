#include "yishi/domain/pabulib.h"

#include <algorithm>
#include <charconv>

#include "yishi/common/utf8.h"

namespace yishi::domain {

namespace {

Status formatError(std::size_t line, const std::string& message) {
    return Status::invalid("pabulib.format", "line " + std::to_string(line) + ": " + message);
}

// What a message quotes of the file: a short excerpt, valid UTF-8 whatever
// the file holds.
std::string quoted(std::string_view text) { return utf8Excerpt(text, 64); }

Status moneyError(const char* why, std::string_view text) {
    return Status::invalid("pabulib.format", std::string(why) + ": " + quoted(text));
}

// Adds to a project's score, refusing what int64 cannot hold.
Status addScore(std::int64_t& score, std::int64_t points, std::size_t vote) {
    if (__builtin_add_overflow(score, points, &score))
        return Status::invalid("pabulib.format", "vote " + std::to_string(vote) + ": the scores pass int64");
    return Status::ok();
}

// Splits one line on ';' with CSV quoting. False on an unterminated quote.
bool splitFields(std::string_view line, std::vector<std::string>& fields) {
    fields.clear();
    std::string field;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == ';') {
            fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
        } else {
            field.push_back(c);
        }
    }
    if (quoted) return false;
    fields.push_back(std::move(field));
    return true;
}

std::vector<std::string> splitList(const std::string& cell) {
    std::vector<std::string> items;
    std::size_t start = 0;
    if (cell.empty()) return items;
    for (;;) {
        const auto comma = cell.find(',', start);
        items.push_back(cell.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return items;
}

int decimalsOf(std::string_view text) {
    const auto dot = text.find_first_of(".,");
    return dot == std::string_view::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

}  // namespace

std::string PbElection::metaOr(const std::string& key, std::string fallback) const {
    auto it = meta.find(key);
    return it == meta.end() ? fallback : it->second;
}

Result<PbElection> parsePabulib(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    PbElection election;
    enum class Section { kNone, kMeta, kProjects, kVotes } section = Section::kNone;
    std::vector<std::string> header, fields;
    bool expect_header = false;
    std::size_t line_number = 0, pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (line == "META" || line == "PROJECTS" || line == "VOTES") {
            const Section next = line == "META"       ? Section::kMeta
                                 : line == "PROJECTS" ? Section::kProjects
                                                      : Section::kVotes;
            if (static_cast<int>(next) != static_cast<int>(section) + 1)
                return formatError(line_number,
                                   "section " + std::string(line) + " out of order (META, PROJECTS, VOTES)");
            section = next;
            expect_header = true;
            continue;
        }
        if (section == Section::kNone) return formatError(line_number, "expected META");
        if (!splitFields(line, fields)) return formatError(line_number, "unterminated quoted field");
        if (expect_header) {
            header = fields;
            expect_header = false;
            if (section == Section::kProjects &&
                (std::find(header.begin(), header.end(), "project_id") == header.end() ||
                 std::find(header.begin(), header.end(), "cost") == header.end()))
                return formatError(line_number, "PROJECTS needs project_id and cost columns");
            if (section == Section::kVotes && std::find(header.begin(), header.end(), "vote") == header.end())
                return formatError(line_number, "VOTES needs a vote column");
            if (section == Section::kMeta && header.size() != 2)
                return formatError(line_number, "META needs a header of two columns, key;value");
            continue;
        }
        if (fields.size() != header.size())
            return formatError(line_number, "expected " + std::to_string(header.size()) + " fields, found " +
                                                std::to_string(fields.size()));
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
        if (section == Section::kMeta) {
            election.meta[fields[0]] = fields[1];
        } else if (section == Section::kProjects) {
            election.projects.push_back({row["project_id"], row["cost"], std::move(row)});
        } else {
            PbVote vote{splitList(row["vote"]), {}};
            if (auto points = row.find("points"); points != row.end()) vote.points = splitList(points->second);
            election.votes.push_back(std::move(vote));
        }
    }
    if (section != Section::kVotes) return formatError(line_number, "the file must have META, PROJECTS and VOTES");
    return election;
}

Result<std::int64_t> parsePbMoney(std::string_view text, int scale) {
    std::string digits;
    int decimals = -1;
    for (char c : text) {
        if (c == '.' || c == ',') {
            if (decimals >= 0) return moneyError("not a number", text);
            decimals = 0;
        } else if (c >= '0' && c <= '9') {
            digits.push_back(c);
            if (decimals >= 0) ++decimals;
        } else {
            return moneyError("not a number", text);
        }
    }
    if (digits.empty()) return moneyError("not a number", text);
    if (decimals < 0) decimals = 0;
    if (decimals > scale) return moneyError("too many decimals", text);
    // Past 19 significant digits no int64 holds the amount: the scale's
    // zeros are not written out then (one cost with a million decimals must
    // not cost every other amount a million bytes).
    const std::size_t significant = digits.find_first_not_of('0');
    if (significant == std::string::npos) return std::int64_t{0};
    digits.erase(0, significant);
    const auto zeros = static_cast<std::size_t>(scale - decimals);
    if (digits.size() + zeros > 19) return moneyError("number too large", text);
    digits.append(zeros, '0');
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) return moneyError("number too large", text);
    return value;
}

int pabulibMoneyScale(const PbElection& election) {
    int scale = decimalsOf(election.metaOr("budget", "0"));
    for (const auto& p : election.projects) scale = std::max(scale, decimalsOf(p.cost));
    return scale;
}

Result<std::map<std::string, std::int64_t>> pabulibScores(const PbElection& election) {
    std::map<std::string, std::int64_t> scores;
    for (const auto& p : election.projects) scores[p.id] = 0;
    const std::string type = election.metaOr("vote_type", "approval");
    std::int64_t max_length = 0;
    if (type == "ordinal") {
        for (const auto& v : election.votes) max_length = std::max<std::int64_t>(max_length, v.projects.size());
        const std::string declared = election.metaOr("max_length", "");
        if (!declared.empty()) {
            // A rank's score is max_length - position: a bound keeps the sums
            // within int64 (and a negative or garbled length is no length).
            const auto [end, ec] = std::from_chars(declared.data(), declared.data() + declared.size(), max_length);
            if (ec != std::errc() || end != declared.data() + declared.size() || max_length < 0 ||
                max_length > 1'000'000'000)
                return Status::invalid("pabulib.format",
                                       "max_length must be a whole number from 0 to 10^9, not " + quoted(declared));
        }
    }
    for (std::size_t i = 0; i < election.votes.size(); ++i) {
        const auto& vote = election.votes[i];
        if ((type == "cumulative" || type == "scoring") && vote.points.size() != vote.projects.size())
            return Status::invalid("pabulib.format",
                                   "vote " + std::to_string(i + 1) + ": points do not match the projects");
        for (std::size_t k = 0; k < vote.projects.size(); ++k) {
            auto it = scores.find(vote.projects[k]);
            if (it == scores.end())
                return Status::invalid("pabulib.format", "vote " + std::to_string(i + 1) + " names unknown project " +
                                                             quoted(vote.projects[k]));
            if (type == "cumulative" || type == "scoring") {
                std::int64_t points = 0;
                const auto& text = vote.points[k];
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), points);
                if (ec != std::errc() || end != text.data() + text.size())
                    return Status::invalid("pabulib.format",
                                           "vote " + std::to_string(i + 1) + ": points must be integers");
                YISHI_RETURN_IF_ERROR(addScore(it->second, points, i + 1));
            } else if (type == "ordinal") {
                YISHI_RETURN_IF_ERROR(addScore(it->second, max_length - static_cast<std::int64_t>(k), i + 1));
            } else {
                YISHI_RETURN_IF_ERROR(addScore(it->second, 1, i + 1));
            }
        }
    }
    return scores;
}

}  // namespace yishi::domain
