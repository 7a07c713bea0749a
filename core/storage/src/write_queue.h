#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <thread>

#include "sqlite_errors.h"
#include "yishi/common/mutex.h"
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
// Thread-safe: any thread but the writer's own may submit. The queue and the
// counters are guarded by mutex_; the connection belongs to the writer
// thread. The destructor finishes the queued work, then stops.
class WriteQueue {
  public:
    using Job = std::function<Status(Connection&)>;

    // `log` gets the details of failures (see statusFromCurrentException).
    WriteQueue(std::unique_ptr<Connection> connection, int max_group, bool group_commit, ErrorLog log = {});
    ~WriteQueue();

    // Runs `job` and returns once its transaction is durable (or failed).
    // A job that throws or returns a failed Status is rolled back alone.
    // internal "storage.reentrant_write" when called from inside a job.
    // `after_commit`, when set, runs on the writer thread once the job's
    // transaction committed (and only then), before submit() returns: where
    // the commit is made known to readers (ChangeSequence::publish).
    Status submit(const Job& job, const std::function<void()>& after_commit = {});

    std::int64_t writesCommitted() const;
    std::int64_t commits() const;

  private:
    // On the submitter's stack. While it is queued or running, only the
    // writer thread touches `result`; `done` (under mutex_) hands it back.
    struct Pending {
        const Job* job;
        const std::function<void()>* after_commit;
        Status result;
        bool done = false;
    };

    void run();
    // On the writer thread. The group is the writer's alone, so it runs
    // without mutex_ and callers go on queueing meanwhile.
    void runGroup(std::deque<Pending*>& group) YISHI_EXCLUDES(mutex_);

    const std::unique_ptr<Connection> connection_;
    const std::size_t max_group_;
    const ErrorLog log_;
    mutable Mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable work_done_;
    std::deque<Pending*> queue_ YISHI_GUARDED_BY(mutex_);
    bool stopping_ YISHI_GUARDED_BY(mutex_) = false;
    std::int64_t writes_ YISHI_GUARDED_BY(mutex_) = 0;
    std::int64_t commits_ YISHI_GUARDED_BY(mutex_) = 0;
    std::thread thread_;
};

}  // namespace yishi::storage
