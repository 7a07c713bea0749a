#pragma once

#include <atomic>
#include <string>

#include "yishi/domain/ports.h"

namespace yishi::testing {

// A PasswordHasher without argon2's cost, for tests that are not about
// hashing. hash() gives "fake$<n>$<password>", n fresh each time as a salt
// would be; verify() accepts only its own hashes of the same password;
// needsRehash() is true for any other kind of hash. Thread-safe.
class FakePasswordHasher final : public domain::PasswordHasher {
  public:
    Result<std::string> hash(const std::string& password) override {
        return kPrefix + std::to_string(++made_) + "$" + password;
    }
    bool verify(const std::string& hash, const std::string& password) override {
        if (hash.rfind(kPrefix, 0) != 0) return false;
        const std::size_t salt_end = hash.find('$', kPrefix.size());
        return salt_end != std::string::npos && hash.compare(salt_end + 1, std::string::npos, password) == 0;
    }
    bool needsRehash(const std::string& hash) override { return hash.rfind(kPrefix, 0) != 0; }
    void verifyNothing(const std::string&) override {}

  private:
    inline static const std::string kPrefix = "fake$";
    std::atomic<long> made_{0};
};

}  // namespace yishi::testing
