#pragma once

namespace yishi::app {

// `yishi serve [options]`: runs the server until SIGTERM or SIGINT (or, with
// --stop-on-stdin-eof, until standard input closes). Returns the exit code.
int runServe(int argc, char** argv);

}  // namespace yishi::app
