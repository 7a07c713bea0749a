#include "election_request.h"

#include <algorithm>
#include <string>

namespace yishi::domain {

namespace {

constexpr std::int64_t kMaxCost = 1'000'000'000'000;        // fen (docs/election-record.md 5.3)
constexpr std::int64_t kMaxBudget = 1'000'000'000'000'000;  // fen
constexpr std::size_t kMaxText = 400;                       // bytes
constexpr std::size_t kMaxGroup = 64;                       // bytes
constexpr std::int64_t kMaxOptions = 64;
constexpr std::int64_t kMaxTrustees = 16;

Status invalid(const std::string& code, const std::string& message) { return Status::invalid(code, message); }

Status validateTrustees(const ElectionService::CreateRequest& r) {
    if (r.demo) return Status::ok();
    const auto n = static_cast<std::int64_t>(r.trustees.size());
    if (n < 1 || n > kMaxTrustees) return invalid("election.trustees", "An election has 1–16 trustees.");
    if (r.quorum < 1 || r.quorum > n) return invalid("election.trustees", "quorum is between 1 and the trustees.");
    for (const TrusteeKeys& t : r.trustees) {
        if (t.name.empty() || t.name.size() > 200)
            return invalid("election.trustees", "Each trustee's name is 1–200 bytes.");
        if (t.sign_pk.size() != 32 || t.box_pk.size() != 32)
            return invalid("election.trustees", "Each trustee's sign_pk and box_pk are 32 bytes.");
    }
    return Status::ok();
}

Status validateOptions(const ElectionService::CreateRequest& r) {
    const auto n = static_cast<std::int64_t>(r.options.size());
    if (n < 1 || n > kMaxOptions) return invalid("election.options", "An approval election has 1–64 options.");
    std::vector<std::int64_t> wishes;
    for (const ElectionOption& o : r.options) {
        if (o.cost < 0 || o.cost > kMaxCost) return invalid("election.options", "Each option's cost is 0–10^12 fen.");
        if (o.proposal_id != 0) {
            if (o.proposal_id < 0)
                return Status::invalid("election.option_proposal", "proposal_id is a proposal's id.");
            if (std::find(wishes.begin(), wishes.end(), o.proposal_id) != wishes.end()) {
                return Status::invalid("election.option_proposal",
                                       "Proposal " + std::to_string(o.proposal_id) + " is named by two options.");
            }
            wishes.push_back(o.proposal_id);
            continue;
        }
        if (o.label.empty() || o.label.size() > kMaxText)
            return invalid("election.options", "Each option's label is 1–400 bytes.");
        if (o.group.size() > kMaxGroup) return invalid("election.options", "Each option's group is at most 64 bytes.");
    }
    return Status::ok();
}

// The rule and its parameter (election-record.md 5.3 and 5.9).
Status validateRule(const ElectionService::CreateRequest& r) {
    if (r.rule.rfind("mes", 0) == 0) {
        return invalid("election.rule", r.rule +
                                            " needs each voter's approval set, and a secret ballot publishes only "
                                            "totals: run it on an open vote (a Pabulib file), or choose greedy, "
                                            "greedy-threshold or greedy-quota here.");
    }
    if (!r.rule.empty() && r.rule != "greedy" && r.rule != "greedy-threshold" && r.rule != "greedy-quota") {
        return invalid("election.rule", "rule is empty, \"greedy\", \"greedy-threshold\" or \"greedy-quota\".");
    }
    if (r.rule == "greedy-quota") {
        if (r.rule_param < 1) {
            return invalid("election.rule",
                           "greedy-quota's rule_param is how many options of each group its "
                           "first pass selects: at least 1.");
        }
        const bool grouped = std::all_of(r.options.begin(), r.options.end(), [](const ElectionOption& o) {
            return o.proposal_id != 0 || !o.group.empty();
        });
        if (!grouped) {
            return invalid("election.rule",
                           "greedy-quota needs every option's group: give each option its "
                           "community as group, or name wishes by proposal_id.");
        }
        return Status::ok();
    }
    if (r.rule_param < 0 || (r.rule != "greedy-threshold" && r.rule_param != 0)) {
        return invalid("election.rule",
                       "rule_param is the least count of greedy-threshold, the options per group "
                       "of greedy-quota, and 0 otherwise.");
    }
    return Status::ok();
}

}  // namespace

Status validateRequest(ElectionService::CreateRequest& r, Instant now) {
    YISHI_RETURN_IF_ERROR(validateTrustees(r));
    if (r.title.empty() || r.title.size() > kMaxText) return invalid("election.title", "The title is 1–400 bytes.");
    if (r.subject.size() > 64) return invalid("election.subject", "The subject is at most 64 bytes.");
    if (r.kind == ElectionKind::kReferendum) {
        if (!r.options.empty()) {
            return invalid("election.options", "A referendum's options are fixed: yes, no, abstain.");
        }
        r.options = {{"同意", 0, "", 0}, {"不同意", 0, "", 0}, {"弃权", 0, "", 0}};
        r.min = r.max = 1;
        if (r.budget != 0 || !r.rule.empty() || r.rule_param != 0) {
            return invalid("election.rule", "A referendum has no budget and no selection rule.");
        }
    } else {
        YISHI_RETURN_IF_ERROR(validateOptions(r));
        const auto n = static_cast<std::int64_t>(r.options.size());
        if (r.min < 0 || r.min > r.max || r.max < 1 || r.max > n) {
            return invalid("election.range",
                           "A ballot selects min..max options: 0 <= min <= max <= options, max >= 1.");
        }
        if (r.budget < 0 || r.budget > kMaxBudget) return invalid("election.budget", "The budget is 0–10^15 fen.");
        YISHI_RETURN_IF_ERROR(validateRule(r));
    }
    if (r.opens_at >= r.closes_at) return invalid("election.window", "opens_at must come before closes_at.");
    if (r.closes_at <= now) return invalid("election.window", "closes_at must be in the future.");
    return Status::ok();
}

}  // namespace yishi::domain
