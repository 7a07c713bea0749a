#pragma once

#include <functional>
#include <memory>
#include <string>

#include "yishi/common/result.h"
#include "yishi/domain/ports.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

class ChangeSequence;
class ReaderPool;
class WriteQueue;

// The domain's Database over one SQLite file: WAL, synchronous=FULL,
// foreign keys on, a busy timeout. One writer thread owns every write and
// commits them in groups (BEGIN IMMEDIATE ... COMMIT); each caller's work
// runs in its own savepoint inside the group and the caller returns only
// once the group is durable. Reads run in the calling thread on read-only
// connections of their own, in parallel.
//
// Thread-safe. Destroying it waits for queued writes, then closes every
// connection.
class SqliteDatabase final : public domain::Database {
  public:
    struct Options {
        int busy_timeout_ms = 5000;
        // At most this many callers' writes share one commit.
        int max_group = 256;
        // false: commit each write on its own (the baseline group commit is
        // measured against).
        bool group_commit = true;
        // Gets what a failed read or write must not tell the client (SQLite's
        // own text, a stored value the domain does not know), one line per
        // failure, from any thread: the server log. Empty: dropped.
        std::function<void(const std::string& line)> log;
    };

    // Opens or creates the file at `path` and brings its schema up to date.
    // Errors: unavailable "storage.open_failed" (cannot open or create),
    // internal "storage.schema_too_new" (written by a newer yishi: refused,
    // untouched), internal "storage.migration_failed".
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path, Options options);

    ~SqliteDatabase() override;

    // Errors of the work itself, and: internal "storage.constraint" (the
    // schema refused a change), internal "storage.corrupt_row" (a row holds
    // a value the domain does not know), unavailable "storage.busy" or
    // "storage.io_error", internal "storage.error". Their messages are ours;
    // the details go to Options::log.
    Status read(const domain::Work& work) override;
    Status write(const domain::Work& work) override;
    // Raised after each commit by the scopes its changes name.
    const domain::DataVersions* versions() const override;

    // The schema version of the open file.
    int schemaVersion() const { return schema_version_; }
    // Writes committed so far, and the commits (groups) they took.
    std::int64_t writesCommitted() const;
    std::int64_t commits() const;

  private:
    SqliteDatabase(std::string path, Options options, std::unique_ptr<WriteQueue> writer, int schema_version);

    const std::string path_;
    const Options options_;
    std::unique_ptr<ChangeSequence> versions_;
    std::unique_ptr<WriteQueue> writer_;
    std::unique_ptr<ReaderPool> readers_;
    const int schema_version_;
    // Every feature's store, registered at construction, read-only after.
    StoreFactories factories_;
};

}  // namespace yishi::storage
