#include "connection.h"

namespace yishi::storage {

namespace {

int openFlags(Connection::Mode mode) {
    return mode == Connection::Mode::kReadOnly ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
}

}  // namespace

Connection::Connection(const std::string& path, Mode mode, int busy_timeout_ms)
    : db_(path, openFlags(mode), busy_timeout_ms) {
    if (mode == Mode::kReadWrite) {
        // WAL lets readers run beside the writer; FULL makes a commit survive
        // power loss, which is what "saved" means to a resident.
        db_.exec("PRAGMA journal_mode=WAL");
        db_.exec("PRAGMA synchronous=FULL");
    }
    db_.exec("PRAGMA foreign_keys=ON");
}

Connection::Lease Connection::prepare(const char* sql) {
    std::unique_ptr<SQLite::Statement>& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
    return Lease(*slot);
}

}  // namespace yishi::storage
