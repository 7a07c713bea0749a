#include "connection_loop.h"

#include <Poco/Logger.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ostream>
#include <streambuf>

#include "json_io.h"
#include "responses.h"

namespace yishi::http {

namespace {

constexpr std::uint64_t kListenTag = ~std::uint64_t{0};
constexpr std::uint64_t kWakeTag = ~std::uint64_t{0} - 1;
constexpr std::size_t kReadBuffer = 64 * 1024;
constexpr std::size_t kStreamChunk = 64 * 1024;
constexpr std::size_t kStreamHighWater = 1 << 20;
constexpr std::int64_t kLingerMicros = 2'000'000;
constexpr std::int64_t kLingerMaxBytes = 4 << 20;
constexpr std::int64_t kStatsEveryMicros = 10'000'000;
constexpr std::int64_t kStopGraceMicros = 2'000'000;
constexpr int kKeepWorkerMs = 2;
constexpr std::size_t kWorkerReadBuffer = 16 * 1024;
constexpr const char* kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

Poco::Logger& logger() {
    static Poco::Logger& l = Poco::Logger::get("yishi.http");
    return l;
}

std::int64_t nowMicros() {
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t millisToMicros(int ms) { return static_cast<std::int64_t>(ms) * 1000; }

// The peer's address as bytes (the per-address count's key), as text, and
// whether it is a loopback address (IPv4-mapped ones included).
void describe(const sockaddr_storage& address, std::string* key, std::string* text, bool* loopback) {
    char buffer[INET6_ADDRSTRLEN] = "unknown";
    if (address.ss_family == AF_INET) {
        const auto& in = reinterpret_cast<const sockaddr_in&>(address);
        key->assign(reinterpret_cast<const char*>(&in.sin_addr), sizeof in.sin_addr);
        ::inet_ntop(AF_INET, &in.sin_addr, buffer, sizeof buffer);
        *loopback = (ntohl(in.sin_addr.s_addr) >> 24) == 127;
    } else if (address.ss_family == AF_INET6) {
        const auto& in6 = reinterpret_cast<const sockaddr_in6&>(address);
        if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr)) {
            const unsigned char* v4 = in6.sin6_addr.s6_addr + 12;
            key->assign(reinterpret_cast<const char*>(v4), 4);
            ::inet_ntop(AF_INET, v4, buffer, sizeof buffer);
            *loopback = v4[0] == 127;
        } else {
            key->assign(reinterpret_cast<const char*>(&in6.sin6_addr), sizeof in6.sin6_addr);
            ::inet_ntop(AF_INET6, &in6.sin6_addr, buffer, sizeof buffer);
            *loopback = IN6_IS_ADDR_LOOPBACK(&in6.sin6_addr);
        }
    } else {
        key->clear();
        *loopback = false;
    }
    *text = buffer;
}

// A streamed answer's bytes, in chunks, into the connection's queue: waits
// while the client is behind (Connection::waitForRoom).
class ConnectionStreamBuf final : public std::streambuf {
  public:
    ConnectionStreamBuf(Connection& connection, std::chrono::milliseconds stall)
        : connection_(connection), stall_(stall) {
        buffer_.reserve(kStreamChunk);
    }
    std::uint64_t written() const { return written_; }

  protected:
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) return sync() == 0 ? traits_type::not_eof(ch) : ch;
        buffer_.push_back(traits_type::to_char_type(ch));
        ++written_;
        if (buffer_.size() >= kStreamChunk && !send()) return traits_type::eof();
        return ch;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        buffer_.append(s, static_cast<std::size_t>(n));
        written_ += static_cast<std::uint64_t>(n);
        if (buffer_.size() >= kStreamChunk && !send()) return 0;
        return n;
    }
    int sync() override { return send() ? 0 : -1; }

  private:
    bool send() {
        if (buffer_.empty()) return !connection_.broken();
        OutChunk chunk;
        chunk.bytes = std::move(buffer_);
        buffer_ = std::string();
        buffer_.reserve(kStreamChunk);
        return connection_.write(std::move(chunk)) && connection_.waitForRoom(kStreamHighWater, stall_);
    }

    Connection& connection_;
    const std::chrono::milliseconds stall_;
    std::string buffer_;
    std::uint64_t written_ = 0;
};

ParseLimits limitsOf(const ServerOptions& options) {
    ParseLimits limits;
    limits.max_body_bytes = options.max_body_bytes;
    limits.max_head_bytes = options.max_header_bytes;
    limits.max_field_line = std::min(limits.max_field_line, options.max_header_bytes);
    limits.max_request_line = std::min(limits.max_request_line, options.max_header_bytes);
    return limits;
}

}  // namespace

ConnectionLoop::ConnectionLoop(const ServerOptions& options, RequestProcessor& processor, int listen_fd,
                               std::size_t max_connections)
    : options_(options),
      processor_(processor),
      limits_(limitsOf(options)),
      max_connections_(max_connections),
      listen_fd_(listen_fd),
      read_buffer_(new char[kReadBuffer]) {}

ConnectionLoop::~ConnectionLoop() {
    stop();
    if (listen_fd_ >= 0) ::close(listen_fd_);
    if (epoll_fd_ >= 0) ::close(epoll_fd_);
    if (wake_fd_ >= 0) ::close(wake_fd_);
    if (reserve_fd_ >= 0) ::close(reserve_fd_);
}

Status ConnectionLoop::start() {
    epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    reserve_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int flags = ::fcntl(listen_fd_, F_GETFL);
    if (epoll_fd_ < 0 || wake_fd_ < 0 || flags < 0 || ::fcntl(listen_fd_, F_SETFL, flags | O_NONBLOCK) < 0) {
        return Status::unavailable("http.bind_failed",
                                   std::string("Cannot set up the I/O loop: ") + std::strerror(errno));
    }
    epoll_event listen_event{};
    listen_event.events = EPOLLIN;
    listen_event.data.u64 = kListenTag;
    epoll_event wake_event{};
    wake_event.events = EPOLLIN;
    wake_event.data.u64 = kWakeTag;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &listen_event) < 0 ||
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake_event) < 0) {
        return Status::unavailable("http.bind_failed",
                                   std::string("Cannot set up the I/O loop: ") + std::strerror(errno));
    }
    const int threads = options_.threads < 1 ? 1 : options_.threads;
    for (int i = 0; i < threads; ++i) {
        workers_.emplace_back([this] {
            ::pthread_setname_np(::pthread_self(), "yishi-worker");
            work();
        });
    }
    io_thread_ = std::thread([this] {
        ::pthread_setname_np(::pthread_self(), "yishi-io");
        run();
    });
    return Status::ok();
}

void ConnectionLoop::stop() {
    if (!io_thread_.joinable()) return;
    stopping_.store(true);
    wake();
    io_thread_.join();
    {
        MutexLock lock(jobs_mutex_);
        workers_stop_ = true;
    }
    jobs_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
}

ConnectionLoop::Counters ConnectionLoop::counters() const {
    return {accepted_.load(), refused_per_address_.load(), refused_full_.load(),
            evicted_.load(),  timed_out_.load(),           open_.load()};
}

void ConnectionLoop::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

// ---- the loop thread ----

void ConnectionLoop::run() {
    std::vector<epoll_event> events(1024);
    std::int64_t next_stats = nowMicros() + kStatsEveryMicros;
    Counters logged;
    for (;;) {
        const int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), nextTimeoutMs());
        now_ = nowMicros();
        for (int i = 0; i < n; ++i)
            onEvent(events[static_cast<std::size_t>(i)].data.u64, events[static_cast<std::size_t>(i)].events);
        takeFinished();
        expire();
        if (stopping_.load()) {
            if (listening_) beginStop();
            if (open_.load() == 0) break;
        }
        if (now_ >= next_stats) {
            // Refusals and evictions are counted, not logged one by one: under
            // attack that would be a line per connection.
            next_stats = now_ + kStatsEveryMicros;
            const Counters now = counters();
            if (now.refused_per_address != logged.refused_per_address || now.refused_full != logged.refused_full ||
                now.evicted != logged.evicted) {
                logger().warning("{\"event\":\"connections\",\"open\":" + std::to_string(now.open) +
                                 ",\"refused_per_address\":" + std::to_string(now.refused_per_address) +
                                 ",\"refused_full\":" + std::to_string(now.refused_full) + ",\"evicted\":" +
                                 std::to_string(now.evicted) + ",\"timed_out\":" + std::to_string(now.timed_out) + "}");
            }
            logged = now;
        }
    }
}

int ConnectionLoop::nextTimeoutMs() const {
    if (timers_.empty()) return 1000;
    const std::int64_t wait = timers_.begin()->first - nowMicros();
    if (wait <= 0) return 0;
    return static_cast<int>(std::min<std::int64_t>(wait / 1000 + 1, 1000));
}

void ConnectionLoop::onEvent(std::uint64_t tag, std::uint32_t events) {
    if (tag == kListenTag) {
        acceptConnections();
        return;
    }
    if (tag == kWakeTag) {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t n = ::read(wake_fd_, &count, sizeof count);
        return;
    }
    const auto fd = static_cast<std::size_t>(tag & 0xffffffffu);
    const auto serial = static_cast<std::uint32_t>(tag >> 32);
    auto alive = [&]() -> Connection* {
        if (fd >= by_fd_.size() || !by_fd_[fd] || by_fd_[fd]->serial != serial) return nullptr;
        return by_fd_[fd].get();
    };
    Connection* c = alive();
    if (!c) return;
    if (events & (EPOLLOUT | EPOLLERR)) {
        onWritable(c);
        if (!(c = alive())) return;
    }
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        c->readable = true;
        if (events & (EPOLLRDHUP | EPOLLHUP)) c->peer_closed = true;
        if (c->phase == Connection::Phase::kIdle || c->phase == Connection::Phase::kReading) {
            readRequest(c);
        } else if (c->phase == Connection::Phase::kLingering) {
            drainLingering(c);
        }
        // Working or writing: read once the answer is out.
    }
}

void ConnectionLoop::acceptConnections() {
    for (int i = 0; i < 512 && listening_; ++i) {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        const int fd =
            ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            admit(fd, &address, length);
            continue;
        }
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE) {
            if (evictOne()) continue;
            // Nothing to close: take the connection off the queue and end it,
            // or the listening socket would stay ready for ever.
            if (reserve_fd_ >= 0) {
                ::close(reserve_fd_);
                const int refused = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
                if (refused >= 0) ::close(refused);
                reserve_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
                refused_full_.fetch_add(1);
                continue;
            }
        }
        return;  // EAGAIN: none left
    }
}

void ConnectionLoop::admit(int fd, const void* address, unsigned /*address_length*/) {
    std::string key;
    std::string peer;
    bool loopback = false;
    describe(*static_cast<const sockaddr_storage*>(address), &key, &peer, &loopback);
    const int per_address_limit = options_.max_connections_per_address;
    if (per_address_limit > 0 && (!loopback || options_.limit_loopback)) {
        const auto it = per_address_.find(key);
        if (it != per_address_.end() && it->second >= per_address_limit) {
            refused_per_address_.fetch_add(1);  // counted before the client can see the close
            ::close(fd);
            return;
        }
    }
    if (open_.load() >= max_connections_ && !evictOne()) {
        refused_full_.fetch_add(1);
        ::close(fd);
        return;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (next_serial_ == 0) next_serial_ = 1;  // 0 is never a connection's
    const std::uint32_t serial = next_serial_++;
    auto c = std::make_unique<Connection>(fd, serial, std::move(peer), std::move(key), loopback, limits_);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    event.data.u64 = (static_cast<std::uint64_t>(serial) << 32) | static_cast<std::uint32_t>(fd);
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) < 0) {
        ::close(fd);
        return;
    }
    const auto index = static_cast<std::size_t>(fd);
    if (index >= by_fd_.size()) by_fd_.resize(std::max(index + 1, by_fd_.size() * 2));
    Connection* raw = c.get();
    by_fd_[index] = std::move(c);
    ++per_address_[raw->address_key];
    open_.fetch_add(1);
    accepted_.fetch_add(1);
    listAppend(raw, kIdleList);
    setDeadline(raw, now_ + millisToMicros(options_.request_deadline_ms));
    // Input that came before the registration is reported by epoll_ctl's
    // own check: no read here.
}

void ConnectionLoop::readRequest(Connection* c) {
    char* buffer = read_buffer_.get();
    while (c->readable) {
        const ssize_t n = ::recv(c->fd, buffer, kReadBuffer, 0);
        if (n > 0) {
            // A short read emptied the socket; new bytes bring a new edge.
            // Not so an end already announced: read on until EOF.
            if (static_cast<std::size_t>(n) < kReadBuffer && !c->peer_closed) c->readable = false;
            if (!onBytes(c, std::string_view(buffer, static_cast<std::size_t>(n)))) return;
        } else if (n == 0) {
            close(c);  // the client left (between requests, or giving one up)
            return;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            c->readable = false;
        } else {
            close(c);
            return;
        }
    }
}

bool ConnectionLoop::onBytes(Connection* c, std::string_view bytes) {
    if (c->phase == Connection::Phase::kIdle) {
        c->phase = Connection::Phase::kReading;
        listAppend(c, kReadingList);
        // A kept-alive connection's clock for its request starts with its
        // first byte; a new one's started when it was accepted.
        if (c->served > 0) setDeadline(c, now_ + millisToMicros(options_.request_deadline_ms));
    }
    const std::size_t used = c->parser.feed(bytes);
    if (c->parser.failed()) {
        refuse(c);
        return false;
    }
    if (c->parser.done()) {
        if (used < bytes.size()) c->pending.append(bytes.substr(used));
        dispatch(c);
        return false;
    }
    if (!c->continue_sent && c->parser.headDone() && c->parser.request().expect_continue) {
        c->continue_sent = true;
        OutChunk chunk;
        chunk.bytes = kContinue;
        c->write(std::move(chunk));
    }
    return true;
}

void ConnectionLoop::refuse(Connection* c) {
    Status status;
    int http_status = 400;
    const std::string& what = c->parser.failureText();
    switch (c->parser.failure()) {
        case ParseFailure::kBodyTooLarge:
            status = Status::tooLarge("request.too_large", what);
            http_status = 413;
            break;
        case ParseFailure::kUriTooLong:
            status = Status::invalid("request.uri_too_long", what);
            http_status = 414;
            break;
        case ParseFailure::kHeadersTooLarge:
            status = Status::invalid("request.headers_too_large", what);
            http_status = 431;
            break;
        default: status = Status::invalid("request.malformed", "The server could not read this request: " + what);
    }
    const HttpRequest& partial = c->parser.request();
    const std::string request_id = nextRequestId();
    ApiResponse out = errorResponse(status, request_id, languageFromAcceptLanguage(partial.get("Accept-Language")));
    out.status = http_status;
    HttpReply reply = makeReply(std::move(out), {request_id, partial.method == "HEAD", false, false});
    logger().information("{\"event\":\"request\",\"status\":" + std::to_string(http_status) +
                         ",\"reason\":" + jsonQuote(what) + ",\"request_id\":" + jsonQuote(request_id) + "}");
    c->phase = Connection::Phase::kWorking;
    listRemove(c);
    setDeadline(c, 0);
    OutChunk chunk;
    chunk.bytes = std::move(reply.head);
    chunk.bytes += reply.body;
    c->write(std::move(chunk));
    afterAnswer(c, true);
}

void ConnectionLoop::dispatch(Connection* c) {
    Job job;
    job.connection = c;
    job.request = c->parser.take();
    c->continue_sent = false;
    ++c->served;
    job.keep_alive = job.request.keep_alive && !stopping_.load() && c->served < options_.max_keep_alive_requests;
    c->phase = Connection::Phase::kWorking;
    setInput(c, false);  // the worker may read the next request itself
    listRemove(c);
    setDeadline(c, 0);
    if (enqueue(job)) return;
    // Every worker is busy and the queue is full: answer at once.
    const std::string request_id = nextRequestId();
    ApiResponse out =
        errorResponse(Status::unavailable("server.busy", "The server is busy; please try again in a moment."),
                      request_id, languageFromAcceptLanguage(job.request.get("Accept-Language")));
    out.headers.emplace_back("Retry-After", "1");
    const bool keep_alive = job.keep_alive;
    HttpReply reply = makeReply(std::move(out), {request_id, job.request.method == "HEAD", keep_alive, false});
    OutChunk chunk;
    chunk.bytes = std::move(reply.head);
    chunk.bytes += reply.body;
    c->write(std::move(chunk));
    afterAnswer(c, !keep_alive);
}

void ConnectionLoop::onWritable(Connection* c) {
    if (c->phase == Connection::Phase::kLingering) return;
    const Connection::Flushed flushed = c->flush();
    if (c->phase != Connection::Phase::kWriting) return;  // a worker's stream is told by flush()
    if (flushed.broken) {
        close(c);
    } else if (flushed.empty) {
        answered(c);
    } else if (flushed.progress) {
        setDeadline(c, now_ + millisToMicros(options_.request_deadline_ms));
    }
}

void ConnectionLoop::setInput(Connection* c, bool armed) {
    if (c->input_armed == armed) return;
    epoll_event event{};
    event.events = armed ? EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET : EPOLLOUT | EPOLLET;
    event.data.u64 = (static_cast<std::uint64_t>(c->serial) << 32) | static_cast<std::uint32_t>(c->fd);
    // Re-armed, epoll reports input that came meanwhile (EOF included).
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c->fd, &event);
    c->input_armed = armed;
}

void ConnectionLoop::afterAnswer(Connection* c, bool close_after) {
    c->close_after = close_after || stopping_.load();
    setInput(c, true);
    if (c->broken()) {
        close(c);
        return;
    }
    if (!c->outputEmpty()) {
        c->phase = Connection::Phase::kWriting;
        setDeadline(c, now_ + millisToMicros(options_.request_deadline_ms));
        return;
    }
    answered(c);
}

void ConnectionLoop::answered(Connection* c) {
    if (c->close_after) {
        startLingering(c);
        return;
    }
    if (c->parser.failed()) {  // a request its worker began to read
        refuse(c);
        return;
    }
    if (c->parser.started()) {
        c->phase = Connection::Phase::kReading;
        listAppend(c, kReadingList);
        setDeadline(c, now_ + millisToMicros(options_.request_deadline_ms));
        if (!c->continue_sent && c->parser.headDone() && c->parser.request().expect_continue) {
            c->continue_sent = true;
            OutChunk chunk;
            chunk.bytes = kContinue;
            c->write(std::move(chunk));
        }
    } else {
        c->phase = Connection::Phase::kIdle;
        listAppend(c, kIdleList);
        setDeadline(c, now_ + millisToMicros(options_.keep_alive_timeout_ms));
    }
    if (!c->pending.empty()) {
        const std::string pipelined = std::move(c->pending);
        c->pending.clear();
        if (!onBytes(c, pipelined)) return;
    }
    if (c->readable) readRequest(c);
}

void ConnectionLoop::startLingering(Connection* c) {
    ::shutdown(c->fd, SHUT_WR);
    c->phase = Connection::Phase::kLingering;
    c->pending.clear();
    c->lingering_bytes = 0;
    listAppend(c, kLingeringList);
    setDeadline(c, now_ + kLingerMicros);
    // Whatever was read and not yet parsed is dropped; look for more now.
    c->readable = true;
    drainLingering(c);
}

void ConnectionLoop::drainLingering(Connection* c) {
    char* buffer = read_buffer_.get();
    while (c->readable) {
        const ssize_t n = ::recv(c->fd, buffer, kReadBuffer, 0);
        if (n > 0) {
            if (static_cast<std::size_t>(n) < kReadBuffer && !c->peer_closed) c->readable = false;
            c->lingering_bytes += n;
            if (c->lingering_bytes > kLingerMaxBytes) {
                close(c);
                return;
            }
        } else if (n == 0) {
            close(c);
            return;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            c->readable = false;
        } else {
            close(c);
            return;
        }
    }
}

void ConnectionLoop::takeFinished() {
    std::vector<Finished> finished;
    {
        MutexLock lock(finished_mutex_);
        finished.swap(finished_);
        wake_pending_ = false;
    }
    for (const Finished& f : finished) afterAnswer(f.connection, f.close);
}

void ConnectionLoop::expire() {
    while (!timers_.empty() && timers_.begin()->first <= now_) {
        Connection* c = timers_.begin()->second;
        if (c->phase != Connection::Phase::kLingering) timed_out_.fetch_add(1);
        close(c);
    }
}

void ConnectionLoop::beginStop() {
    listening_ = false;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
    ::close(listen_fd_);
    listen_fd_ = -1;
    // Those waiting for a request end now. A request being sent may finish
    // within 2 s; requests being answered finish. Their answers say
    // "Connection: close".
    while (lists_[kIdleList].head) close(lists_[kIdleList].head);
    for (Connection* c = lists_[kReadingList].head; c; c = c->next) {
        setDeadline(c, std::min(c->deadline, now_ + kStopGraceMicros));
    }
}

bool ConnectionLoop::evictOne() {
    for (ListId list : {kIdleList, kLingeringList, kReadingList}) {
        if (Connection* c = lists_[list].head) {
            evicted_.fetch_add(1);
            close(c);
            return true;
        }
    }
    return false;
}

void ConnectionLoop::close(Connection* c) {
    // Never one a worker holds: its phase is kWorking until the worker is done.
    listRemove(c);
    setDeadline(c, 0);
    ::close(c->fd);
    const auto it = per_address_.find(c->address_key);
    if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
    open_.fetch_sub(1);
    by_fd_[static_cast<std::size_t>(c->fd)].reset();
}

void ConnectionLoop::setDeadline(Connection* c, std::int64_t deadline) {
    if (c->deadline != 0) timers_.erase({c->deadline, c});
    c->deadline = deadline;
    if (deadline != 0) timers_.insert({deadline, c});
}

void ConnectionLoop::listAppend(Connection* c, ListId id) {
    listRemove(c);
    List& list = lists_[id];
    c->prev = list.tail;
    c->next = nullptr;
    if (list.tail) {
        list.tail->next = c;
    } else {
        list.head = c;
    }
    list.tail = c;
    c->list = id;
}

void ConnectionLoop::listRemove(Connection* c) {
    if (c->list < 0) return;
    List& list = lists_[c->list];
    if (c->prev) {
        c->prev->next = c->next;
    } else {
        list.head = c->next;
    }
    if (c->next) {
        c->next->prev = c->prev;
    } else {
        list.tail = c->prev;
    }
    c->prev = nullptr;
    c->next = nullptr;
    c->list = -1;
}

// ---- the workers ----

bool ConnectionLoop::enqueue(Job& job) {
    {
        MutexLock lock(jobs_mutex_);
        if (jobs_.size() >= static_cast<std::size_t>(options_.max_queued)) return false;
        jobs_.push_back(std::move(job));
        queued_.store(jobs_.size());
    }
    jobs_ready_.notify_one();
    return true;
}

void ConnectionLoop::work() {
    for (;;) {
        Job job;
        {
            MutexLock lock(jobs_mutex_);
            while (jobs_.empty() && !workers_stop_) lock.wait(jobs_ready_);
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            queued_.store(jobs_.size());
        }
        bool close_after = true;
        try {
            close_after = answer(job);
            while (!close_after && nextOnConnection(job)) close_after = answer(job);
        } catch (const std::exception& e) {
            // Only memory running out gets here (process() catches what the
            // handlers throw): end this connection, keep the worker.
            logger().error("{\"event\":\"worker_exception\",\"what\":" + jsonQuote(e.what()) + "}");
            close_after = true;
        }
        bool first = false;
        {
            MutexLock lock(finished_mutex_);
            finished_.push_back({job.connection, close_after});
            first = !wake_pending_;
            wake_pending_ = true;
        }
        if (first) wake();  // one wake-up for every connection handed back meanwhile
    }
}

bool ConnectionLoop::nextOnConnection(Job& job) {
    Connection& c = *job.connection;
    if (!job.keep_alive || stopping_.load() || !c.outputEmpty()) return false;
    if (c.pending.empty()) {
        // Wait only when no request waits for a worker, and keep at least
        // half the workers free for the others.
        if (queued_.load() > 0) return false;
        const int most = std::max(1, options_.threads / 2);
        if (lingering_.fetch_add(1) >= most) {
            lingering_.fetch_sub(1);
            return false;
        }
        pollfd p{c.fd, POLLIN | POLLRDHUP, 0};
        const int ready = ::poll(&p, 1, kKeepWorkerMs);
        lingering_.fetch_sub(1);
        if (ready <= 0) return false;
        thread_local char buffer[kWorkerReadBuffer];
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n <= 0) return false;  // EOF or an error: the loop finds it once input is watched again
        c.pending.assign(buffer, static_cast<std::size_t>(n));
    }
    const std::size_t used = c.parser.feed(c.pending);
    c.pending.erase(0, used);
    if (!c.parser.done()) return false;  // begun or refused: the loop goes on with it
    job.request = c.parser.take();
    c.continue_sent = false;
    ++c.served;
    job.keep_alive = job.request.keep_alive && !stopping_.load() && c.served < options_.max_keep_alive_requests;
    return true;
}

bool ConnectionLoop::answer(Job& job) {
    Connection& c = *job.connection;
    HttpReply reply = processor_.process(job.request, c.peer, job.keep_alive);
    if (stopping_.load()) closeAfter(reply);  // the server began to stop meanwhile
    OutChunk head;
    head.bytes = std::move(reply.head);
    if (reply.rendering) {
        // The head alone first: the body leaves by sendfile.
        OutChunk body;
        body.rendering = std::move(reply.rendering);
        return !c.write(std::move(head), std::move(body)) || reply.close;
    }
    if (!reply.stream) {
        OutChunk body;
        body.bytes = std::move(reply.body);
        return !c.write(std::move(head), std::move(body)) || reply.close;  // one sendmsg for both
    }
    if (!c.write(std::move(head))) return true;
    ConnectionStreamBuf buffer(c, std::chrono::milliseconds(options_.request_deadline_ms));
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit);
    try {
        reply.stream(out);
        out.flush();
        if (buffer.written() != reply.stream_length) {
            throw std::runtime_error("the stream wrote " + std::to_string(buffer.written()) + " bytes of " +
                                     std::to_string(reply.stream_length));
        }
    } catch (const std::exception& e) {
        // The head is gone: all that is left is to cut the body short.
        if (!c.broken()) {
            logger().error("{\"event\":\"stream_failed\",\"what\":" + jsonQuote(e.what()) + "}");
        }
        return true;
    }
    return reply.close;
}

}  // namespace yishi::http
