#include "yishi/crypto/sodium_init.h"

#include <sodium.h>

namespace yishi::crypto {

Status initSodium() {
    // sodium_init is itself thread-safe and idempotent (returns 1 when done before).
    if (sodium_init() < 0) {
        return Status::internal("crypto.init_failed", "libsodium could not be initialised.");
    }
    return Status::ok();
}

}  // namespace yishi::crypto
