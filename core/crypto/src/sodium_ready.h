#pragma once

#include <stdexcept>

#include "yishi/crypto/sodium_init.h"

namespace yishi::crypto {

// Initialises libsodium on first use (thread-safe: a function-local static);
// throws when it cannot start, which no caller can recover from.
inline void ensureSodium() {
    static const bool ready = initSodium().isOk();
    if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace yishi::crypto
