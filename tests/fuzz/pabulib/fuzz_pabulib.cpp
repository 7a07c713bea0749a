// libFuzzer harness for the Pabulib reader
// (core/features/selection/domain/src/pabulib.cpp), driven the way
// `yishi pb select` drives it: parse, score, then every amount of money at
// the file's scale. Besides crashes, leaks, undefined behaviour (an
// overflowing sum of points is one) and hangs, it checks:
//  - a file that reads has its three sections' promises kept: every project
//    has its id and cost among its fields, and in a points file each vote's
//    points are the same in number as its projects when it scores;
//  - a refusal is "pabulib.format" with a message that names the line (or
//    the vote, or the number) and quotes no more than a short excerpt of the
//    file: valid UTF-8, a few hundred bytes at most;
//  - money: what reads at scale s reads at scale s + 1 as ten times as much
//    (or is too large there), and the file's own scale reads every amount
//    whose decimals fit it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "yishi/common/utf8.h"
#include "yishi/domain/pabulib.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

void checkRefusal(const Status& status) {
    require(status.code() == "pabulib.format");
    require(isValidUtf8(status.message()));
    require(status.message().size() <= 300);
}

void checkMoney(std::string_view text, int scale) {
    const Result<std::int64_t> at_scale = parsePbMoney(text, scale);
    if (!at_scale.isOk()) {
        checkRefusal(at_scale.status());
        return;
    }
    require(*at_scale >= 0);
    const Result<std::int64_t> finer = parsePbMoney(text, scale + 1);
    if (finer.isOk()) {
        require(*at_scale <= INT64_MAX / 10);
        require(*finer == *at_scale * 10);
    } else {
        checkRefusal(finer.status());
        require(*at_scale > INT64_MAX / 10);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    const Result<PbElection> election = parsePabulib(text);
    if (!election.isOk()) {
        checkRefusal(election.status());
        return 0;
    }
    for (const auto& p : election->projects) {
        require(p.fields.count("project_id") == 1 && p.fields.at("project_id") == p.id);
        require(p.fields.count("cost") == 1 && p.fields.at("cost") == p.cost);
    }
    const Result<std::map<std::string, std::int64_t>> scores = pabulibScores(*election);
    if (!scores.isOk()) {
        checkRefusal(scores.status());
    } else {
        for (const auto& p : election->projects) require(scores->count(p.id) == 1);
        const std::string type = election->metaOr("vote_type", "approval");
        if (type == "cumulative" || type == "scoring") {
            for (const auto& v : election->votes) require(v.points.size() == v.projects.size());
        }
    }
    const int scale = pabulibMoneyScale(*election);
    require(scale >= 0);
    checkMoney(election->metaOr("budget", ""), scale);
    for (const auto& p : election->projects) checkMoney(p.cost, scale);
    return 0;
}
