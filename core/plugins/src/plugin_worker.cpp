#include "yishi/plugins/plugin_worker.h"

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <map>

#include "frame_io.h"
#include "yishi/common/json.h"
#include "yishi/plugins/plugin_call.h"

namespace yishi::plugins {

namespace {

constexpr std::size_t kMaxCachedBundles = 16;

void limitProcess(std::size_t address_space_mb, int keep_in, int keep_out) {
    // No PR_SET_PDEATHSIG: it fires when the *thread* that started us ends,
    // and server threads come and go. A dead parent closes our socket
    // instead: we read end of input and leave, and a call in progress is
    // cut by its CPU-time limit.
    rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    // AddressSanitizer reserves terabytes of shadow address space, so a
    // sanitizer build cannot run under an address-space limit; the Lua
    // allocator's cap still holds there.
#if !defined(__SANITIZE_ADDRESS__)
    if (address_space_mb > 0) {
        rlimit space{address_space_mb << 20, address_space_mb << 20};
        ::setrlimit(RLIMIT_AS, &space);
    }
#else
    (void)address_space_mb;
#endif
    for (int fd = 3; fd < 1024; ++fd)
        if (fd != keep_in && fd != keep_out) ::close(fd);
}

// The CPU-time limit for the next call: what the process has used so far
// plus the budget, rounded up to whole seconds, plus one.
void limitCpuFor(int budget_ms) {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const rlim_t used = static_cast<rlim_t>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1);
    rlimit cpu{};
    ::getrlimit(RLIMIT_CPU, &cpu);
    cpu.rlim_cur = used + static_cast<rlim_t>((budget_ms + 999) / 1000) + 1;
    if (cpu.rlim_max != RLIM_INFINITY && cpu.rlim_cur > cpu.rlim_max) cpu.rlim_cur = cpu.rlim_max;
    ::setrlimit(RLIMIT_CPU, &cpu);
}

Value errorReply(const std::string& code, const std::string& cause) {
    const PluginFault fault = PluginFault{code, "", cause}.capped();
    return Value(Value::Object{{"error", Value(Value::Object{{"code", fault.code}, {"cause", fault.cause}})}});
}

Value serve(const Value& request, std::map<std::string, PluginBundle>& bundles) {
    const Value* hash = request.find("bundle_hash");
    const Value* hook = request.find("hook");
    const Value* inputs = request.find("inputs");
    if (!hash || !hash->isString() || !hook || !hook->isString() || !inputs || !inputs->isArray())
        return errorReply("plugin.protocol", "malformed request");
    if (const Value* bundle_value = request.find("bundle")) {
        auto bundle = PluginBundle::fromValue(*bundle_value);
        if (!bundle.isOk()) return errorReply(bundle.status().code(), bundle.status().message());
        if (bundles.size() >= kMaxCachedBundles) bundles.clear();
        bundles.insert_or_assign(hash->asString(), std::move(bundle).value());
    }
    auto found = bundles.find(hash->asString());
    if (found == bundles.end()) return errorReply("plugin.unknown_bundle", "send the bundle first");
    const PluginBundle& bundle = found->second;
    const HookSpec* spec = hookSpec(bundle, hook->asString());
    Value::Array results;
    for (const auto& input : inputs->asArray()) {
        if (spec) limitCpuFor(spec->budget_ms);
        results.push_back(runHookInProcess(bundle, hook->asString(), input).toValue());
    }
    return Value(Value::Object{{"results", std::move(results)}});
}

}  // namespace

int runPluginWorker(int in_fd, int out_fd, std::size_t address_space_mb) {
    limitProcess(address_space_mb, in_fd, out_fd);
    std::map<std::string, PluginBundle> bundles;
    if (!writeFrame(out_fd, "{\"ready\":true}")) return 1;
    std::string frame;
    for (;;) {
        const FrameStatus status = readFrame(in_fd, frame, std::chrono::steady_clock::time_point::max());
        if (status == FrameStatus::kEof) return 0;
        if (status != FrameStatus::kOk) return 1;
        Value reply;
        try {
            auto request = parseJson(frame, 256);
            reply =
                request.isOk() ? serve(*request, bundles) : errorReply("plugin.protocol", request.status().message());
        } catch (const std::bad_alloc&) {
            reply = errorReply("plugin.memory", "the worker ran out of address space");
        }
        if (!writeFrame(out_fd, toJson(reply))) return 1;
    }
}

}  // namespace yishi::plugins
