#pragma once

#include <atomic>
#include <cstdint>

#include "yishi/common/time.h"

namespace yishi {

// Wall-clock time. Every deadline and timestamp in yishi is read through a
// Clock, so tests can move time by hand. Implementations are thread-safe.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

// The system's real-time clock.
class SystemClock final : public Clock {
  public:
    Instant now() const override;
};

// The system's clock, moved forward by hand (yishi serve --test-clock): lets
// tests and a demo pass deadlines without waiting. Never goes back.
class TestClock final : public Clock {
  public:
    Instant now() const override { return system_.now() + Duration::micros(offset_micros_.load()); }
    void advance(Duration by) { offset_micros_ += by.micros(); }
    Duration offset() const { return Duration::micros(offset_micros_.load()); }

  private:
    SystemClock system_;
    std::atomic<std::int64_t> offset_micros_{0};
};

// A clock that moves only when told to.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(Instant start) : micros_(start.micros()) {}
    Instant now() const override { return Instant::fromMicros(micros_.load()); }
    void advance(Duration by) { micros_ += by.micros(); }
    void set(Instant to) { micros_ = to.micros(); }

  private:
    std::atomic<std::int64_t> micros_;
};

}  // namespace yishi
