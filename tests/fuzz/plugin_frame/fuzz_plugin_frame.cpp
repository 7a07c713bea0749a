// libFuzzer harness for what the server reads from a plugin worker: the
// length-prefixed frames on the worker's socket (core/plugins/src/frame_io.*)
// and the reply each frame holds (decodeWorkerReply, worker_reply.h, with
// HookResult::fromValue). A worker runs plugin code, so these bytes are
// untrusted. The first byte of an input picks how many inputs the call had
// (1 to 4) and whether the rest goes to the socket as it is (bit 7 clear:
// frames, lengths and all, as a worker would write them) or as the payload
// of one frame the harness writes with writeFrame (bit 7 set: the fuzzer's
// mutations then land on the JSON). Besides crashes, leaks, undefined
// behaviour and hangs, it checks:
//  - frames: a frame's payload is never larger than kMaxFrameBytes nor than
//    the bytes that came, and reading ends in kEof or kError, never kTimeout
//    (the worker's end is closed, nothing is left to wait for);
//  - replies: exactly one result per input; a failure's code, place and
//    cause within their caps and valid UTF-8; a log of at most
//    kMaxLogLines lines and kMaxLogBytes bytes, each valid UTF-8;
//  - a result read back from its own value (toValue, then fromValue) is the
//    same result: what the worker pool keeps is a fixed point.
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "frame_io.h"
#include "worker_reply.h"
#include "yishi/common/utf8.h"

using namespace yishi;
using namespace yishi::plugins;

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

bool sameResult(const HookResult& a, const HookResult& b) {
    return a.ok == b.ok && a.value == b.value && a.fault.code == b.fault.code && a.fault.where == b.fault.where &&
           a.fault.cause == b.fault.cause && a.log == b.log;
}

void checkResult(const HookResult& r) {
    if (!r.ok) {
        require(r.fault.code.size() <= kMaxFaultCodeBytes && isValidUtf8(r.fault.code));
        require(r.fault.where.size() <= kMaxFaultWhereBytes && isValidUtf8(r.fault.where));
        require(r.fault.cause.size() <= kMaxFaultCauseBytes && isValidUtf8(r.fault.cause));
    }
    require(r.log.size() <= kMaxLogLines);
    std::size_t bytes = 0;
    for (const auto& line : r.log) {
        require(isValidUtf8(line));
        bytes += line.size();
    }
    require(bytes <= kMaxLogBytes);
    require(sameResult(HookResult::fromValue(r.toValue()), r));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    // What fits the socket's buffer at once (the harness writes, then reads).
    if (size == 0 || size > 60'000) return 0;
    const std::size_t inputs = 1 + (bytes[0] & 3);
    const bool framed = (bytes[0] & 0x80) != 0;
    const std::string_view rest(reinterpret_cast<const char*>(bytes) + 1, size - 1);

    int pair[2];
    require(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) == 0);
    if (framed) {
        require(writeFrame(pair[1], std::string(rest)));
    } else {
        std::size_t written = 0;
        while (written < rest.size()) {
            const ssize_t n = ::write(pair[1], rest.data() + written, rest.size() - written);
            require(n > 0);
            written += static_cast<std::size_t>(n);
        }
    }
    ::close(pair[1]);  // the worker is gone: what it wrote is all there is

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    std::size_t frames = 0, consumed = 0;
    for (;;) {
        std::string payload;
        const FrameStatus status = readFrame(pair[0], payload, deadline);
        if (status != FrameStatus::kOk) {
            require(status == FrameStatus::kEof || status == FrameStatus::kError);
            break;
        }
        ++frames;
        consumed += 4 + payload.size();
        require(payload.size() <= kMaxFrameBytes);
        require(consumed <= rest.size() + (framed ? 4 : 0));
        if (framed) require(payload == rest);

        const WorkerReply reply = decodeWorkerReply(payload, inputs);
        require(reply.results.size() == inputs);
        if (reply.unknown_bundle) require(!reply.results.front().ok);
        for (const auto& r : reply.results) checkResult(r);
    }
    if (framed) require(frames == 1);
    ::close(pair[0]);
    return 0;
}
