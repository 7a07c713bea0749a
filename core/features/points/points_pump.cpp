#include "points_pump.h"

namespace yishi::app {

PointsPump::PointsPump(domain::PointsProcessor& processor, std::function<void(const std::string&)> log, int idle_ms)
    : processor_(processor), log_(std::move(log)), idle_ms_(idle_ms) {
    thread_ = std::thread([this] {
        MutexLock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            Result<int> done = processor_.processBatch();
            if (!done.isOk()) log_("points: " + done.status().toString());
            // Skipped events whose retry is due (backing off), while idle.
            if (done.isOk() && done.value() == 0) {
                Result<int> retried = processor_.retryDue();
                if (!retried.isOk()) log_("points retry: " + retried.status().toString());
            }
            lock.lock();
            if (!done.isOk() || done.value() == 0)
                lock.waitFor(wake_, std::chrono::milliseconds(idle_ms_),
                             [this]() YISHI_REQUIRES(mutex_) { return stopping_; });
        }
    });
}

PointsPump::~PointsPump() {
    {
        MutexLock lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

}  // namespace yishi::app
