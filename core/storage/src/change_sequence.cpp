#include "change_sequence.h"

#include <algorithm>

#include "yishi/domain/change.h"

namespace yishi::storage {

void WriteNotes::noteChange(CommunityId community, const std::string& action) {
    if (domain::concernsSessionsOnly(action)) return;  // the session store notes the account
    if (community.valid())
        communities.push_back(community);
    else
        global = true;
}

void ChangeSequence::publish(const WriteNotes& notes) {
    if (notes.empty()) return;
    // The writer thread alone raises the sequence: no race between load and store.
    const std::uint64_t next = sequence_.load(std::memory_order_relaxed) + 1;
    for (CommunityId c : notes.communities) communities_[bucket(c.value)].store(next, std::memory_order_release);
    for (UserId u : notes.accounts) accounts_[bucket(u.value)].store(next, std::memory_order_release);
    if (notes.all_accounts) all_accounts_.store(next, std::memory_order_release);
    if (notes.global) global_.store(next, std::memory_order_release);
    if (notes.global || !notes.communities.empty()) any_scope_.store(next, std::memory_order_release);
    sequence_.store(next, std::memory_order_release);
}

std::uint64_t ChangeSequence::communityChangedAt(CommunityId community) const {
    return communities_[bucket(community.value)].load(std::memory_order_acquire);
}

std::uint64_t ChangeSequence::accountChangedAt(UserId user) const {
    return std::max(accounts_[bucket(user.value)].load(std::memory_order_acquire),
                    all_accounts_.load(std::memory_order_acquire));
}

}  // namespace yishi::storage
