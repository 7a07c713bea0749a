#pragma once

#include <functional>
#include <thread>

namespace yishi::app {

// Runs `on_hangup` on a thread of its own each time the process receives
// SIGHUP, until destroyed. The signal handler only writes a byte to a pipe:
// the work happens outside signal context. One watcher per process.
// Thread-safety: on_hangup runs on the watcher's thread, one call at a time,
// so it must be safe to run alongside the rest of the server. Nothing else
// is shared: the members are set before that thread starts and left alone
// until it has ended.
class SighupWatcher {
  public:
    explicit SighupWatcher(std::function<void()> on_hangup);
    ~SighupWatcher();
    SighupWatcher(const SighupWatcher&) = delete;
    SighupWatcher& operator=(const SighupWatcher&) = delete;

  private:
    std::function<void()> on_hangup_;
    int pipe_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace yishi::app
