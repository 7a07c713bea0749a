#include "yishi/election/receipt.h"

#include "yishi/crypto/merkle_verify.h"

namespace yishi::election {

namespace {

Result<TreeHead> signedHead(std::string_view board_pk, const crypto::ElectionId& eid, std::string_view bytes) {
    auto head = TreeHead::parse(bytes);
    if (!head.isOk()) return Status::invalid("receipt.head", "The tree head does not read as one.");
    if (head->eid != eid) return Status::invalid("receipt.head", "The tree head is another election's.");
    if (!head->verifySignature(board_pk).isOk()) {
        return Status::invalid("receipt.head", "The tree head is not signed by the election's board key.");
    }
    return head;
}

}  // namespace

Status checkReceipt(std::string_view board_pk, const crypto::ElectionId& eid, std::string_view ballot_message,
                    std::uint64_t index, std::int64_t at_ms, std::string_view head_bytes,
                    const std::vector<crypto::MerkleHash>& inclusion_proof) {
    YISHI_ASSIGN_OR_RETURN(TreeHead head, signedHead(board_pk, eid, head_bytes));
    const std::string entry = Entry{eid, at_ms, std::string(ballot_message)}.encoded();
    if (!crypto::verifyInclusion(crypto::merkleLeafHash(entry), index, head.size, inclusion_proof, head.root).isOk()) {
        return Status::invalid("receipt.inclusion", "The ballot is not where the receipt says in the signed tree.");
    }
    return Status::ok();
}

Status checkExtends(std::string_view board_pk, const TreeHead& older, std::string_view newer_head_bytes,
                    const std::vector<crypto::MerkleHash>& consistency_proof) {
    YISHI_ASSIGN_OR_RETURN(TreeHead newer, signedHead(board_pk, older.eid, newer_head_bytes));
    if (!crypto::verifyConsistency(older.size, newer.size, older.root, newer.root, consistency_proof).isOk()) {
        return Status::invalid("receipt.consistency",
                               "The board's newer tree does not extend the one in the receipt: it was rewritten.");
    }
    return Status::ok();
}

}  // namespace yishi::election
