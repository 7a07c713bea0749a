#pragma once

#include <condition_variable>
#include <functional>
#include <string>
#include <thread>

#include "yishi/common/mutex.h"
#include "yishi/domain/election_service.h"

namespace yishi::app {

// Closes elections whose deadline has passed, on a thread of its own, every
// `period_ms`: an election nobody looks at is still closed and published on
// time (each access closes a due election too). Stops when destroyed.
// Thread-safety: only the ticker's thread calls the service and the log.
class ElectionTicker {
  public:
    ElectionTicker(domain::ElectionService& elections, std::function<void(const std::string&)> log,
                   int period_ms = 1000);
    ~ElectionTicker();
    ElectionTicker(const ElectionTicker&) = delete;
    ElectionTicker& operator=(const ElectionTicker&) = delete;

  private:
    domain::ElectionService& elections_;
    std::function<void(const std::string&)> log_;
    const int period_ms_;
    Mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ YISHI_GUARDED_BY(mutex_) = false;
    std::thread thread_;
};

}  // namespace yishi::app
