// The load of scripts/bench.sh connections (issue 12, item 1): from one
// address, IDLE keep-alive connections (each makes one request, then holds
// its connection idle) and SLOW connections sending a request's header one
// byte every DRIBBLE_MS (reopened when the server closes them at its
// deadline), while ordinary requests to each PATH are timed, alternately on
// a kept-alive connection and on a new one. Prints the populations held and
// p50/p99/max per path, then checks that a sample of the idle connections
// still answers.
//
// usage: connections_load PORT IDLE SLOW SECONDS DRIBBLE_MS PATH...
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::uint16_t g_port = 0;

int connectTo(bool nonblocking) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0) return -1;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(g_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0 && errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}

std::string request(const std::string& path) { return "GET " + path + " HTTP/1.1\r\nHost: bench\r\n\r\n"; }

// Whether `buffer` holds one whole response (Content-Length framed).
bool wholeResponse(const std::string& buffer) {
    const std::size_t end = buffer.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const std::size_t at = buffer.find("Content-Length: ");
    const std::size_t length = at == std::string::npos || at > end ? 0 : std::stoul(buffer.substr(at + 16));
    return buffer.size() >= end + 4 + length;
}

// One request and its response on a blocking socket; the time in ms, or -1.
double timedRequest(int fd, const std::string& path, Clock::time_point start) {
    const std::string r = request(path);
    if (::send(fd, r.data(), r.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(r.size())) return -1;
    std::string in;
    char buffer[65536];
    while (!wholeResponse(in)) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0) return -1;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return -1;
        in.append(buffer, static_cast<std::size_t>(n));
    }
    if (in.compare(0, 12, "HTTP/1.1 200") != 0) return -1;
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Held {
    enum Kind { kIdle, kSlow } kind = kIdle;
    enum State { kConnecting, kAwaiting, kHeld, kDribbling } state = kConnecting;
    std::string in;
    Clock::time_point last_byte{};
};

class Holder {
  public:
    Holder(int idle, int slow, int dribble_ms) : idle_target_(idle), slow_target_(slow), dribble_(dribble_ms) {
        epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    }

    // Opens connections (at most 256 connecting at once) until the targets
    // are held or `until` passes; keeps them (reopening slow ones) meanwhile.
    void run(Clock::time_point until, const std::atomic<bool>& stop) {
        std::vector<epoll_event> events(1024);
        while (Clock::now() < until && !stop.load()) {
            while (connecting_ < 256 && idle_open_ < idle_target_) open(Held::kIdle);
            while (connecting_ < 256 && slow_open_ < slow_target_) open(Held::kSlow);
            const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 20);
            for (int i = 0; i < n; ++i)
                onEvent(events[static_cast<std::size_t>(i)].data.fd, events[static_cast<std::size_t>(i)].events);
            dribble();
            if (measuring_) {
                slow_min_ = std::min(slow_min_, slow_open_);
                slow_sum_ += slow_open_;
                idle_min_ = std::min(idle_min_, idle_held_);
                ++samples_;
            }
        }
    }
    bool targetsHeld() const { return idle_held_ >= idle_target_ && slow_open_ >= slow_target_ && connecting_ == 0; }

    int idle_held_ = 0;
    int slow_open_ = 0;
    int idle_closed_ = 0;  // idle ones the server closed
    int slow_closed_ = 0;  // slow ones the server closed (its request deadline)
    int refused_ = 0;      // connections that failed to open
    // While measuring: the fewest slow and idle connections open, and the
    // slow ones on average (they close at the server's deadline and reopen).
    bool measuring_ = false;
    int slow_min_ = 1 << 30;
    int idle_min_ = 1 << 30;
    long long slow_sum_ = 0;
    long long samples_ = 0;
    std::map<int, Held> held_;

  private:
    void open(Held::Kind kind) {
        const int fd = connectTo(true);
        if (fd < 0) {
            ++refused_;
            return;
        }
        Held h;
        h.kind = kind;
        held_[fd] = h;
        epoll_event e{};
        e.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP;
        e.data.fd = fd;
        ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &e);
        ++connecting_;
        (kind == Held::kIdle ? idle_open_ : slow_open_)++;
    }

    void closed(int fd, bool by_server) {
        Held& h = held_[fd];
        if (h.state == Held::kConnecting) --connecting_;
        if (h.kind == Held::kIdle) {
            --idle_open_;
            if (h.state == Held::kHeld) --idle_held_;
            if (by_server) ++idle_closed_;
        } else {
            --slow_open_;
            if (by_server) ++slow_closed_;
        }
        held_.erase(fd);
        ::close(fd);
    }

    void onEvent(int fd, std::uint32_t events) {
        auto it = held_.find(fd);
        if (it == held_.end()) return;
        Held& h = it->second;
        if (h.state == Held::kConnecting) {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0) {
                ++refused_;
                closed(fd, false);
                return;
            }
            --connecting_;
            epoll_event e{};
            e.events = EPOLLIN | EPOLLRDHUP;
            e.data.fd = fd;
            ::epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &e);
            if (h.kind == Held::kIdle) {
                const std::string r = request("/api/v1/health");
                ::send(fd, r.data(), r.size(), MSG_NOSIGNAL);
                h.state = Held::kAwaiting;
            } else {
                const std::string start = "GET /api/v1/health HTTP/1.1\r\nHost: bench\r\nX-Slow: ";
                ::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
                h.state = Held::kDribbling;
                h.last_byte = Clock::now();
            }
            return;
        }
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
            char buffer[4096];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                closed(fd, true);
                return;
            }
            h.in.append(buffer, static_cast<std::size_t>(n));
            if (h.state == Held::kAwaiting && wholeResponse(h.in)) {
                h.state = Held::kHeld;
                h.in.clear();
                ++idle_held_;
            }
        }
    }

    void dribble() {
        const auto now = Clock::now();
        for (auto& [fd, h] : held_) {
            if (h.state != Held::kDribbling || now - h.last_byte < dribble_) continue;
            ::send(fd, "a", 1, MSG_NOSIGNAL);
            h.last_byte = now;
        }
    }

    const int idle_target_;
    const int slow_target_;
    const std::chrono::milliseconds dribble_;
    int epoll_ = -1;
    int connecting_ = 0;
    int idle_open_ = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 7) {
        std::fprintf(stderr, "usage: connections_load PORT IDLE SLOW SECONDS DRIBBLE_MS PATH...\n");
        return 64;
    }
    g_port = static_cast<std::uint16_t>(std::stoi(argv[1]));
    const int idle = std::stoi(argv[2]);
    const int slow = std::stoi(argv[3]);
    const int seconds = std::stoi(argv[4]);
    const int dribble_ms = std::stoi(argv[5]);
    std::vector<std::string> paths(argv + 6, argv + argc);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // a script waits for the first line
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);

    Holder holder(idle, slow, dribble_ms);
    std::atomic<bool> stop{false};
    const auto ramp_start = Clock::now();
    while (!holder.targetsHeld() && Clock::now() - ramp_start < std::chrono::seconds(120)) {
        holder.run(Clock::now() + std::chrono::milliseconds(200), stop);
    }
    const double ramp = std::chrono::duration<double>(Clock::now() - ramp_start).count();
    std::printf("  opened %d idle keep-alive and %d slow connections in %.1f s (%d failed to open)\n",
                holder.idle_held_, holder.slow_open_, ramp, holder.refused_);

    // Timed requests in their own thread while the holder keeps its
    // connections (and keeps dribbling).
    std::map<std::string, std::vector<double>> latencies;
    int errors = 0;
    std::thread probe([&] {
        const auto end = Clock::now() + std::chrono::seconds(seconds);
        std::map<std::string, int> kept;
        int i = 0;
        while (Clock::now() < end) {
            const std::string& path = paths[static_cast<std::size_t>(i) % paths.size()];
            const bool fresh = (i / static_cast<int>(paths.size())) % 2 == 1;
            const auto start = Clock::now();
            int fd = fresh ? -1 : kept[path];
            if (fd <= 0) fd = connectTo(false);
            double ms = fd < 0 ? -1 : timedRequest(fd, path, start);
            if (ms < 0) {
                ++errors;
                if (fd >= 0) ::close(fd);
                if (!fresh) kept[path] = 0;
            } else {
                latencies[path].push_back(ms);
                if (fresh) {
                    ::close(fd);
                } else {
                    kept[path] = fd;
                }
            }
            ++i;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        stop = true;
    });
    holder.measuring_ = true;
    holder.run(Clock::now() + std::chrono::seconds(seconds + 30), stop);
    probe.join();

    std::printf(
        "  held during %d s: at least %d idle keep-alive (the server closed %d); slow: at least %d, %.0f on "
        "average (the server closed %d at its request deadline, each reopened at once)\n",
        seconds, holder.idle_min_, holder.idle_closed_, holder.slow_min_,
        holder.samples_ ? static_cast<double>(holder.slow_sum_) / static_cast<double>(holder.samples_) : 0.0,
        holder.slow_closed_);
    for (const std::string& path : paths) {
        const std::vector<double>& v = latencies[path];
        std::printf("  %-40s %5zu requests   p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms\n", path.c_str(), v.size(),
                    percentile(v, 0.50), percentile(v, 0.99), percentile(v, 1.0));
    }
    std::printf("  failed requests: %d\n", errors);
    // The idle connections still answer: a sample of 100.
    int alive = 0;
    int sampled = 0;
    for (auto& [fd, h] : holder.held_) {
        if (h.kind != Held::kIdle || h.state != Held::kHeld || sampled >= 100) continue;
        ++sampled;
        const int flags = ::fcntl(fd, F_GETFL);
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        if (timedRequest(fd, "/api/v1/health", Clock::now()) >= 0) ++alive;
    }
    std::printf("  idle connections that still answer: %d of %d sampled\n", alive, sampled);
    double worst_p99 = 0;
    for (const std::string& path : paths) worst_p99 = std::max(worst_p99, percentile(latencies[path], 0.99));
    std::printf("  p99 goal < 50 ms: %s\n", worst_p99 < 50.0 && errors == 0 ? "met" : "NOT met");
    return 0;
}
