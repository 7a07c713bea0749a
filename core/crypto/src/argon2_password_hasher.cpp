#include "yishi/crypto/argon2_password_hasher.h"

#include <sodium.h>

#include <condition_variable>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include "yishi/common/mutex.h"
#include "yishi/crypto/sodium_init.h"

namespace yishi::crypto {

// A counting gate: at most `limit` holders at once, first come first served
// as far as the condition variable allows. Thread-safe.
class Argon2PasswordHasher::Gate {
  public:
    explicit Gate(int limit) : free_(limit < 1 ? 1 : limit) {}
    void enter() {
        MutexLock lock(mutex_);
        ++waiting_;
        lock.wait(cv_, [&]() YISHI_REQUIRES(mutex_) { return free_ > 0; });
        --waiting_;
        --free_;
    }
    void leave() {
        {
            MutexLock lock(mutex_);
            ++free_;
        }
        cv_.notify_one();
    }
    int waiting() const {
        MutexLock lock(mutex_);
        return waiting_;
    }

    // Holds the gate for its lifetime.
    class Hold {
      public:
        explicit Hold(Gate& gate) : gate_(gate) { gate_.enter(); }
        ~Hold() { gate_.leave(); }
        Hold(const Hold&) = delete;
        Hold& operator=(const Hold&) = delete;

      private:
        Gate& gate_;
    };

  private:
    mutable Mutex mutex_;
    std::condition_variable cv_;
    int free_ YISHI_GUARDED_BY(mutex_);
    int waiting_ YISHI_GUARDED_BY(mutex_) = 0;
};

Argon2PasswordHasher::Argon2PasswordHasher(Options options)
    : ops_limit_(options.ops_limit ? options.ops_limit : crypto_pwhash_OPSLIMIT_INTERACTIVE),
      mem_limit_(options.mem_limit ? options.mem_limit : crypto_pwhash_MEMLIMIT_INTERACTIVE),
      gate_(std::make_unique<Gate>(options.max_concurrent)) {
    if (!initSodium().isOk()) throw std::runtime_error("libsodium could not be initialised");
    // The decoy is an encoded argon2id hash with these parameters, a random
    // salt and a random digest that no password gives: checking against it
    // costs a full hash, and making it costs nothing (hashing one took half
    // a second of every start on a busy machine, and a restart after a crash
    // should be quick). libsodium parses it back to be sure; if it did not,
    // a real hash is made instead.
    unsigned char salt[crypto_pwhash_SALTBYTES];
    unsigned char digest[32];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(digest, sizeof digest);
    auto base64 = [](const unsigned char* bytes, std::size_t n) {
        std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
        sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
        out.resize(std::strlen(out.c_str()));
        return out;
    };
    decoy_hash_ = "$argon2id$v=19$m=" + std::to_string(mem_limit_ / 1024) + ",t=" + std::to_string(ops_limit_) +
                  ",p=1$" + base64(salt, sizeof salt) + "$" + base64(digest, sizeof digest);
    if (decoy_hash_.size() >= crypto_pwhash_STRBYTES ||
        crypto_pwhash_str_needs_rehash(decoy_hash_.c_str(), ops_limit_, mem_limit_) != 0) {
        Result<std::string> decoy = hash("a password nobody has: it only costs time");
        if (!decoy.isOk()) throw std::runtime_error(decoy.status().message());
        decoy_hash_ = decoy.value();
    }
}

Argon2PasswordHasher::~Argon2PasswordHasher() = default;

Result<std::string> Argon2PasswordHasher::hash(const std::string& password) {
    char out[crypto_pwhash_STRBYTES];
    Gate::Hold hold(*gate_);
    holding();
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_limit_, mem_limit_,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Status::internal("crypto.hash_failed", "Out of memory while hashing a password.");
    }
    return std::string(out);
}

bool Argon2PasswordHasher::verify(const std::string& hash, const std::string& password) {
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    Gate::Hold hold(*gate_);
    holding();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool Argon2PasswordHasher::needsRehash(const std::string& hash) {
    if (hash.size() >= crypto_pwhash_STRBYTES) return true;
    return crypto_pwhash_str_needs_rehash(hash.c_str(), ops_limit_, mem_limit_) != 0;
}

void Argon2PasswordHasher::verifyNothing(const std::string& password) { (void)verify(decoy_hash_, password); }

void Argon2PasswordHasher::setHoldingHookForTests(std::function<void()> hook) { holding_hook_ = std::move(hook); }

int Argon2PasswordHasher::waitingForTests() const { return gate_->waiting(); }

void Argon2PasswordHasher::holding() const {
    if (holding_hook_) holding_hook_();
}

}  // namespace yishi::crypto
