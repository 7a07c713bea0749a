#include "yishi/common/clock.h"

#include <chrono>

namespace yishi {

Instant SystemClock::now() const {
    using namespace std::chrono;
    return Instant::fromMicros(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count());
}

}  // namespace yishi
