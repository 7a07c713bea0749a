#pragma once

// Clang's thread-safety annotations (-Wthread-safety), named for yishi. Under
// clang they let the compiler prove that every member marked
// YISHI_GUARDED_BY(mutex_) is touched only with mutex_ held; under GCC they
// expand to nothing. The check runs as the ctest "thread_safety".
//
// A mutex the analysis can see must itself be annotated: use yishi::Mutex
// (yishi/common/mutex.h), since libstdc++'s std::mutex is not.
//
// Reference: https://clang.llvm.org/docs/ThreadSafetyAnalysis.html

#if defined(__clang__)
#define YISHI_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define YISHI_THREAD_ANNOTATION(x)
#endif

// A class whose objects are locks (yishi::Mutex).
#define YISHI_CAPABILITY(name) YISHI_THREAD_ANNOTATION(capability(name))
// A class whose objects hold a lock for their lifetime (yishi::MutexLock).
#define YISHI_SCOPED_CAPABILITY YISHI_THREAD_ANNOTATION(scoped_lockable)

// A member read or written only with the given mutex held.
#define YISHI_GUARDED_BY(x) YISHI_THREAD_ANNOTATION(guarded_by(x))
// A pointer member whose pointee is read or written only with the mutex held.
#define YISHI_PT_GUARDED_BY(x) YISHI_THREAD_ANNOTATION(pt_guarded_by(x))

// The caller must hold the mutexes (leveldb's "REQUIRES: mutex_ held").
#define YISHI_REQUIRES(...) YISHI_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
// The caller must not hold the mutexes: the function takes them itself.
#define YISHI_EXCLUDES(...) YISHI_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))

// The function takes (or releases) the mutexes and returns holding them (or
// not); without arguments, the object the function is called on.
#define YISHI_ACQUIRE(...) YISHI_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define YISHI_RELEASE(...) YISHI_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
// Takes the mutex when it returns `result` (try_lock).
#define YISHI_TRY_ACQUIRE(...) YISHI_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))

// Turns the analysis off for one function, for locking the analysis cannot
// follow. Say why next to each use.
#define YISHI_NO_THREAD_SAFETY_ANALYSIS YISHI_THREAD_ANNOTATION(no_thread_safety_analysis)
