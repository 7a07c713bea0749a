#pragma once

#include <cstddef>

namespace yishi::plugins {

// The body of `yishi plugin-worker`: the second line of the sandbox. Limits
// its own process (address space to `address_space_mb`, no core files, no
// inherited descriptors; it leaves when the server closes its socket), then serves framed requests
// on `in_fd` and answers on `out_fd` until end of input. Before each call it
// sets the CPU-time limit to the hook's budget, so a call that burns CPU
// inside a C function is stopped by the kernel even if the parent's
// wall-clock kill came late. Returns the process exit code.
int runPluginWorker(int in_fd, int out_fd, std::size_t address_space_mb);

}  // namespace yishi::plugins
