#pragma once

namespace yishi::app {

// yishi vote enroll|cast|check|show --server URL --election ID [...]: a
// voter's client (docs/cli.md). It makes the credential on this machine,
// builds, encrypts, proves and signs the ballot, checks the receipt, and
// later checks that the ballot is still in the board's log. It is the code
// path of the tests and the benchmark. Exit 0 on success, 1 when a check or
// a request fails, 64 for bad usage.
int runVoteCommand(int argc, char** argv);

}  // namespace yishi::app
