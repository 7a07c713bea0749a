#pragma once

#include "support/server_process.h"

namespace yishi::testing {

// One demo server shared by the tests of this executable that only read as
// visitors: they neither log in nor write, so none can see another's traces
// and any order will do. A test that logs in or writes starts its own
// ServerProcess (a copy of the demo district, about 0.2 s).
inline ServerProcess& sharedServer() {
    static ServerProcess server;
    return server;
}

}  // namespace yishi::testing
