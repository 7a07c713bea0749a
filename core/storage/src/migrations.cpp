#include "yishi/storage/migrations.h"

#include <SQLiteCpp/Transaction.h>

#include <chrono>

#include "connection.h"
#include "migrations_runner.h"
#include "sqlite_errors.h"

namespace yishi::storage {

const std::vector<Migration>& knownMigrations() {
    static const std::vector<Migration> migrations = {
#include "migrations.inc"
    };
    return migrations;
}

int latestSchemaVersion() { return knownMigrations().empty() ? 0 : knownMigrations().back().version; }

namespace {

// A migration may rebuild a table to change its constraints, which SQLite
// documents only with foreign keys off (dropping the old table must not
// cascade or fail; https://sqlite.org/lang_altertable.html#otheralter). The
// pragma is a no-op inside a transaction, so it is switched around the
// migrations, and each one must pass PRAGMA foreign_key_check to commit.
class ForeignKeysOff {
  public:
    explicit ForeignKeysOff(SQLite::Database& db) : db_(db) { db_.exec("PRAGMA foreign_keys=OFF"); }
    ~ForeignKeysOff() {
        try {
            db_.exec("PRAGMA foreign_keys=ON");
        } catch (...) {
            // Only fails inside a transaction, and none is left open here.
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

  private:
    SQLite::Database& db_;
};

// Empty when every reference in the file points at a row; else the first
// table holding one that does not.
std::string danglingReference(SQLite::Database& db) {
    SQLite::Statement check(db, "PRAGMA foreign_key_check");
    return check.executeStep() ? check.getColumn(0).getString() : std::string();
}

}  // namespace

Result<int> migrate(Connection& connection, int target_version) {
    SQLite::Database& db = connection.db();
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    int current = db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
    if (current > latestSchemaVersion()) {
        return Status::internal("storage.schema_too_new",
                                "This database has schema version " + std::to_string(current) +
                                    ", written by a newer yishi; this build knows versions up to " +
                                    std::to_string(latestSchemaVersion()) +
                                    ". Upgrade yishi, or point it at another data directory. Nothing was changed.");
    }
    ForeignKeysOff foreign_keys_off(db);
    for (const Migration& m : knownMigrations()) {
        if (m.version <= current || m.version > target_version) continue;
        try {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            db.exec(m.sql);
            const std::string dangling = danglingReference(db);
            if (!dangling.empty()) {
                return Status::internal("storage.migration_failed",
                                        "Migration " + std::to_string(m.version) + " (" + m.name +
                                            ") would leave references that point nowhere, in table " + dangling +
                                            "; nothing was changed by it.");
            }
            SQLite::Statement record(db, "INSERT INTO schema_migrations VALUES (?, ?, ?)");
            record.bind(1, m.version);
            record.bind(2, m.name);
            record.bind(3, static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                         std::chrono::system_clock::now().time_since_epoch())
                                                         .count()));
            record.exec();
            tx.commit();
        } catch (...) {
            return Status::internal("storage.migration_failed",
                                    "Migration " + std::to_string(m.version) + " (" + m.name +
                                        ") failed: " + operatorMessageFromCurrentException());
        }
        current = m.version;
    }
    return current;
}

Status migrateFile(const std::string& path, int target_version) {
    try {
        Connection connection(path, Connection::Mode::kReadWrite, 5000);
        Result<int> version = migrate(connection, target_version);
        return version.isOk() ? Status::ok() : version.status();
    } catch (...) {
        return statusFromCurrentException();
    }
}

}  // namespace yishi::storage
