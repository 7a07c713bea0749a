#include "election_ticker.h"

namespace yishi::app {

ElectionTicker::ElectionTicker(domain::ElectionService& elections, std::function<void(const std::string&)> log,
                               int period_ms)
    : elections_(elections), log_(std::move(log)), period_ms_(period_ms) {
    thread_ = std::thread([this] {
        MutexLock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            Result<int> closed = elections_.closeDue();
            if (!closed.isOk()) log_("elections: " + closed.status().toString());
            lock.lock();
            lock.waitFor(wake_, std::chrono::milliseconds(period_ms_),
                         [this]() YISHI_REQUIRES(mutex_) { return stopping_; });
        }
    });
}

ElectionTicker::~ElectionTicker() {
    {
        MutexLock lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

}  // namespace yishi::app
