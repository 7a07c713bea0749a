#pragma once

#include <exception>

#include "yishi/common/status.h"

namespace yishi::storage {

// The Status for an exception thrown while working on the database. Call
// from inside a catch block: it rethrows the current exception to inspect it.
Status statusFromCurrentException();

}  // namespace yishi::storage
