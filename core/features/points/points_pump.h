#pragma once

#include <condition_variable>
#include <functional>
#include <thread>

#include "yishi/common/mutex.h"
#include "yishi/domain/points_processor.h"

namespace yishi::app {

// Feeds outbox events to the points processor on a thread of its own: a
// batch after batch while events wait; when none wait, the skipped events
// due for an automatic retry, then a short sleep. Stops (after the
// batch in progress) when destroyed. Thread-safety: only the pump's thread
// calls the processor and the log; the stop flag is what it shares.
class PointsPump {
  public:
    PointsPump(domain::PointsProcessor& processor, std::function<void(const std::string&)> log, int idle_ms = 200);
    ~PointsPump();
    PointsPump(const PointsPump&) = delete;
    PointsPump& operator=(const PointsPump&) = delete;

  private:
    domain::PointsProcessor& processor_;
    std::function<void(const std::string&)> log_;
    const int idle_ms_;
    Mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ YISHI_GUARDED_BY(mutex_) = false;
    std::thread thread_;
};

}  // namespace yishi::app
