// A deliberate read of a guarded member without its lock, used only by the
// thread_safety_rejects_unlocked_read test: clang's analysis must refuse it.
#include "yishi/common/mutex.h"

class Counter {
  public:
    void add() {
        yishi::MutexLock lock(mutex_);
        ++count_;
    }
    int count() const { return count_; }  // the violation: mutex_ not held

  private:
    mutable yishi::Mutex mutex_;
    int count_ YISHI_GUARDED_BY(mutex_) = 0;
};

int main() {
    Counter c;
    c.add();
    return c.count();
}
