#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "connection.h"
#include "http_request.h"
#include "request_processor.h"
#include "yishi/common/mutex.h"
#include "yishi/common/status.h"
#include "yishi/http/server_options.h"

namespace yishi::http {

// The server's connections (Linux: epoll). One I/O thread accepts, reads
// with non-blocking sockets, frames requests (RequestParser) and writes what
// a worker could not write at once; a fixed pool of worker threads runs the
// RequestProcessor on complete requests only. So a connection costs a
// thread only while its request is worked on: idle keep-alive and slow
// clients cost a descriptor and a few hundred bytes (plus the bytes of a
// request begun, within its bounds).
//
// Per connection, one request at a time: while a request is worked on or its
// answer written, its connection is not read (pipelined bytes wait).
// Deadlines: a new connection has request_deadline_ms to send a complete
// request, and a kept-alive one keep_alive_timeout_ms to begin the next, then
// request_deadline_ms from its first byte to complete it; an answer the
// client does not read for request_deadline_ms (no byte taken) is dropped.
// An answer that ends the connection (an error of framing, "Connection:
// close") is followed by a lingering close: our side is shut, and what the
// client still sends is read and dropped for up to 2 s (4 MiB), so the
// kernel does not reset the connection under the answer.
//
// Limits: at most max_connections_per_address from one address (refused
// with an immediate close), and at most the global cap; at the cap, or when
// the process runs out of descriptors, the connection idle the longest is
// closed to make room (then the oldest lingering one, then the oldest
// request begun), and a new connection is refused only when every one is
// being answered. More than max_queued complete requests waiting for a
// worker get 503 "server.busy".
//
// Active connections keep their worker: after an answer, when no other
// request waits for a worker, the worker waits up to 2 ms for the next
// request on the same connection and answers it without the loop (at most
// half the workers wait so). A busy keep-alive client then costs one wake-up
// per request, as with a thread per connection; a connection quiet for
// longer goes back to the loop and costs no thread. While a worker has the
// connection, the loop does not watch it for input.
//
// Streamed answers (ApiResponse::stream) are written by their worker in
// 64 KiB chunks through the connection's queue: the worker waits while more
// than 1 MiB is queued, and gives up (closing the connection) when the
// client takes no byte for request_deadline_ms. A slow reader of a large
// record thus holds one worker for as long as it keeps reading.
//
// Thread-safety: start() and stop() from one controlling thread; counters()
// from any. Everything else runs on the loop's own threads.
class ConnectionLoop {
  public:
    struct Counters {
        std::uint64_t accepted = 0;
        std::uint64_t refused_per_address = 0;  // over max_connections_per_address
        std::uint64_t refused_full = 0;         // at the cap with nothing to close
        std::uint64_t evicted = 0;              // closed to make room for a new one
        std::uint64_t timed_out = 0;            // closed by a deadline
        std::uint64_t open = 0;
    };

    // `listen_fd` is a bound, listening socket the loop takes over (and
    // closes when it stops). `max_connections` is the global cap.
    ConnectionLoop(const ServerOptions& options, RequestProcessor& processor, int listen_fd,
                   std::size_t max_connections);
    ~ConnectionLoop();
    ConnectionLoop(const ConnectionLoop&) = delete;
    ConnectionLoop& operator=(const ConnectionLoop&) = delete;

    Status start();
    // Stops accepting, closes the connections that wait for a request,
    // gives a request being sent up to 2 s to arrive whole, finishes the
    // requests being worked on and their answers (each says "Connection:
    // close"), and returns when every connection has ended.
    void stop();

    Counters counters() const;

  private:
    struct Job {
        Connection* connection = nullptr;
        HttpRequest request;
        bool keep_alive = true;
    };
    struct Finished {
        Connection* connection;
        bool close;
    };
    struct List {
        Connection* head = nullptr;
        Connection* tail = nullptr;
    };
    enum ListId { kIdleList, kReadingList, kLingeringList, kListCount };

    // The loop thread.
    void run();
    int nextTimeoutMs() const;
    void onEvent(std::uint64_t tag, std::uint32_t events);
    void acceptConnections();
    void admit(int fd, const void* address, unsigned address_length);
    void readRequest(Connection* c);
    // Feeds bytes to c's parser; false when c stops reading (dispatched,
    // refused or closed).
    bool onBytes(Connection* c, std::string_view bytes);
    void refuse(Connection* c);
    void dispatch(Connection* c);
    void onWritable(Connection* c);
    // A worker (or the loop) handed c its answer.
    void afterAnswer(Connection* c, bool close);
    // c's answer is out: the next request, or the lingering close.
    void answered(Connection* c);
    void startLingering(Connection* c);
    void drainLingering(Connection* c);
    void takeFinished();
    void expire();
    void beginStop();
    // Closes the connection idle the longest (then lingering, then reading).
    bool evictOne();
    void close(Connection* c);
    void setDeadline(Connection* c, std::int64_t deadline);
    void listAppend(Connection* c, ListId list);
    void listRemove(Connection* c);

    // The workers.
    void work();
    bool answer(Job& job);
    // Queues `job` (moved from), or leaves it as it was when the queue is full.
    bool enqueue(Job& job);
    // The keep-alive fast path: the next request on the connection `job`
    // was answered on, read by the worker itself when it comes soon.
    bool nextOnConnection(Job& job);
    void setInput(Connection* c, bool armed);
    void wake();

    const ServerOptions& options_;
    RequestProcessor& processor_;
    const ParseLimits limits_;
    const std::size_t max_connections_;
    int listen_fd_;
    int epoll_fd_ = -1;
    int wake_fd_ = -1;
    int reserve_fd_ = -1;  // given up to accept-and-close when descriptors run out
    std::atomic<bool> stopping_{false};
    std::thread io_thread_;
    std::vector<std::thread> workers_;

    // The loop thread's.
    std::vector<std::unique_ptr<Connection>> by_fd_;
    std::unordered_map<std::string, int> per_address_;
    std::set<std::pair<std::int64_t, Connection*>> timers_;
    List lists_[kListCount];
    std::unique_ptr<char[]> read_buffer_;
    std::int64_t now_ = 0;
    std::uint32_t next_serial_ = 1;
    bool listening_ = true;

    Mutex jobs_mutex_;
    std::condition_variable jobs_ready_;
    std::deque<Job> jobs_ YISHI_GUARDED_BY(jobs_mutex_);
    bool workers_stop_ YISHI_GUARDED_BY(jobs_mutex_) = false;
    std::atomic<std::size_t> queued_{0};  // jobs_.size()
    std::atomic<int> lingering_{0};       // workers waiting on their connection for its next request

    Mutex finished_mutex_;
    std::vector<Finished> finished_ YISHI_GUARDED_BY(finished_mutex_);
    bool wake_pending_ YISHI_GUARDED_BY(finished_mutex_) = false;  // the eventfd was written since the last take

    std::atomic<std::uint64_t> accepted_{0};
    std::atomic<std::uint64_t> refused_per_address_{0};
    std::atomic<std::uint64_t> refused_full_{0};
    std::atomic<std::uint64_t> evicted_{0};
    std::atomic<std::uint64_t> timed_out_{0};
    std::atomic<std::uint64_t> open_{0};
};

}  // namespace yishi::http
