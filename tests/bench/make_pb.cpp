// Writes a synthetic approval election in the Pabulib format, for timing
// the selection rules: make_pb PROJECTS VOTERS SEED OUT.pb [BUDGET]
// Costs are 10,000-300,000; the budget is a quarter of the total cost;
// each voter approves 1-10 projects, popular projects more often. With
// BUDGET, the costs are scaled up so that the budget is BUDGET and still
// about a quarter of the total cost.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 5 && argc != 6) {
        std::cerr << "usage: make_pb PROJECTS VOTERS SEED OUT.pb [BUDGET]\n";
        return 64;
    }
    const int projects = std::atoi(argv[1]);
    const int voters = std::atoi(argv[2]);
    std::mt19937_64 random(std::strtoull(argv[3], nullptr, 10));
    std::vector<std::int64_t> costs;
    std::int64_t total = 0;
    for (int p = 0; p < projects; ++p) {
        costs.push_back(10'000 + static_cast<std::int64_t>(random() % 290'001));
        total += costs.back();
    }
    std::int64_t budget = total / 4;
    if (argc == 6) {
        budget = std::strtoll(argv[5], nullptr, 10);
        const std::int64_t scale = std::max<std::int64_t>(1, budget / std::max<std::int64_t>(1, total / 4));
        for (auto& cost : costs) cost *= scale;
    }
    // Popularity: project p is drawn with weight 1 / (p + 1)^0.7.
    std::vector<double> weights;
    for (int p = 0; p < projects; ++p) weights.push_back(1.0 / std::pow(p + 1.0, 0.7));
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    std::vector<std::vector<int>> ballots(voters);
    std::vector<int> votes(projects, 0);
    for (auto& ballot : ballots) {
        const int size = 1 + static_cast<int>(random() % 10);
        std::set<int> chosen;
        while (static_cast<int>(chosen.size()) < std::min(size, projects)) chosen.insert(pick(random));
        ballot.assign(chosen.begin(), chosen.end());
        for (int p : ballot) ++votes[p];
    }
    std::ofstream out(argv[4]);
    out << "META\nkey;value\ndescription;synthetic\ncountry;none\nunit;bench\ninstance;1\nnum_projects;" << projects
        << "\nnum_votes;" << voters << "\nbudget;" << budget
        << "\nvote_type;approval\nrule;equalshares/add1\ndate_begin;1\ndate_end;1\n";
    out << "PROJECTS\nproject_id;cost;votes\n";
    for (int p = 0; p < projects; ++p) out << "p" << p << ";" << costs[p] << ";" << votes[p] << "\n";
    out << "VOTES\nvoter_id;vote\n";
    for (int v = 0; v < voters; ++v) {
        out << v << ";";
        for (std::size_t i = 0; i < ballots[v].size(); ++i) out << (i ? "," : "") << "p" << ballots[v][i];
        out << "\n";
    }
    return 0;
}
