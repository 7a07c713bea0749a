#pragma once

#include <atomic>

#include "yishi/domain/ports.h"

namespace yishi::testing {

// A domain::Database that runs every unit of work on a real one (a
// storage::SqliteDatabase) but can make one store call fail the way a locked
// or failing disk makes it fail: by throwing SQLite::Exception with
// SQLITE_BUSY or SQLITE_IOERR. The real database then turns the exception
// into its Status and rolls the work back, exactly as it would for a real
// fault. This is how tests show that a use case interrupted anywhere leaves
// nothing behind.
//
// The fault points are the calls the work makes on its audit log, its event
// outbox (so also each half of Stores::record) and its feature stores'
// lookups (each Stores::get<Port>()), counted from 1 across every read() and
// write() since the last arm() or disarm().
//
// Thread-safety: read() and write() may run on any thread (the real writer
// runs work on its own thread); the counters are atomic. Arm and observe it
// from one test thread, between use cases.
class FaultyDatabase final : public domain::Database {
  public:
    enum class Fault { kBusy, kIoError };

    explicit FaultyDatabase(domain::Database& real) : real_(real) {}

    // From now on the `call`-th store call (1-based) throws `fault`; every
    // other call goes through. Resets the count.
    void arm(int call, Fault fault);
    // No call fails; resets the count.
    void disarm();

    // Store calls made since the last arm() or disarm().
    int calls() const { return calls_.load(); }
    // The armed fault was thrown.
    bool fired() const { return fired_.load(); }

    Status read(const domain::Work& work) override;
    Status write(const domain::Work& work) override;

  private:
    // The forwarding stores handed to the work (faulty_database.cpp).
    class Audit;
    class Outbox;
    class Features;

    // Counts one store call; throws if it is the armed one.
    void storeCall();
    domain::Work wrapped(const domain::Work& work);

    domain::Database& real_;
    std::atomic<int> calls_{0};
    std::atomic<int> fail_at_{0};  // 0: never
    std::atomic<Fault> fault_{Fault::kBusy};
    std::atomic<bool> fired_{false};
};

}  // namespace yishi::testing
