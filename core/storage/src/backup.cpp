#include "yishi/storage/backup.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace yishi::storage {

namespace {

bool syncPath(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

Result<BackupReport> backupDatabase(const std::string& source, const std::string& destination) {
    namespace fs = std::filesystem;
    const auto started = std::chrono::steady_clock::now();
    const std::string temporary = destination + ".tmp";
    std::error_code ignored;
    fs::remove(temporary, ignored);
    fs::remove(temporary + "-journal", ignored);
    BackupReport report;
    if (!fs::exists(source)) {
        return Status::unavailable("backup.source", "There is no database at " + source + ".");
    }
    try {
        SQLite::Database from(source, SQLite::OPEN_READONLY);
        from.setBusyTimeout(10'000);
        try {
            SQLite::Database to(temporary, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup copy(to, from);
            // -1: every page in one step, so under one read transaction of
            // the source: a copy as of one commit, however busy the writer.
            int rc = SQLITE_BUSY;
            for (int attempt = 0; attempt < 100 && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED); ++attempt) {
                rc = copy.executeStep(-1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ::usleep(50'000);
            }
            if (rc != SQLITE_DONE) {
                fs::remove(temporary, ignored);
                return Status::unavailable("backup.source",
                                           std::string("The database could not be read: ") + sqlite3_errstr(rc) + ".");
            }
        } catch (const SQLite::Exception& e) {
            fs::remove(temporary, ignored);
            return Status::unavailable("backup.destination",
                                       "The copy could not be written to " + temporary + ": " + e.what() + ".");
        }
    } catch (const SQLite::Exception& e) {
        fs::remove(temporary, ignored);
        return Status::unavailable("backup.source", "The database at " + source + " cannot be read: " + e.what() + ".");
    }

    try {
        SQLite::Database check(temporary, SQLite::OPEN_READWRITE);
        // A copy stands alone: no -wal file needs to travel with it.
        check.exec("PRAGMA journal_mode=DELETE");
        const std::string verdict = check.execAndGet("PRAGMA integrity_check").getString();
        if (verdict != "ok") {
            fs::remove(temporary, ignored);
            return Status::internal("backup.corrupt", "The copy fails its integrity check: " + verdict.substr(0, 200));
        }
        report.schema_version = check.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
    } catch (const SQLite::Exception& e) {
        fs::remove(temporary, ignored);
        return Status::internal("backup.corrupt", std::string("The copy cannot be checked: ") + e.what() + ".");
    }

    const fs::path parent = fs::absolute(fs::path(destination)).parent_path();
    if (!syncPath(temporary, O_RDONLY)) {
        fs::remove(temporary, ignored);
        return Status::unavailable("backup.destination", "The copy could not be flushed to disk.");
    }
    if (std::rename(temporary.c_str(), destination.c_str()) != 0) {
        fs::remove(temporary, ignored);
        return Status::unavailable("backup.destination", "The copy could not be renamed to " + destination + ".");
    }
    if (!syncPath(parent.string(), O_RDONLY | O_DIRECTORY)) {
        return Status::unavailable("backup.destination", "The directory of the copy could not be flushed to disk.");
    }
    report.bytes = static_cast<std::int64_t>(fs::file_size(destination, ignored));
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace yishi::storage
