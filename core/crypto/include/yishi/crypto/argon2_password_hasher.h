#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "yishi/common/result.h"

namespace yishi::crypto {

// argon2id password hashes in libsodium's self-describing string form
// ($argon2id$v=19$m=...,t=...,p=1$salt$hash).
//
// At most `max_concurrent` hashes run at once; other callers wait their
// turn. Each hash at the default (libsodium's "interactive") setting costs
// about 64 MiB and 0.1 s, so an unbounded number would exhaust memory.
// Thread-safe: the gate is the only state that changes after construction.
class Argon2PasswordHasher {
  public:
    struct Options {
        std::uint64_t ops_limit = 0;  // 0: libsodium's interactive default
        std::size_t mem_limit = 0;    // bytes; 0: libsodium's interactive default
        int max_concurrent = 2;
    };

    explicit Argon2PasswordHasher(Options options);
    ~Argon2PasswordHasher();

    // internal "crypto.hash_failed" when memory for the hash cannot be had.
    Result<std::string> hash(const std::string& password);
    bool verify(const std::string& hash, const std::string& password);
    // The hash was made with other parameters than this hasher's.
    bool needsRehash(const std::string& hash);
    // Takes as long as verify() of a real hash, for logins of unknown users.
    void verifyNothing(const std::string& password);

    // Test seams, so a test can see the bound hold. `hook` runs inside
    // hash() and verify() while the caller holds one of the turns; set it
    // before the hasher is shared between threads. waitingForTests() is how
    // many callers wait for a turn right now.
    void setHoldingHookForTests(std::function<void()> hook);
    int waitingForTests() const;

  private:
    class Gate;

    void holding() const;

    const std::uint64_t ops_limit_;
    const std::size_t mem_limit_;
    std::unique_ptr<Gate> gate_;
    std::string decoy_hash_;  // what verifyNothing checks against
    std::function<void()> holding_hook_;
};

}  // namespace yishi::crypto
