#include "yishi/plugins/worker_pool.h"

#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <set>

#include "frame_io.h"
#include "worker_reply.h"
#include "yishi/common/json.h"
#include "yishi/common/json_string.h"

extern char** environ;

namespace yishi::plugins {

struct WorkerPool::Worker {
    pid_t pid = -1;
    int fd = -1;
    std::set<std::string> bundles;  // bundle hashes this worker has loaded

    bool running() const { return pid > 0; }

    // Kills the process (if still there) and returns how it ended.
    int stop(bool kill_first) {
        int status = 0;
        if (pid > 0) {
            if (kill_first) ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
        }
        if (fd >= 0) ::close(fd);
        pid = -1;
        fd = -1;
        bundles.clear();
        return status;
    }
};

namespace {

using Clock = std::chrono::steady_clock;

std::string describeExit(int status) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = sig == SIGKILL   ? "SIGKILL"
                           : sig == SIGSEGV ? "SIGSEGV"
                           : sig == SIGXCPU ? "SIGXCPU"
                           : sig == SIGABRT ? "SIGABRT"
                           : sig == SIGBUS  ? "SIGBUS"
                                            : nullptr;
        return std::string("the worker process died from signal ") + (name ? name : std::to_string(sig));
    }
    return "the worker process exited with code " + std::to_string(WEXITSTATUS(status));
}

std::vector<HookResult> allFailed(std::size_t n, const std::string& code, const std::string& cause) {
    return std::vector<HookResult>(n, HookResult::failed(code, cause));
}

bool spawnWorker(const WorkerPoolOptions& options, pid_t& pid, int& fd) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) return false;
    std::vector<std::string> args = options.command;
    args.push_back("--memory-mb");
    args.push_back(std::to_string(options.address_space_mb));
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pair[1], 0);
    posix_spawn_file_actions_adddup2(&actions, pair[1], 1);
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pair[1]);
    if (rc != 0) {
        ::close(pair[0]);
        return false;
    }
    fd = pair[0];
    return true;
}

}  // namespace

WorkerPool::WorkerPool(WorkerPoolOptions options) : options_(std::move(options)) {
    for (int i = 0; i < std::max(1, options_.workers); ++i) {
        workers_.push_back(std::make_unique<Worker>());
        idle_.push_back(workers_.back().get());
    }
}

WorkerPool::~WorkerPool() {
    MutexLock lock(mutex_);
    lock.wait(idle_changed_, [&]() YISHI_REQUIRES(mutex_) { return idle_.size() == workers_.size(); });
    for (auto& worker : workers_) {
        if (worker->fd >= 0) ::shutdown(worker->fd, SHUT_RDWR);  // the worker sees EOF and exits
        worker->stop(false);
    }
}

int WorkerPool::workersStarted() const {
    MutexLock lock(mutex_);
    return started_;
}

WorkerPool::Worker* WorkerPool::acquire() {
    MutexLock lock(mutex_);
    lock.wait(idle_changed_, [&]() YISHI_REQUIRES(mutex_) { return !idle_.empty(); });
    Worker* worker = idle_.back();
    idle_.pop_back();
    return worker;
}

void WorkerPool::release(Worker* worker) {
    {
        MutexLock lock(mutex_);
        idle_.push_back(worker);
    }
    idle_changed_.notify_one();
}

std::vector<HookResult> WorkerPool::call(const PluginBundle& bundle, const std::string& hook,
                                         const std::vector<Value>& inputs) {
    return callInputs(bundle, hook, inputs);
}

HookResult WorkerPool::callOne(const PluginBundle& bundle, const std::string& hook, const Value& input) {
    return std::move(callInputs(bundle, hook, std::span<const Value>(&input, 1)).front());
}

std::vector<HookResult> WorkerPool::callInputs(const PluginBundle& bundle, const std::string& hook,
                                               std::span<const Value> inputs) {
    if (inputs.empty()) return {};
    const HookSpec* spec = hookSpec(bundle, hook);
    if (!spec) return allFailed(inputs.size(), "plugin.no_hook", "the plugin does not provide the hook '" + hook + "'");
    Worker* worker = acquire();
    bool worker_lost = false;
    auto results = callOnce(*worker, bundle, hook, inputs, worker_lost);
    release(worker);
    if (worker_lost && inputs.size() > 1) {
        // Find the input that killed the worker: every input alone.
        for (std::size_t i = 0; i < inputs.size(); ++i) results[i] = callOne(bundle, hook, inputs[i]);
    }
    return results;
}

std::vector<HookResult> WorkerPool::callOnce(Worker& worker, const PluginBundle& bundle, const std::string& hook,
                                             std::span<const Value> inputs, bool& worker_lost) {
    const std::size_t n = inputs.size();
    if (!worker.running()) {
        if (!spawnWorker(options_, worker.pid, worker.fd))
            return allFailed(n, "plugin.unavailable", "could not start a plugin worker process");
        {
            MutexLock lock(mutex_);
            ++started_;
        }
        std::string ready;
        if (readFrame(worker.fd, ready, Clock::now() + std::chrono::milliseconds(options_.startup_timeout_ms)) !=
            FrameStatus::kOk) {
            const int status = worker.stop(true);
            return allFailed(n, "plugin.unavailable", "the plugin worker did not start: " + describeExit(status));
        }
    }
    // The request {bundle_hash, hook, inputs[, bundle]} written straight from
    // the inputs: a Value holding them would be a deep copy of each.
    std::string request = "{\"bundle_hash\":";
    appendJsonString(request, bundle.hash);
    request += ",\"hook\":";
    appendJsonString(request, hook);
    request += ",\"inputs\":[";
    for (std::size_t i = 0; i < n; ++i) {
        if (i) request += ',';
        appendJson(request, inputs[i]);
    }
    request += ']';
    if (!worker.bundles.count(bundle.hash)) {
        request += ",\"bundle\":";
        appendJson(request, bundle.toValue());
    }
    request += '}';
    const HookSpec& spec = *hookSpec(bundle, hook);
    const auto deadline = Clock::now() + std::chrono::milliseconds(spec.budget_ms * static_cast<long long>(n) +
                                                                   options_.transport_slack_ms);
    std::string reply;
    FrameStatus status = writeFrame(worker.fd, request) ? FrameStatus::kOk : FrameStatus::kEof;
    if (status == FrameStatus::kOk) status = readFrame(worker.fd, reply, deadline);
    if (status != FrameStatus::kOk) {
        worker_lost = true;
        const bool timed_out = status == FrameStatus::kTimeout;
        const int exit_status = worker.stop(true);
        if (timed_out)
            return allFailed(n, "plugin.timeout",
                             "the call exceeded its wall-clock budget of " + std::to_string(spec.budget_ms) +
                                 " ms; the worker was killed and will be replaced");
        if (WIFSIGNALED(exit_status) && WTERMSIG(exit_status) == SIGXCPU)
            return allFailed(n, "plugin.cpu", "the call exceeded its CPU-time limit; " + describeExit(exit_status));
        return allFailed(n, "plugin.crashed", describeExit(exit_status) + "; it will be replaced");
    }
    const bool sent_bundle = !worker.bundles.count(bundle.hash);
    WorkerReply decoded = decodeWorkerReply(reply, n);
    if (decoded.unknown_bundle && !sent_bundle) {
        // The worker dropped the bundle from its cache: send it again, once
        // (a worker that forgets the bundle it was just sent must not keep
        // the server recursing).
        worker.bundles.erase(bundle.hash);
        return callOnce(worker, bundle, hook, inputs, worker_lost);
    }
    if (!decoded.unknown_bundle) worker.bundles.insert(bundle.hash);
    return std::move(decoded.results);
}

}  // namespace yishi::plugins
