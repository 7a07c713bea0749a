#include "background_loop.h"

#include <utility>

namespace yishi::app {

BackgroundLoop::BackgroundLoop(std::function<Result<int>()> step, std::function<void(const std::string&)> log,
                               int idle_ms)
    : step_(std::move(step)), log_(std::move(log)), idle_ms_(idle_ms) {
    thread_ = std::thread([this] {
        MutexLock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            Result<int> done = Status::internal("background.exception", "the step threw");
            try {
                done = step_();
            } catch (const std::exception& e) {
                done = Status::internal("background.exception", e.what());
            }
            if (!done.isOk()) log_(done.status().toString());
            lock.lock();
            if (!done.isOk() || done.value() == 0)
                lock.waitFor(wake_, std::chrono::milliseconds(idle_ms_),
                             [this]() YISHI_REQUIRES(mutex_) { return stopping_; });
        }
    });
}

BackgroundLoop::~BackgroundLoop() {
    {
        MutexLock lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

}  // namespace yishi::app
