#pragma once

#include <atomic>
#include <cstdint>

namespace yishi {

// Wall-clock time as seconds and microseconds since the Unix epoch. Every
// deadline and timestamp in yishi is read through a Clock, so tests can move
// time by hand. Implementations are thread-safe.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMicros() const = 0;
    std::int64_t nowSeconds() const { return nowMicros() / 1'000'000; }
};

// The system's real-time clock.
class SystemClock final : public Clock {
  public:
    std::int64_t nowMicros() const override;
};

// A clock that moves only when told to.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(std::int64_t start_seconds) : micros_(start_seconds * 1'000'000) {}
    std::int64_t nowMicros() const override { return micros_.load(); }
    void advanceSeconds(std::int64_t seconds) { micros_ += seconds * 1'000'000; }
    void setSeconds(std::int64_t seconds) { micros_ = seconds * 1'000'000; }

  private:
    std::atomic<std::int64_t> micros_;
};

}  // namespace yishi
