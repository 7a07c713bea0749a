#include "yishi/election/selection_rules.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>

namespace yishi::election {

namespace {

// By count, highest first; equal counts by index, lowest first (5.9).
std::vector<std::int64_t> byCount(const std::vector<std::int64_t>& counts) {
    std::vector<std::int64_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t x, std::int64_t y) {
        return counts[static_cast<std::size_t>(x)] > counts[static_cast<std::size_t>(y)];
    });
    return order;
}

}  // namespace

std::vector<std::int64_t> selectOptions(const Manifest& manifest, const std::vector<std::int64_t>& counts) {
    if (manifest.kind == ElectionKind::kReferendum) {
        if (counts[kYes] > counts[kNo]) return {kYes};
        return {};
    }
    const std::string& rule = manifest.rule;
    if (rule.empty()) return {};
    const std::vector<std::int64_t> order = byCount(counts);
    std::vector<std::int64_t> selected;
    std::vector<bool> taken(counts.size(), false);
    std::int64_t remaining = manifest.budget;
    const auto cost = [&](std::int64_t i) { return manifest.options[static_cast<std::size_t>(i)].cost; };
    const auto take = [&](std::int64_t i) {
        selected.push_back(i);
        taken[static_cast<std::size_t>(i)] = true;
        remaining -= cost(i);
    };
    if (rule == "greedy-quota") {
        std::map<std::string, std::int64_t> per_group;
        for (const std::int64_t i : order) {
            const std::string& group = manifest.options[static_cast<std::size_t>(i)].group;
            if (per_group[group] < manifest.rule_param && cost(i) <= remaining) {
                ++per_group[group];
                take(i);
            }
        }
    }
    const std::int64_t threshold = rule == "greedy-threshold" ? manifest.rule_param : 0;
    for (const std::int64_t i : order) {
        if (taken[static_cast<std::size_t>(i)]) continue;
        if (counts[static_cast<std::size_t>(i)] < threshold) continue;
        if (cost(i) <= remaining) take(i);
    }
    return selected;
}

}  // namespace yishi::election
