#include "connection.h"

#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>

namespace yishi::http {

bool Connection::write(OutChunk chunk, OutChunk more) {
    MutexLock lock(mutex_);
    if (broken_) return false;
    const bool was_empty = out_.empty();
    for (OutChunk* c : {&chunk, &more}) {
        if (c->size() == c->offset) continue;
        out_bytes_ += c->size() - c->offset;
        out_.push_back(std::move(*c));
    }
    // Not empty before: a write came back EAGAIN, so EPOLLOUT is due and
    // the loop writes in order.
    if (was_empty) drainLocked();
    return !broken_;
}

void Connection::drainLocked() {
    while (!out_.empty() && !broken_) {
        OutChunk& front = out_.front();
        ssize_t n = 0;
        if (front.rendering && front.rendering->fd >= 0) {
            auto offset = static_cast<off_t>(front.offset);
            n = ::sendfile(fd, front.rendering->fd, &offset, front.size() - front.offset);
            if (n == 0) {  // the file is shorter than its body: never expected
                broken_ = true;
                break;
            }
        } else {
            // Gather the strings at the front into one sendmsg.
            iovec iov[8];
            std::size_t count = 0;
            for (auto it = out_.begin(); it != out_.end() && count < 8; ++it) {
                if (it->rendering && it->rendering->fd >= 0) break;
                const std::string& bytes = it->rendering ? it->rendering->body : it->bytes;
                iov[count].iov_base = const_cast<char*>(bytes.data() + it->offset);
                iov[count].iov_len = bytes.size() - it->offset;
                ++count;
            }
            msghdr message{};
            message.msg_iov = iov;
            message.msg_iovlen = count;
            n = ::sendmsg(fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            broken_ = true;  // reset, broken pipe: the client is gone
            break;
        }
        auto left = static_cast<std::size_t>(n);
        out_bytes_ -= left;
        written_ += left;
        while (left > 0) {
            OutChunk& chunk = out_.front();
            const std::size_t rest = chunk.size() - chunk.offset;
            if (left < rest) {
                chunk.offset += left;
                break;
            }
            left -= rest;
            out_.pop_front();
        }
    }
    if (broken_) {
        out_.clear();
        out_bytes_ = 0;
    }
}

Connection::Flushed Connection::flush() {
    MutexLock lock(mutex_);
    const std::uint64_t before = written_;
    drainLocked();
    Flushed flushed{written_ != before, out_.empty(), broken_};
    if (flushed.progress || flushed.broken) drained_.notify_all();
    return flushed;
}

bool Connection::waitForRoom(std::size_t bytes, std::chrono::milliseconds stall) {
    MutexLock lock(mutex_);
    std::uint64_t seen = written_;
    auto give_up = std::chrono::steady_clock::now() + stall;
    while (!broken_ && out_bytes_ > bytes) {
        const auto now = std::chrono::steady_clock::now();
        if (written_ != seen) {  // the client takes bytes, however slowly: wait on
            seen = written_;
            give_up = now + stall;
        } else if (now >= give_up) {
            broken_ = true;  // the client stopped reading: give the worker back
            out_.clear();
            out_bytes_ = 0;
            break;
        }
        lock.waitFor(drained_, give_up - now);
    }
    return !broken_;
}

bool Connection::broken() {
    MutexLock lock(mutex_);
    return broken_;
}

bool Connection::outputEmpty() {
    MutexLock lock(mutex_);
    return out_.empty();
}

void Connection::markBroken() {
    MutexLock lock(mutex_);
    broken_ = true;
    out_.clear();
    out_bytes_ = 0;
    drained_.notify_all();
}

}  // namespace yishi::http
