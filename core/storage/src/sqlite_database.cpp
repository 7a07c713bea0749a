#include "yishi/storage/sqlite_database.h"

#include <SQLiteCpp/Transaction.h>

#include <optional>

#include "change_sequence.h"
#include "connection.h"
#include "migrations_runner.h"
#include "reader_pool.h"
#include "sqlite_errors.h"
#include "sqlite_stores.h"
#include "write_queue.h"
#include "yishi/domain/assistance.h"
#include "yishi/storage/migrations.h"

namespace yishi::storage {

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path, Options options) {
    std::unique_ptr<Connection> writer;
    try {
        writer = std::make_unique<Connection>(path, Connection::Mode::kReadWrite, options.busy_timeout_ms);
    } catch (...) {
        return Status::unavailable("storage.open_failed",
                                   "Cannot open the database " + path + ": " + operatorMessageFromCurrentException());
    }
    Result<int> version = Status::internal("storage.migration_failed", "not run");
    try {
        version = migrate(*writer, latestSchemaVersion());
    } catch (...) {
        return Status::internal("storage.migration_failed", operatorMessageFromCurrentException());
    }
    if (!version.isOk()) return version.status();
    auto queue = std::make_unique<WriteQueue>(std::move(writer), options.max_group, options.group_commit, options.log);
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(path, options, std::move(queue), version.value()));
}

SqliteDatabase::SqliteDatabase(std::string path, Options options, std::unique_ptr<WriteQueue> writer,
                               int schema_version)
    : path_(std::move(path)),
      options_(options),
      versions_(std::make_unique<ChangeSequence>()),
      writer_(std::move(writer)),
      readers_(std::make_unique<ReaderPool>(path_, options.busy_timeout_ms)),
      schema_version_(schema_version) {
    addFeatureStores(factories_);
}

SqliteDatabase::~SqliteDatabase() {
    // Readers first, so the writer's connection is the last and checkpoints the WAL.
    readers_.reset();
    writer_.reset();
}

Status SqliteDatabase::read(const domain::Work& work) {
    try {
        ReaderPool::Lease lease = readers_->acquire();
        Connection& c = *lease;
        // One snapshot for the whole unit of work. Nothing was written, so the
        // transaction ends by rolling back, in the destructor, whatever happens:
        // the connection always goes back to the pool outside a transaction.
        SQLite::Transaction snapshot(c.db(), SQLite::TransactionBehavior::DEFERRED);
        try {
            SqliteStores stores(c, factories_);
            domain::Stores view = stores.view();
            return work(view);
        } catch (...) {
            return statusFromCurrentException(options_.log);
        }
    } catch (...) {
        return statusFromCurrentException(options_.log);
    }
}

Status SqliteDatabase::write(const domain::Work& work) {
    // On this caller's stack: the writer fills it while the job runs and
    // publishes it after the commit, both before submit() returns.
    WriteNotes notes;
    const std::function<void()> publish = [this, &notes] { versions_->publish(notes); };
    // The caller's assistance (帮办代办) holds for its job on the writer thread.
    const domain::Assistance* assisted = domain::currentAssistance();
    return writer_->submit(
        [this, &work, &notes, assisted](Connection& c) {
            std::optional<domain::AssistanceScope> assistance;
            if (assisted != nullptr) assistance.emplace(*assisted);
            notes = WriteNotes();  // a job may be run again after its group failed
            c.setNotes(&notes);
            struct Unset {
                Connection& c;
                ~Unset() { c.setNotes(nullptr); }
            } unset{c};
            SqliteStores stores(c, factories_);
            domain::Stores view = stores.view();
            return work(view);
        },
        publish);
}

const domain::DataVersions* SqliteDatabase::versions() const { return versions_.get(); }

std::int64_t SqliteDatabase::writesCommitted() const { return writer_->writesCommitted(); }
std::int64_t SqliteDatabase::commits() const { return writer_->commits(); }

}  // namespace yishi::storage
