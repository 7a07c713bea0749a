#pragma once

#include "yishi/common/status.h"

namespace yishi::crypto {

// Initialises libsodium once per process. Safe to call from any thread, any
// number of times. internal "crypto.init_failed" when libsodium cannot start.
Status initSodium();

}  // namespace yishi::crypto
