#include "connection_watchdog.h"

#include <Poco/Exception.h>

#include <chrono>

namespace yishi::http {

std::int64_t ConnectionWatchdog::nowMicros() {
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

void ConnectionWatchdog::Watch::expireIn(std::int64_t micros) { deadline_.store(nowMicros() + micros); }

ConnectionWatchdog::ConnectionWatchdog(int tick_ms) : tick_ms_(tick_ms < 1 ? 1 : tick_ms), thread_([this] { run(); }) {}

ConnectionWatchdog::~ConnectionWatchdog() {
    {
        MutexLock lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::shared_ptr<ConnectionWatchdog::Watch> ConnectionWatchdog::watch(const Poco::Net::StreamSocket& socket) {
    auto w = std::make_shared<Watch>(socket);
    MutexLock lock(mutex_);
    watches_.push_back(w);
    return w;
}

void ConnectionWatchdog::unwatch(const std::shared_ptr<Watch>& watch) {
    MutexLock lock(mutex_);
    watches_.remove(watch);
}

void ConnectionWatchdog::closeIdleConnections() {
    closing_idle_.store(true);
    wake_.notify_all();
}

void ConnectionWatchdog::run() {
    MutexLock lock(mutex_);
    while (!stopping_) {
        lock.waitFor(wake_, std::chrono::milliseconds(tick_ms_));
        const std::int64_t now = nowMicros();
        const bool closing = closing_idle_.load();
        for (const std::shared_ptr<Watch>& w : watches_) {
            std::int64_t deadline = w->deadline_.load();
            if (deadline == 0 || (!closing && now < deadline)) continue;
            // Only one shutdown per deadline; a handler may set a new one meanwhile.
            if (!w->deadline_.compare_exchange_strong(deadline, 0)) continue;
            if (!closing) expired_.fetch_add(1);
            try {
                w->socket_.shutdown();
            } catch (const Poco::Exception&) {
                // Already closed by the peer: nothing left to end.
            }
        }
    }
}

}  // namespace yishi::http
