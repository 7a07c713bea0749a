#include "dashboard_pump.h"

namespace yishi::app {

DashboardPump::DashboardPump(domain::DashboardService& dashboards, std::function<void(const std::string&)> log,
                             int idle_ms)
    : dashboards_(dashboards), log_(std::move(log)), idle_ms_(idle_ms) {
    thread_ = std::thread([this] {
        MutexLock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            Result<int> done = 0;
            try {
                done = dashboards_.refresh();
            } catch (const std::exception& e) {
                // A broken store must not end the server; the next round tries again.
                done = Status::internal("dashboards.refresh", e.what());
            }
            if (!done.isOk()) log_("dashboards: " + done.status().toString());
            lock.lock();
            if (!done.isOk() || done.value() == 0)
                lock.waitFor(wake_, std::chrono::milliseconds(idle_ms_),
                             [this]() YISHI_REQUIRES(mutex_) { return stopping_; });
        }
    });
}

DashboardPump::~DashboardPump() {
    {
        MutexLock lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

}  // namespace yishi::app
