#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "yishi/election/board_log.h"
#include "yishi/election/credential.h"
#include "yishi/election/manifest.h"
#include "yishi/election/trustee.h"

namespace yishi::testing {

// A whole election run in memory by the builders of core/election, as the
// server and the trustees would run it: the test support for records.
// Every entry is dated one millisecond after the previous one. Not
// thread-safe.
struct SimulatedElectionOptions {
    election::ElectionKind kind = election::ElectionKind::kReferendum;
    std::int64_t options = 3;  // approval only; a referendum has 3
    std::int64_t min = 1;
    std::int64_t max = 1;
    std::vector<std::int64_t> costs;  // approval: one per option, or empty for 0
    std::int64_t budget = 0;
    std::string rule;
    std::int64_t rule_param = 0;
    std::int64_t trustees = 3;
    std::int64_t quorum = 2;
};

class SimulatedElection {
  public:
    explicit SimulatedElection(SimulatedElectionOptions options = {});

    const election::Manifest& manifest() const { return manifest_; }
    const crypto::ElectionId& eid() const { return board_.electionId(); }
    election::BoardLog& board() { return board_; }
    const crypto::Point& electionKey() const { return y_; }
    std::int64_t now() const { return now_; }

    // The key ceremony and the open message (phases 2–6).
    void runCeremony();
    // A new voter, enrolled.
    election::Credential enrollVoter();
    // Enrolls a voter made elsewhere.
    void enroll(const election::Credential& voter);
    // Appends a ballot made elsewhere (benchmarks make them on many threads).
    std::uint64_t appendBallot(const election::Ballot& ballot);
    // Appends a ballot of `voter` with these selections; returns its index.
    std::uint64_t cast(const election::Credential& voter, const std::vector<int>& selections);
    // Close (with the roster), tally, partials from every trustee not in
    // `absent` (1-based), and the result.
    void finish(const std::set<std::int64_t>& absent = {});

    // The record up to now, signed.
    std::string record() const;

    // The messages appended so far, in board order (index 1 onwards).
    const std::vector<election::Message>& messages() const { return messages_; }
    std::vector<std::int64_t> counts() const { return counts_; }

  private:
    std::uint64_t append(const election::Message& message);

    SimulatedElectionOptions options_;
    std::vector<election::Trustee> trustees_;
    crypto::SigningKey board_key_;
    election::Manifest manifest_;
    election::BoardLog board_;
    crypto::Point y_;
    std::int64_t now_ = 1'000;
    std::set<std::string> active_;
    std::vector<election::Ballot> ballots_;
    std::vector<election::Message> messages_;
    std::vector<std::int64_t> counts_;
};

}  // namespace yishi::testing
