#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "public_cache.h"
#include "request_parser.h"
#include "yishi/common/mutex.h"

namespace yishi::http {

// Bytes waiting to be written: a string, or a stretch of a rendering's
// memory file (sent with sendfile(2)).
struct OutChunk {
    std::string bytes;
    std::shared_ptr<const PublicRendering> rendering;  // set: the file's bytes instead
    std::size_t offset = 0;                            // sent so far
    std::size_t size() const { return rendering ? rendering->body.size() : bytes.size(); }
};

// One client connection of the I/O loop (connection_loop.h). Its fields
// fall in two groups:
//  - the loop's: the phase, the parser and the bytes read, the deadline and
//    the list it is in. Only the loop thread touches them, except that
//    while the phase is kWorking the parser, `pending`, `served` and
//    `continue_sent` belong to the worker instead (it may read the next
//    request itself, ConnectionLoop::nextOnConnection); the hand-back
//    through the loop's finished queue orders the two. The loop never
//    frees a connection a worker is answering on.
//  - the output: a queue of bytes that a worker appends to and the loop
//    writes out as the socket takes them, guarded by the connection's mutex.
//    Whoever appends first writes directly (the common case: the whole
//    answer leaves in one send, no loop wake-up); what the socket does not
//    take waits for EPOLLOUT. A queue is non-empty only after a write came
//    back EAGAIN, so an edge-triggered EPOLLOUT is always due for it.
class Connection {
  public:
    enum class Phase {
        kIdle,       // waiting for the first byte of a request (new, or kept alive)
        kReading,    // a request has begun
        kWorking,    // a worker has the request (no deadline: the time is ours)
        kWriting,    // the answer is made; the socket has not taken all of it
        kLingering,  // answered and closing: the rest of the input is read and dropped
    };

    Connection(int fd, std::uint32_t serial, std::string peer, std::string address_key, bool loopback,
               const ParseLimits& limits)
        : fd(fd),
          serial(serial),
          peer(std::move(peer)),
          address_key(std::move(address_key)),
          loopback(loopback),
          parser(limits) {}
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const int fd;
    const std::uint32_t serial;     // tells this connection from a later one on the same descriptor
    const std::string peer;         // the client's IP address, as text
    const std::string address_key;  // the client's address, as bytes (for the per-address count)
    const bool loopback;

    // --- the loop thread's ---
    Phase phase = Phase::kIdle;
    RequestParser parser;
    std::string pending;         // bytes read after a complete request (pipelined)
    bool readable = false;       // an edge said there may be input
    bool peer_closed = false;    // the client shut its side (EPOLLRDHUP): read until EOF
    bool input_armed = true;     // EPOLLIN is in the epoll interest (not while a worker has it)
    bool continue_sent = false;  // "100 Continue" went out for this request
    bool close_after = false;    // close once the current answer is out
    int served = 0;              // requests answered
    std::int64_t deadline = 0;   // steady micros; 0: none
    std::int64_t lingering_bytes = 0;
    // The loop's eviction lists (connection_loop.cpp): intrusive links.
    int list = -1;
    Connection* prev = nullptr;
    Connection* next = nullptr;

    // --- the output (any thread) ---
    // Appends `chunk` (and `more`, e.g. a head and its body, so that they
    // leave in one call) and writes what the socket takes now. False when
    // the connection broke (the client is gone); the chunks are then dropped.
    bool write(OutChunk chunk, OutChunk more = OutChunk());
    struct Flushed {
        bool progress = false;  // some bytes left
        bool empty = false;     // nothing is queued any more
        bool broken = false;
    };
    // Writes queued bytes until the socket is full (on EPOLLOUT).
    Flushed flush();
    // For streamed answers: waits until at most `bytes` are queued. False
    // when the connection broke, or when `stall` passed without the client
    // taking a byte (it is then marked broken).
    bool waitForRoom(std::size_t bytes, std::chrono::milliseconds stall);
    bool broken();
    bool outputEmpty();
    void markBroken();

  private:
    // Writes from the queue's front until it is empty or the socket full.
    void drainLocked() YISHI_REQUIRES(mutex_);

    Mutex mutex_;
    std::condition_variable drained_;
    std::deque<OutChunk> out_ YISHI_GUARDED_BY(mutex_);
    std::size_t out_bytes_ YISHI_GUARDED_BY(mutex_) = 0;
    std::uint64_t written_ YISHI_GUARDED_BY(mutex_) = 0;  // bytes the socket took, ever
    bool broken_ YISHI_GUARDED_BY(mutex_) = false;
};

}  // namespace yishi::http
