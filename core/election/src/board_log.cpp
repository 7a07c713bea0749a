#include "yishi/election/board_log.h"

#include "yishi/election/manifest.h"

namespace yishi::election {

BoardLog::BoardLog(std::string manifest_bytes, crypto::SigningKey board_key)
    : eid_(electionIdOf(manifest_bytes)), board_key_(std::move(board_key)) {
    appendEntry(std::move(manifest_bytes));
}

std::uint64_t BoardLog::append(std::string_view message, std::int64_t at_ms) {
    return appendEntry(Entry{eid_, at_ms, std::string(message)}.encoded());
}

std::uint64_t BoardLog::appendEntry(std::string entry_bytes) {
    tree_.append(crypto::merkleLeafHash(entry_bytes));
    entries_.push_back(std::move(entry_bytes));
    return entries_.size() - 1;
}

TreeHead BoardLog::signHead(std::int64_t at_ms) const {
    TreeHead head{eid_, size(), tree_.root(), at_ms, {}};
    return head.signedBy(board_key_);
}

Result<std::vector<crypto::MerkleHash>> BoardLog::inclusionProof(std::uint64_t index, std::uint64_t size) const {
    return tree_.inclusionProof(index, size);
}

Result<std::vector<crypto::MerkleHash>> BoardLog::consistencyProof(std::uint64_t from, std::uint64_t to) const {
    return tree_.consistencyProof(from, to);
}

std::string BoardLog::record(const TreeHead& head) const {
    std::string out = recordPrefix(head.size);
    for (std::uint64_t i = 0; i < head.size; ++i) out += recordField(entries_[i]);
    out += recordField(head.encoded());
    return out;
}

}  // namespace yishi::election
