#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/result.h"

namespace yishi::storage {

struct BackupReport {
    std::int64_t bytes = 0;  // of the copy
    int schema_version = 0;  // of the copy
    double seconds = 0;      // the copy's own time, fsync included
};

// An online, consistent copy of the database file at `source` (a running
// server keeps writing meanwhile) to `destination`, made atomically:
//   1. SQLite's backup API copies every page in one step, inside one read
//      transaction of a read-only connection: the copy is the database as of
//      one commit (in WAL mode the server's writer is never blocked; only
//      checkpoints wait for the copy to end);
//   2. the copy, written to `destination`.tmp, must pass PRAGMA
//      integrity_check;
//   3. it is flushed to the disk (fsync), renamed over `destination`, and
//      the directory is flushed, so a crash leaves the old destination or
//      the whole new one, never a part.
// The copy is a plain SQLite file in rollback-journal mode, standing alone
// (no -wal beside it): restoring is copying it to DATA_DIR/yishi.db while
// the server is stopped. Errors: unavailable "backup.source" (the source
// cannot be opened or read), "backup.destination" (the copy cannot be
// written, synced or renamed), internal "backup.corrupt" (the copy fails
// its check; the destination is left as it was).
Result<BackupReport> backupDatabase(const std::string& source, const std::string& destination);

}  // namespace yishi::storage
