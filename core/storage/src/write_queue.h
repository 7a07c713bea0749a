#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "sqlite_errors.h"
#include "yishi/common/status.h"

namespace yishi::storage {

class Connection;

// The one thread that writes. Callers hand it work and wait; it takes all
// the work queued meanwhile (up to max_group), runs each in a savepoint of
// one BEGIN IMMEDIATE transaction, commits once, and then wakes every
// caller of the group with its own Status. With synchronous=FULL a commit
// costs a disk flush, so sharing it is what makes many durable writes per
// second possible.
//
// Thread-safe. The destructor finishes the queued work, then stops.
class WriteQueue {
  public:
    using Job = std::function<Status(Connection&)>;

    // `log` gets the details of failures (see statusFromCurrentException).
    WriteQueue(std::unique_ptr<Connection> connection, int max_group, bool group_commit, ErrorLog log = {});
    ~WriteQueue();

    // Runs `job` and returns once its transaction is durable (or failed).
    // A job that throws or returns a failed Status is rolled back alone.
    // internal "storage.reentrant_write" when called from inside a job.
    Status submit(const Job& job);

    std::int64_t writesCommitted() const;
    std::int64_t commits() const;

  private:
    struct Pending {
        const Job* job;
        Status result;
        bool done = false;
    };

    void run();
    void runGroup(std::deque<Pending*>& group);

    std::unique_ptr<Connection> connection_;
    const std::size_t max_group_;
    const ErrorLog log_;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable work_done_;
    std::deque<Pending*> queue_;     // guarded by mutex_
    bool stopping_ = false;          // guarded by mutex_
    std::int64_t writes_ = 0;        // guarded by mutex_
    std::int64_t commits_ = 0;       // guarded by mutex_
    std::thread thread_;
};

}  // namespace yishi::storage
