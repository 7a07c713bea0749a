#pragma once

#include <cstdint>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"

namespace yishi::domain {

// Moves the server's test clock (only a server started with --test-clock
// has one): a district admin of any district moves it forward, never back,
// so tests and demos pass deadlines without waiting. Thread-safe.
class TestClockService {
  public:
    explicit TestClockService(TestClock& clock) : clock_(clock) {}

    // Returns the clock's offset from the system's time after the move.
    // invalid "clock.advance" (1 second to 10 years); forbidden
    // "clock.forbidden" for anyone but a district admin.
    Result<Duration> advance(const Actor& actor, std::int64_t seconds);

  private:
    TestClock& clock_;
};

}  // namespace yishi::domain
