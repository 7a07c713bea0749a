#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace yishi::storage {

// One SQLite connection with yishi's pragmas and a cache of prepared
// statements. Not thread-safe: a Connection belongs to one thread at a time.
class Connection {
  public:
    enum class Mode { kReadWrite, kReadOnly };

    // Throws SQLite::Exception when the file cannot be opened.
    Connection(const std::string& path, Mode mode, int busy_timeout_ms);

    SQLite::Database& db() { return db_; }

    // A prepared statement for `sql`, which must be a string literal (it is
    // cached by address). The lease resets the statement and clears its
    // bindings when it ends, so a half-read SELECT never holds a snapshot.
    class Lease {
      public:
        explicit Lease(SQLite::Statement& statement) : statement_(statement) {}
        ~Lease() {
            statement_.tryReset();
            statement_.clearBindings();
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        SQLite::Statement* operator->() { return &statement_; }
        SQLite::Statement& operator*() { return statement_; }

      private:
        SQLite::Statement& statement_;
    };
    Lease prepare(const char* sql);

    // The writer's: where the stores note what the running write job
    // changes (null outside a job, and on read connections).
    struct WriteNotes* notes() const {
        return notes_;
    }
    void setNotes(struct WriteNotes* notes) { notes_ = notes; }

  private:
    struct WriteNotes* notes_ = nullptr;
    SQLite::Database db_;
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace yishi::storage
