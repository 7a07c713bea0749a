#pragma once

#include <string>

#include "yishi/plugins/worker_pool.h"

namespace yishi::app {

// The path of the running executable, for starting plugin workers.
std::string selfExecutable();

// Pool options that start workers from this executable.
plugins::WorkerPoolOptions workerPoolOptionsForSelf(int workers);

}  // namespace yishi::app
