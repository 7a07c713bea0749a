#pragma once

namespace yishi::app {

// yishi trustee keygen|ceremony|decrypt|show: a trustee's client, run on the
// trustee's own machine (docs/cli.md). The trustee's secrets (signing and
// box keys, polynomial, share x_j) stay in its state file; the server only
// sees the signed messages of docs/election-record.md 5.4 and 5.8. Exit 0 on
// success, 1 on a failed step, 64 for bad usage.
int runTrusteeCommand(int argc, char** argv);

}  // namespace yishi::app
