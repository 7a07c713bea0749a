#pragma once

#include <exception>
#include <functional>
#include <string>

#include "yishi/common/status.h"

namespace yishi::storage {

// Where the details of a database error go that a client must not see:
// SQLite's own text, a stored value the domain does not know. The server
// log, in practice; an empty function drops them.
using ErrorLog = std::function<void(const std::string& line)>;

// The Status for an exception thrown while working on the database. Call
// from inside a catch block: it rethrows the current exception to inspect it.
// The Status's code tells the cause ("storage.busy", "storage.constraint",
// "storage.corrupt_row", "storage.io_error", "storage.error") and its message
// is always ours: what SQLite or the exception said goes to `log` only.
Status statusFromCurrentException(const ErrorLog& log = {});

// For the operator (opening or migrating a file), never for a client: the
// message of statusFromCurrentException followed by the details it would log.
std::string operatorMessageFromCurrentException();

}  // namespace yishi::storage
