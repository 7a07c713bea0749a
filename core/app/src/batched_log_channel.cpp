#include "batched_log_channel.h"

#include <Poco/Message.h>

#include <chrono>

namespace yishi::app {

BatchedLogChannel::BatchedLogChannel(std::FILE* out, int flush_ms, std::size_t max_bytes)
    : out_(out), flush_ms_(flush_ms), max_bytes_(max_bytes), thread_([this] { run(); }) {}

BatchedLogChannel::~BatchedLogChannel() { close(); }

void BatchedLogChannel::close() {
    {
        MutexLock lock(mutex_);
        if (closing_) return;
        closing_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void BatchedLogChannel::log(const Poco::Message& message) {
    bool full = false;
    {
        MutexLock lock(mutex_);
        buffer_ += message.getText();
        buffer_ += '\n';
        full = buffer_.size() >= max_bytes_;
    }
    if (full) wake_.notify_one();
}

void BatchedLogChannel::writeOut(std::string& lines) {
    if (lines.empty()) return;
    std::fwrite(lines.data(), 1, lines.size(), out_);
    std::fflush(out_);
    lines.clear();
}

void BatchedLogChannel::run() {
    std::string lines;
    MutexLock lock(mutex_);
    for (;;) {
        lock.waitFor(wake_, std::chrono::milliseconds(flush_ms_),
                     [&]() YISHI_REQUIRES(mutex_) { return closing_ || buffer_.size() >= max_bytes_; });
        lines.swap(buffer_);
        const bool last = closing_;
        lock.unlock();
        writeOut(lines);
        lock.lock();
        if (last && buffer_.empty()) return;
    }
}

}  // namespace yishi::app
