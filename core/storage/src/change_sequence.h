#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "write_notes.h"
#include "yishi/domain/data_versions.h"

namespace yishi::storage {

// The database's DataVersions: a commit sequence and, per scope, the
// sequence of its last change. Communities and users share counters by a
// hash of their id (kBuckets each): a change ages its bucket-mates too,
// which costs a re-read, never a stale answer.
//
// Thread-safe: publish() from the writer thread alone (it is the only one
// that raises the sequence); the readers from any thread, without a lock.
// publish() raises the scopes' counters before the sequence itself, so a
// reader that sees the new sequence also sees the scopes it changed.
class ChangeSequence final : public domain::DataVersions {
  public:
    static constexpr std::size_t kBuckets = 4096;

    // After `notes`' job committed (visible to new readers), before its
    // caller is told: one step of the sequence. Nothing when the notes are
    // empty.
    void publish(const WriteNotes& notes);

    std::uint64_t sequence() const override { return sequence_.load(std::memory_order_acquire); }
    std::uint64_t communityChangedAt(CommunityId community) const override;
    std::uint64_t globalChangedAt() const override { return global_.load(std::memory_order_acquire); }
    std::uint64_t accountChangedAt(UserId user) const override;
    std::uint64_t anyScopeChangedAt() const override { return any_scope_.load(std::memory_order_acquire); }

  private:
    static std::size_t bucket(std::int64_t id) { return static_cast<std::size_t>(id) % kBuckets; }

    std::atomic<std::uint64_t> sequence_{0};
    std::atomic<std::uint64_t> global_{0};
    std::atomic<std::uint64_t> all_accounts_{0};
    std::atomic<std::uint64_t> any_scope_{0};
    std::array<std::atomic<std::uint64_t>, kBuckets> communities_{};
    std::array<std::atomic<std::uint64_t>, kBuckets> accounts_{};
};

}  // namespace yishi::storage
