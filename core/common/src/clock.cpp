#include "yishi/common/clock.h"

#include <chrono>

namespace yishi {

std::int64_t SystemClock::nowMicros() const {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace yishi
