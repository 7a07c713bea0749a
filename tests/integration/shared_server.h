#pragma once

#include "support/server_process.h"

namespace yishi::testing {

// One demo server shared by the tests of this executable that do not need a
// fresh one (started on first use, stopped at exit).
inline ServerProcess& sharedServer() {
    static ServerProcess server;
    return server;
}

}  // namespace yishi::testing
