#pragma once

#include <condition_variable>
#include <functional>
#include <string>
#include <thread>

#include "yishi/common/mutex.h"
#include "yishi/common/result.h"

namespace yishi::app {

// The server's background work (the points pump, the dashboards' refresh,
// elections closing on time, notifications): runs `step` on a thread of its
// own, again at once while it did something (returned more than 0), else
// after `idle_ms`; a failed step (an error or an exception) is logged and
// retried after the same pause, and never ends the server. Stops, after the
// step in progress, when destroyed. Thread-safety: only the loop's thread
// calls `step` and `log`.
class BackgroundLoop {
  public:
    BackgroundLoop(std::function<Result<int>()> step, std::function<void(const std::string&)> log, int idle_ms);
    ~BackgroundLoop();
    BackgroundLoop(const BackgroundLoop&) = delete;
    BackgroundLoop& operator=(const BackgroundLoop&) = delete;

  private:
    std::function<Result<int>()> step_;
    std::function<void(const std::string&)> log_;
    const int idle_ms_;
    Mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ YISHI_GUARDED_BY(mutex_) = false;
    std::thread thread_;
};

}  // namespace yishi::app
