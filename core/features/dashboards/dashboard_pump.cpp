#include "dashboard_pump.h"

namespace yishi::app {

DashboardPump::DashboardPump(domain::DashboardService& dashboards, std::function<void(const std::string&)> log,
                             int idle_ms)
    : dashboards_(dashboards), log_(std::move(log)), idle_ms_(idle_ms) {
    thread_ = std::thread([this] {
        MutexLock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            bool worked = false;
            try {
                Result<int> done = dashboards_.refresh();
                if (!done.isOk()) log_("dashboards: " + done.status().toString());
                worked = done.isOk() && done.value() > 0;
            } catch (const std::exception& e) {
                // A broken store must not end the server; the next round tries again.
                log_(std::string("dashboards: ") + e.what());
            }
            lock.lock();
            if (!worked)
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
