#pragma once

#include <string>
#include <vector>

#include "yishi/common/result.h"

namespace yishi::app {

// What `yishi vote` keeps for one election on the voter's own machine: the
// credential's seed (the secret that signs ballots; it never leaves this
// file) and the receipts of the ballots cast. One JSON file per server and
// election, readable by its owner only (mode 0600). Not thread-safe.
struct SavedReceipt {
    std::int64_t index = 0;
    std::int64_t at_ms = 0;
    std::string ballot_hash;  // hex
    std::string tracking_code;
    std::string head;    // hex of the signed tree head in the receipt
    std::string ballot;  // hex of the ballot message
};

struct Wallet {
    std::string path;
    std::string server;
    std::int64_t election = 0;
    std::string eid;   // hex
    std::string seed;  // hex; empty before enrollment
    std::vector<SavedReceipt> receipts;

    // The wallet file of an election: DIR/<host>_<port>_<election>.json with
    // DIR from --wallet, else $HOME/.yishi/wallet.
    static std::string pathFor(const std::string& dir, const std::string& server, std::int64_t election);
    // The saved wallet, or an empty one for that path when the file is absent;
    // invalid "wallet.corrupt" when the file cannot be read as one.
    static Result<Wallet> load(const std::string& path);
    // Writes the file atomically (a temporary file renamed), mode 0600.
    Status save() const;
};

}  // namespace yishi::app
