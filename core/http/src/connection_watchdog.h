#pragma once

#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <memory>
#include <thread>

#include "yishi/common/mutex.h"

namespace yishi::http {

// Bounds the time a client may take to send a request. Poco's socket timeout
// applies to each read, so a client sending one byte per read holds a thread
// forever; the watchdog instead gives each request a total deadline and
// shuts the socket down when it passes, which ends the blocked read.
//
// Handlers lift the deadline while the server itself works on a request
// (that time is ours, not the client's) and set it again afterwards.
// Thread-safe: any thread may watch, unwatch and close idle connections; a
// Watch's deadline is an atomic its connection's thread sets and the
// watchdog's thread clears, so neither waits for the other.
class ConnectionWatchdog {
  public:
    class Watch {
      public:
        explicit Watch(const Poco::Net::StreamSocket& socket) : socket_(socket) {}
        // The client must finish its next request within `micros` from now.
        void expireIn(std::int64_t micros);
        // The server is working on a request: no deadline.
        void lift() { deadline_.store(0); }

      private:
        friend class ConnectionWatchdog;
        Poco::Net::StreamSocket socket_;
        std::atomic<std::int64_t> deadline_{0};  // steady-clock micros; 0: none
    };

    explicit ConnectionWatchdog(int tick_ms);
    ~ConnectionWatchdog();

    std::shared_ptr<Watch> watch(const Poco::Net::StreamSocket& socket);
    void unwatch(const std::shared_ptr<Watch>& watch);

    // From now on, close every connection that is not being worked on: used
    // when the server stops, so idle keep-alive and slow clients end at once.
    void closeIdleConnections();

    // Connections closed because their deadline passed.
    std::int64_t expired() const { return expired_.load(); }

    static std::int64_t nowMicros();

  private:
    void run();

    const int tick_ms_;
    Mutex mutex_;
    std::condition_variable wake_;
    std::list<std::shared_ptr<Watch>> watches_ YISHI_GUARDED_BY(mutex_);
    bool stopping_ YISHI_GUARDED_BY(mutex_) = false;
    std::atomic<bool> closing_idle_{false};
    std::atomic<std::int64_t> expired_{0};
    std::thread thread_;
};

}  // namespace yishi::http
