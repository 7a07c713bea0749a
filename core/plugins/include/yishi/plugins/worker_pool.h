#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
// Thread-safe.
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

    // Workers started so far, replacements included.
    int workersStarted() const;

  private:
    struct Worker;
    Worker* acquire();
    void release(Worker* worker);
    std::vector<HookResult> callOnce(Worker& worker, const PluginBundle& bundle, const std::string& hook,
                                     const std::vector<Value>& inputs, bool& worker_lost);

    WorkerPoolOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable idle_changed_;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::vector<Worker*> idle_;
    int started_ = 0;
};

}  // namespace yishi::plugins
