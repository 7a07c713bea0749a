#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

#include "yishi/common/thread_annotations.h"

namespace yishi {

// A std::mutex the thread-safety analysis knows as a lock, so members can be
// marked YISHI_GUARDED_BY(mutex_). Same meaning and cost as std::mutex; a
// class whose const functions lock it declares it `mutable`.
class YISHI_CAPABILITY("mutex") Mutex {
  public:
    Mutex() = default;
    Mutex(const Mutex&) = delete;
    Mutex& operator=(const Mutex&) = delete;

    void lock() YISHI_ACQUIRE() { mutex_.lock(); }
    void unlock() YISHI_RELEASE() { mutex_.unlock(); }
    bool try_lock() YISHI_TRY_ACQUIRE(true) { return mutex_.try_lock(); }

  private:
    friend class MutexLock;
    std::mutex mutex_;
};

// Holds a Mutex from construction to destruction (the role of
// std::lock_guard), and waits on a std::condition_variable with it (the role
// of std::unique_lock). A wait lets the mutex go while it sleeps and holds it
// again before it returns, so for the analysis the mutex is held throughout.
// A predicate runs with the mutex held; declare that on the lambda, as in
//     lock.wait(cv_, [&]() YISHI_REQUIRES(mutex_) { return !queue_.empty(); });
// unlock() and lock() let it go for a stretch of work and take it back.
// Belongs to the thread that made it.
class YISHI_SCOPED_CAPABILITY MutexLock {
  public:
    explicit MutexLock(Mutex& mutex) YISHI_ACQUIRE(mutex) : lock_(mutex.mutex_) {}
    ~MutexLock() YISHI_RELEASE() {}
    MutexLock(const MutexLock&) = delete;
    MutexLock& operator=(const MutexLock&) = delete;

    void unlock() YISHI_RELEASE() { lock_.unlock(); }
    void lock() YISHI_ACQUIRE() { lock_.lock(); }

    void wait(std::condition_variable& cv) { cv.wait(lock_); }
    template <typename Predicate>
    void wait(std::condition_variable& cv, Predicate ready) {
        cv.wait(lock_, std::move(ready));
    }
    // Returns std::cv_status::timeout when `timeout` passed without a notify.
    template <typename Rep, typename Period>
    std::cv_status waitFor(std::condition_variable& cv, const std::chrono::duration<Rep, Period>& timeout) {
        return cv.wait_for(lock_, timeout);
    }
    // Returns what `ready` returns last: false when `timeout` passed first.
    template <typename Rep, typename Period, typename Predicate>
    bool waitFor(std::condition_variable& cv, const std::chrono::duration<Rep, Period>& timeout, Predicate ready) {
        return cv.wait_for(lock_, timeout, std::move(ready));
    }

  private:
    std::unique_lock<std::mutex> lock_;
};

}  // namespace yishi
