#include "sqlite_errors.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <string_view>

#include "corrupt_row.h"
#include "yishi/common/json_string.h"

namespace yishi::storage {

namespace {

// Enough of a stored value to recognise it in the log, escaped so that no
// byte of it can forge a log line.
constexpr std::size_t kLoggedValueBytes = 64;

// The first kLoggedValueBytes of `value`, not cutting a UTF-8 sequence.
std::string_view loggedPart(const std::string& value) {
    std::size_t end = std::min(value.size(), kLoggedValueBytes);
    while (end > 0 && end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    return std::string_view(value).substr(0, end);
}

void tell(const ErrorLog& log, const std::string& line) {
    if (log) log(line);
}

}  // namespace

Status statusFromCurrentException(const ErrorLog& log) {
    try {
        throw;
    } catch (const SQLite::Exception& e) {
        switch (e.getErrorCode()) {
            case SQLITE_BUSY:
            case SQLITE_LOCKED: return Status::unavailable("storage.busy", "The database is busy; try again.");
            case SQLITE_CONSTRAINT:
                // A change the schema refuses (e.g. a unique name taken
                // between a check and the write): a conflict with what is
                // stored, 409 as before. The client learns neither SQLite's
                // text nor which constraint; the log has both.
                tell(log, std::string("storage.constraint: ") + e.what());
                return Status::conflict("storage.constraint", "The change conflicts with stored data.");
            case SQLITE_FULL:
                // Its own code: the operator must free space; the server
                // recovers by itself once there is some.
                tell(log, std::string("storage.full: ") + e.what());
                return Status::unavailable("storage.full",
                                           "The server's disk is full; nothing was saved. Try again later.");
            case SQLITE_IOERR:
            case SQLITE_CANTOPEN:
                tell(log, std::string("storage.io_error: ") + e.what());
                return Status::unavailable("storage.io_error",
                                           "The database cannot be read or written right now; try again later.");
            default:
                tell(log, std::string("storage.error: ") + e.what());
                return Status::internal("storage.error", "The database operation failed.");
        }
    } catch (const CorruptRow& e) {
        std::string line = "storage.corrupt_row: " + e.table() + "." + e.column() + " holds ";
        const std::string_view part = loggedPart(e.value());
        appendJsonString(line, part);
        if (part.size() < e.value().size()) line += " (cut; " + std::to_string(e.value().size()) + " bytes)";
        tell(log, line);
        return Status::internal("storage.corrupt_row",
                                "A stored " + e.table() + "." + e.column() +
                                    " value is not one this version of yishi knows; the row needs repair.");
    } catch (const std::exception& e) {
        tell(log, std::string("storage.error: ") + e.what());
        return Status::internal("storage.error", "The database operation failed.");
    } catch (...) {
        tell(log, "storage.error: unknown exception");
        return Status::internal("storage.error", "The database operation failed.");
    }
}

std::string operatorMessageFromCurrentException() {
    std::string details;
    const Status s = statusFromCurrentException([&details](const std::string& line) { details = line; });
    return details.empty() ? s.message() : s.message() + " (" + details + ")";
}

}  // namespace yishi::storage
