#pragma once

#include <memory>
#include <string>
#include <vector>

#include "yishi/common/mutex.h"

namespace yishi::storage {

class Connection;

// Read-only connections, one per concurrent reader, opened on demand and
// kept for reuse. Thread-safe: any thread may acquire; a leased connection
// belongs to its lease's thread alone, and only the idle list is shared.
class ReaderPool {
  public:
    ReaderPool(std::string path, int busy_timeout_ms);
    ~ReaderPool();

    // A connection for the caller alone; handed back when the lease ends.
    class Lease {
      public:
        Lease(ReaderPool& pool, std::unique_ptr<Connection> connection);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Connection& operator*() { return *connection_; }

      private:
        ReaderPool& pool_;
        std::unique_ptr<Connection> connection_;
    };

    // Throws SQLite::Exception when a new connection cannot be opened.
    Lease acquire();

  private:
    const std::string path_;
    const int busy_timeout_ms_;
    Mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_ YISHI_GUARDED_BY(mutex_);
};

}  // namespace yishi::storage
