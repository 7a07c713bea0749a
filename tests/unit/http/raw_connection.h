#pragma once

// A client socket on 127.0.0.1 for tests that must control every byte:
// smuggling attempts, slow and idle clients, pipelining. Blocking, with a
// poll(2) timeout on each wait. Reads responses framed by Content-Length,
// as the server always frames them.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace yishi::testing {

class RawConnection {
  public:
    explicit RawConnection(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0) throw std::runtime_error("socket failed");
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0) {
            ::close(fd_);
            throw std::runtime_error("connect failed");
        }
    }
    ~RawConnection() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // False when the server closed or reset the connection.
    bool send(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    struct Response {
        int status = 0;
        std::string head;
        std::string body;
        std::string field(const std::string& name) const {
            const std::string key = "\r\n" + name + ": ";
            const std::size_t at = head.find(key);
            if (at == std::string::npos) return "";
            const std::size_t start = at + key.size();
            return head.substr(start, head.find("\r\n", start) - start);
        }
    };

    // The next response, or status 0 when none came complete within
    // `timeout_ms` (closed() then tells whether the server closed).
    Response next(int timeout_ms = 3000) {
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        Response r;
        std::size_t end;
        while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (!fill(give_up)) return r;
        }
        r.head = buffer_.substr(0, end + 2);
        buffer_.erase(0, end + 4);
        if (r.head.rfind("HTTP/1.1 ", 0) != 0) throw std::runtime_error("not a response: " + r.head.substr(0, 40));
        r.status = std::stoi(r.head.substr(9, 3));
        if (r.status == 100) return r;
        const std::string length = r.field("Content-Length");
        const std::size_t size = length.empty() ? 0 : std::stoul(length);
        while (buffer_.size() < size) {
            if (!fill(give_up)) {
                r.status = 0;
                return r;
            }
        }
        r.body = buffer_.substr(0, size);
        buffer_.erase(0, size);
        return r;
    }

    // Every response until the server closes (or `timeout_ms` passes).
    std::vector<Response> all(int timeout_ms = 3000) {
        std::vector<Response> out;
        for (;;) {
            Response r = next(timeout_ms);
            if (r.status == 0) break;
            out.push_back(std::move(r));
        }
        return out;
    }

    // Whether the server ended the connection (EOF or reset) within
    // `timeout_ms`; bytes that arrive meanwhile are kept for next().
    bool closedWithin(int timeout_ms) {
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (!closed_) {
            if (!fill(give_up) && !closed_) return false;
        }
        return true;
    }
    bool closed() const { return closed_; }
    // Ends our side's sending (the server reads EOF after what was sent).
    void shutdownSend() { ::shutdown(fd_, SHUT_WR); }
    int fd() const { return fd_; }

  private:
    // Reads what arrives before `give_up`; false when nothing did.
    bool fill(std::chrono::steady_clock::time_point give_up) {
        if (closed_) return false;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(give_up - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
        char chunk[65536];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) {
            closed_ = true;
            return false;
        }
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    int fd_ = -1;
    std::string buffer_;
    bool closed_ = false;
};

}  // namespace yishi::testing
