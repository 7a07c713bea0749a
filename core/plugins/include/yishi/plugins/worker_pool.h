#pragma once

#include <condition_variable>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "yishi/common/mutex.h"
#include "yishi/plugins/plugin_bundle.h"
#include "yishi/plugins/plugin_call.h"

namespace yishi::plugins {

struct WorkerPoolOptions {
    // The program and arguments that start one worker, e.g.
    // {"/usr/bin/yishi", "plugin-worker"}; "--memory-mb N" is appended.
    std::vector<std::string> command;
    int workers = 2;
    std::size_t address_space_mb = 2048;
    int startup_timeout_ms = 5000;
    // Added to every call's wall-clock budget for the round trip itself.
    int transport_slack_ms = 50;
};

// Runs hooks in supervised worker processes (the second line of the
// sandbox). Each worker serves one call at a time, so a Lua state is never
// shared between threads. A call that overruns its wall-clock budget (the
// hook's budget_ms per input) gets its worker killed; a worker that dies is
// replaced on the next call. When a batch of several inputs loses its
// worker, each input is retried alone, so one bad input fails alone.
// Thread-safe: any thread may call. A call takes an idle worker for itself
// (waiting while all are busy), so a worker's process and socket belong to
// one thread at a time; only the idle list and the count are shared.
class WorkerPool {
  public:
    explicit WorkerPool(WorkerPoolOptions options);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // One result per input, in order. Never throws for plugin failures:
    // they come back as failed HookResults (plugin.timeout, plugin.crashed,
    // plugin.cpu, or what the sandbox reported).
    std::vector<HookResult> call(const PluginBundle& bundle, const std::string& hook, const std::vector<Value>& inputs);
    // One input, without copying it (a selection's input holds every ballot).
    HookResult callOne(const PluginBundle& bundle, const std::string& hook, const Value& input);

    // Workers started so far, replacements included.
    int workersStarted() const;

  private:
    struct Worker;
    std::vector<HookResult> callInputs(const PluginBundle& bundle, const std::string& hook,
                                       std::span<const Value> inputs);
    Worker* acquire() YISHI_EXCLUDES(mutex_);
    void release(Worker* worker) YISHI_EXCLUDES(mutex_);
    // Without mutex_: the call's own worker, for as long as the hook runs.
    std::vector<HookResult> callOnce(Worker& worker, const PluginBundle& bundle, const std::string& hook,
                                     std::span<const Value> inputs, bool& worker_lost) YISHI_EXCLUDES(mutex_);

    const WorkerPoolOptions options_;
    mutable Mutex mutex_;
    std::condition_variable idle_changed_;
    // The same workers for the pool's lifetime; a worker not in idle_
    // belongs to the call that took it.
    std::vector<std::unique_ptr<Worker>> workers_;
    std::vector<Worker*> idle_ YISHI_GUARDED_BY(mutex_);
    int started_ YISHI_GUARDED_BY(mutex_) = 0;
};

}  // namespace yishi::plugins
