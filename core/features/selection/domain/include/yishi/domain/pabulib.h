#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/common/result.h"

namespace yishi::domain {

// A participatory-budgeting election in the Pabulib format (docs/plugins.md,
// "Pabulib files"): META, PROJECTS and VOTES sections of ';'-separated,
// CSV-quoted fields.
struct PbProject {
    std::string id;
    std::string cost;                           // as written: int or decimal
    std::map<std::string, std::string> fields;  // every column, cost and id included
};

struct PbVote {
    std::vector<std::string> projects;  // approved, or ranked best first
    std::vector<std::string> points;    // parallel to projects (cumulative, scoring)
};

struct PbElection {
    std::map<std::string, std::string> meta;
    std::vector<PbProject> projects;  // in file order
    std::vector<PbVote> votes;

    std::string metaOr(const std::string& key, std::string fallback) const;
};

// Parses the text of a .pb file. Tolerates a BOM, CRLF, empty lines and a
// missing final newline; handles quoted fields with ';' and doubled quotes.
// invalid "pabulib.format" naming the line on anything else.
Result<PbElection> parsePabulib(std::string_view text);

// The scores the file's vote_type gives each project: approvals (approval,
// choose-1), summed points (cumulative, scoring), or max_length - position
// (ordinal). invalid "pabulib.format" when a vote names an unknown project
// or points are malformed.
Result<std::map<std::string, std::int64_t>> pabulibScores(const PbElection& election);

// Parses money written as an integer or a decimal (dot or comma) into an
// integer count of 10^-scale units: ("12.5", 2) -> 1250. invalid
// "pabulib.format" when it has more decimals than `scale` or is not a number.
Result<std::int64_t> parsePbMoney(std::string_view text, int scale);

// The number of decimals the money fields of the election use (budget and
// costs), so that parsePbMoney(x, scale) is exact for all of them.
int pabulibMoneyScale(const PbElection& election);

}  // namespace yishi::domain
