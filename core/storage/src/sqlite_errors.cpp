#include "sqlite_errors.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace yishi::storage {

Status statusFromCurrentException() {
    try {
        throw;
    } catch (const SQLite::Exception& e) {
        switch (e.getErrorCode()) {
            case SQLITE_BUSY:
            case SQLITE_LOCKED:
                return Status::unavailable("storage.busy", "The database is busy; try again.");
            case SQLITE_CONSTRAINT:
                return Status::conflict("storage.constraint", e.what());
            case SQLITE_FULL:
            case SQLITE_IOERR:
            case SQLITE_CANTOPEN:
                return Status::unavailable("storage.io_error", e.what());
            default:
                return Status::internal("storage.error", e.what());
        }
    } catch (const std::exception& e) {
        return Status::internal("storage.error", e.what());
    } catch (...) {
        return Status::internal("storage.error", "unknown exception");
    }
}

}  // namespace yishi::storage
