#include "plugin_host.h"

#include <unistd.h>

#include <climits>

namespace yishi::app {

std::string selfExecutable() {
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    return n > 0 ? std::string(path, static_cast<std::size_t>(n)) : std::string("yishi");
}

plugins::WorkerPoolOptions workerPoolOptionsForSelf(int workers) {
    plugins::WorkerPoolOptions options;
    options.command = {selfExecutable(), "plugin-worker"};
    options.workers = workers;
    return options;
}

}  // namespace yishi::app
