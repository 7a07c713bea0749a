#include "yishi/common/time.h"

#include <cstdio>

namespace yishi {

std::string isoDate(const CivilDate& date) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buf;
}

}  // namespace yishi
