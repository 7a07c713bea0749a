#include "support/simulated_election.h"

#include <stdexcept>

#include "yishi/election/selection_rules.h"
#include "yishi/election/tally.h"

namespace yishi::testing {

namespace {

template <typename T>
T orThrow(Result<T> result) {
    if (!result.isOk()) throw std::runtime_error(result.status().toString());
    return std::move(result).value();
}

election::Manifest makeManifest(const SimulatedElectionOptions& o, const std::vector<election::Trustee>& trustees,
                                const crypto::SigningKey& board_key) {
    election::Manifest m;
    m.ref = "sim-1";
    m.scope = "community/1";
    m.subject = o.kind == election::ElectionKind::kReferendum ? "proposal/7" : "round/1";
    m.kind = o.kind;
    m.title = o.kind == election::ElectionKind::kReferendum ? "修订《文明养犬公约》第三条" : "2027 年民心项目";
    if (o.kind == election::ElectionKind::kReferendum) {
        m.options = {{"同意", 0, ""}, {"不同意", 0, ""}, {"弃权", 0, ""}};
        m.min = m.max = 1;
    } else {
        for (std::int64_t i = 0; i < o.options; ++i) {
            const std::int64_t cost = o.costs.empty() ? 0 : o.costs[static_cast<std::size_t>(i)];
            m.options.push_back({"项目 " + std::to_string(i + 1), cost, "community/" + std::to_string(1 + i % 2)});
        }
        m.min = o.min;
        m.max = o.max;
        m.budget = o.budget;
        m.rule = o.rule;
        if (!o.rule.empty()) {
            m.rule_version = "1.0.0";
            m.rule_hash = std::string(64, 'a');
        }
        m.rule_param = o.rule_param;
    }
    m.opens_at_ms = 1'000;
    m.closes_at_ms = 1'000'000'000;
    m.quorum = o.quorum;
    for (const auto& t : trustees) m.trustees.push_back(t.spec());
    m.board_pk = board_key.verifyKey().encoded();
    if (Status s = m.validate(); !s.isOk()) throw std::runtime_error(s.toString());
    return m;
}

std::vector<election::Trustee> makeTrustees(std::int64_t n) {
    std::vector<election::Trustee> trustees;
    for (std::int64_t j = 1; j <= n; ++j)
        trustees.push_back(election::Trustee::generate(j, "监票人 " + std::to_string(j)));
    return trustees;
}

}  // namespace

SimulatedElection::SimulatedElection(SimulatedElectionOptions options)
    : options_(std::move(options)),
      trustees_(makeTrustees(options_.trustees)),
      board_key_(crypto::SigningKey::generate()),
      manifest_(makeManifest(options_, trustees_, board_key_)),
      board_(manifest_.encoded(), board_key_),
      counts_(manifest_.options.size(), 0) {}

std::uint64_t SimulatedElection::append(const election::Message& message) {
    messages_.push_back(message);
    return board_.append(election::encodeMessage(message, eid()), ++now_);
}

void SimulatedElection::runCeremony() {
    std::vector<election::TrusteeReveal> reveals;
    std::vector<election::TrusteeShares> shares;
    for (auto& t : trustees_) append(t.commit(manifest_, eid()));
    for (auto& t : trustees_) {
        reveals.push_back(t.reveal(eid()));
        append(reveals.back());
    }
    for (auto& t : trustees_) {
        shares.push_back(orThrow(t.shares(manifest_, eid())));
        append(shares.back());
    }
    for (auto& t : trustees_) append(orThrow(t.confirm(manifest_, eid(), reveals, shares)));
    const election::Open open = orThrow(election::openKeys(manifest_, reveals));
    y_ = orThrow(crypto::Point::parse(open.y));
    append(open);
}

election::Credential SimulatedElection::enrollVoter() {
    election::Credential voter = election::Credential::generate();
    enroll(voter);
    return voter;
}

void SimulatedElection::enroll(const election::Credential& voter) {
    append(voter.enroll(eid()));
    active_.insert(voter.publicKey());
}

std::uint64_t SimulatedElection::cast(const election::Credential& voter, const std::vector<int>& selections) {
    return appendBallot(orThrow(voter.ballot(manifest_, eid(), y_, selections)));
}

std::uint64_t SimulatedElection::appendBallot(const election::Ballot& ballot) {
    ballots_.push_back(ballot);
    return append(ballot);
}

void SimulatedElection::finish(const std::set<std::int64_t>& absent) {
    now_ = std::max(now_, manifest_.closes_at_ms);
    append(election::Close{std::vector<std::string>(active_.begin(), active_.end())});
    const election::Tally tally = orThrow(election::tallyOf(manifest_, ballots_));
    append(tally);
    std::vector<election::Partial> partials;
    for (const auto& t : trustees_) {
        if (absent.count(t.index())) continue;
        partials.push_back(orThrow(t.partial(eid(), tally)));
        append(partials.back());
    }
    partials.resize(static_cast<std::size_t>(manifest_.quorum));
    const auto m = orThrow(election::combinePartials(tally, partials));
    election::ElectionResult result;
    for (const auto& mi : m) {
        const auto n = election::discreteLog(mi, tally.counted);
        if (!n) throw std::runtime_error("a count was not found");
        result.counts.push_back(*n);
    }
    counts_ = result.counts;
    result.selected = election::selectOptions(manifest_, result.counts);
    append(result);
}

std::string SimulatedElection::record() const { return board_.record(board_.signHead(now_)); }

}  // namespace yishi::testing
