#include "write_queue.h"

#include "connection.h"
#include "sqlite_errors.h"

namespace yishi::storage {

WriteQueue::WriteQueue(std::unique_ptr<Connection> connection, int max_group, bool group_commit, ErrorLog log)
    : connection_(std::move(connection)),
      max_group_(group_commit ? static_cast<std::size_t>(max_group < 1 ? 1 : max_group) : 1),
      log_(std::move(log)),
      thread_([this] { run(); }) {}

WriteQueue::~WriteQueue() {
    {
        MutexLock lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    thread_.join();
}

Status WriteQueue::submit(const Job& job, const std::function<void()>& after_commit) {
    if (std::this_thread::get_id() == thread_.get_id()) {
        return Status::internal("storage.reentrant_write", "A write was started inside a write.");
    }
    Pending pending{&job, &after_commit, Status::ok(), false};
    MutexLock lock(mutex_);
    if (stopping_) return Status::unavailable("storage.closing", "The database is closing.");
    queue_.push_back(&pending);
    work_ready_.notify_one();
    lock.wait(work_done_, [&]() YISHI_REQUIRES(mutex_) { return pending.done; });
    return pending.result;
}

void WriteQueue::run() {
    std::deque<Pending*> group;
    for (;;) {
        {
            MutexLock lock(mutex_);
            lock.wait(work_ready_, [&]() YISHI_REQUIRES(mutex_) { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left
            while (!queue_.empty() && group.size() < max_group_) {
                group.push_back(queue_.front());
                queue_.pop_front();
            }
        }
        runGroup(group);
        // Committed and visible: readers learn of it before any caller of
        // the group is told, so a read that starts after a write returned
        // sees it counted.
        for (Pending* p : group) {
            if (p->result.isOk() && *p->after_commit) (*p->after_commit)();
        }
        {
            MutexLock lock(mutex_);
            for (Pending* p : group) {
                if (p->result.isOk()) ++writes_;
                p->done = true;
            }
            ++commits_;
        }
        work_done_.notify_all();
        group.clear();
    }
}

void WriteQueue::runGroup(std::deque<Pending*>& group) {
    SQLite::Database& db = connection_->db();
    try {
        db.exec("BEGIN IMMEDIATE");
    } catch (...) {
        const Status s = statusFromCurrentException(log_);
        for (Pending* p : group) p->result = s;
        return;
    }
    for (Pending* p : group) {
        try {
            db.exec("SAVEPOINT job");
            p->result = (*p->job)(*connection_);
        } catch (...) {
            p->result = statusFromCurrentException(log_);
        }
        try {
            if (!p->result.isOk()) db.exec("ROLLBACK TO job");
            db.exec("RELEASE job");
        } catch (...) {
            // The job's writes cannot be undone alone (or SQLite ended the
            // transaction by itself after an I/O error): undo the whole
            // group. Every job is told: those before lost their writes with
            // it, those after never ran. A job that failed keeps its own
            // reason (the disk error, not the failed ROLLBACK TO).
            const Status broken = statusFromCurrentException(log_);
            if (p->result.isOk()) p->result = broken;
            try {
                db.exec("ROLLBACK");
            } catch (...) {
                // Already rolled back by SQLite; nothing more to undo.
            }
            for (Pending* q : group) {
                if (q->result.isOk()) {
                    q->result = broken.code() == "storage.full"
                                    ? broken
                                    : Status::unavailable("storage.commit_failed",
                                                          "The change could not be saved: " + broken.message());
                }
            }
            return;
        }
    }
    try {
        db.exec("COMMIT");
    } catch (...) {
        const Status s = statusFromCurrentException(log_);
        try {
            db.exec("ROLLBACK");
        } catch (...) {
            // Already rolled back by SQLite; nothing more to undo.
        }
        for (Pending* p : group) {
            if (p->result.isOk()) {
                p->result =
                    s.code() == "storage.full"
                        ? s
                        : Status::unavailable("storage.commit_failed", "The change could not be saved: " + s.message());
            }
        }
    }
}

std::int64_t WriteQueue::writesCommitted() const {
    MutexLock lock(mutex_);
    return writes_;
}

std::int64_t WriteQueue::commits() const {
    MutexLock lock(mutex_);
    return commits_;
}

}  // namespace yishi::storage
