#include "reader_pool.h"

#include "connection.h"

namespace yishi::storage {

ReaderPool::ReaderPool(std::string path, int busy_timeout_ms)
    : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}

ReaderPool::~ReaderPool() = default;

ReaderPool::Lease::Lease(ReaderPool& pool, std::unique_ptr<Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

ReaderPool::Lease::~Lease() {
    MutexLock lock(pool_.mutex_);
    pool_.idle_.push_back(std::move(connection_));
}

ReaderPool::Lease ReaderPool::acquire() {
    {
        MutexLock lock(mutex_);
        if (!idle_.empty()) {
            std::unique_ptr<Connection> c = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(c));
        }
    }
    return Lease(*this, std::make_unique<Connection>(path_, Connection::Mode::kReadOnly, busy_timeout_ms_));
}

}  // namespace yishi::storage
