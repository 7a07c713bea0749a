#pragma once

#include <condition_variable>
#include <functional>
#include <thread>

#include "yishi/common/mutex.h"
#include "yishi/domain/dashboard_service.h"

namespace yishi::app {

// Keeps the dashboards' figures up to date on a thread of its own: a refresh
// round after another while rounds find work, then a short sleep. Stops
// (after the round in progress) when destroyed. Thread-safety: only the
// pump's thread calls refresh() and the log; the stop flag is what it shares.
class DashboardPump {
  public:
    DashboardPump(domain::DashboardService& dashboards, std::function<void(const std::string&)> log, int idle_ms = 200);
    ~DashboardPump();
    DashboardPump(const DashboardPump&) = delete;
    DashboardPump& operator=(const DashboardPump&) = delete;

  private:
    domain::DashboardService& dashboards_;
    std::function<void(const std::string&)> log_;
    const int idle_ms_;
    Mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ YISHI_GUARDED_BY(mutex_) = false;
    std::thread thread_;
};

}  // namespace yishi::app
