#include "frame_io.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace yishi::plugins {

namespace {

bool writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        // MSG_NOSIGNAL: a dead worker must not raise SIGPIPE in the server.
        ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == ENOTSOCK) n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

FrameStatus readAll(int fd, char* data, std::size_t size, std::chrono::steady_clock::time_point deadline) {
    while (size > 0) {
        if (deadline != std::chrono::steady_clock::time_point::max()) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return FrameStatus::kTimeout;
            pollfd p{fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count() + 1, 1 << 30)));
            if (ready < 0 && errno == EINTR) continue;
            if (ready < 0) return FrameStatus::kError;
            if (ready == 0) continue;  // the loop re-checks the deadline
        }
        const ssize_t n = ::read(fd, data, size);
        if (n == 0) return FrameStatus::kEof;
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno == ECONNRESET ? FrameStatus::kEof : FrameStatus::kError;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return FrameStatus::kOk;
}

}  // namespace

bool writeFrame(int fd, const std::string& payload) {
    if (payload.size() > kMaxFrameBytes) return false;
    const auto size = static_cast<std::uint32_t>(payload.size());
    const char header[4] = {static_cast<char>(size & 0xFF), static_cast<char>((size >> 8) & 0xFF),
                            static_cast<char>((size >> 16) & 0xFF), static_cast<char>((size >> 24) & 0xFF)};
    return writeAll(fd, header, 4) && writeAll(fd, payload.data(), payload.size());
}

FrameStatus readFrame(int fd, std::string& payload, std::chrono::steady_clock::time_point deadline) {
    unsigned char header[4];
    FrameStatus status = readAll(fd, reinterpret_cast<char*>(header), 4, deadline);
    if (status != FrameStatus::kOk) return status;
    const std::uint32_t size = header[0] | (header[1] << 8) | (header[2] << 16) | (std::uint32_t{header[3]} << 24);
    if (size > kMaxFrameBytes) return FrameStatus::kError;
    // Grown as the bytes come (doubling from 64 KB), never to the announced
    // size at once: a worker that announces 256 MB and sends a few bytes
    // costs the server a few bytes, not 256 MB (found by tests/fuzz).
    payload.clear();
    while (payload.size() < size) {
        const std::size_t have = payload.size();
        const std::size_t more = std::min<std::size_t>(size - have, std::max<std::size_t>(64u << 10, have));
        payload.resize(have + more);
        status = readAll(fd, payload.data() + have, more, deadline);
        if (status != FrameStatus::kOk) return status;
    }
    return FrameStatus::kOk;
}

}  // namespace yishi::plugins
