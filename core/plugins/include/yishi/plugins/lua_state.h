#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/common/value.h"

struct lua_State;

namespace yishi::plugins {

// The budgets one plugin call runs under inside Lua. The wall-clock budget
// is enforced outside Lua, by the worker pool (see worker_pool.h): hooks do
// not fire inside C functions such as string.find or during garbage
// collection, so only a process boundary makes that one real.
struct LuaLimits {
    std::size_t memory_bytes = 16u << 20;
    std::uint64_t instructions = 10'000'000;
};

// What a failed plugin call reports. `code` is one of plugin.error,
// plugin.memory, plugin.instructions, plugin.bad_result; `where` is
// "file:line" when Lua knows it, else empty.
struct PluginFault {
    std::string code;
    std::string where;
    std::string cause;

    std::string describe() const { return where.empty() ? cause : where + ": " + cause; }

    // The same fault with every part cut to a short, valid-UTF-8 excerpt
    // (kMaxFaultCodeBytes, kMaxFaultWhereBytes, kMaxFaultCauseBytes): what a
    // plugin puts in an error is its own, and a hostile one would otherwise
    // send megabytes into the HTTP answer, the log and the database. The host
    // caps every fault where it crosses a boundary (LuaState, the worker's
    // frames, faultStatus).
    PluginFault capped() const;
};

inline constexpr std::size_t kMaxFaultCodeBytes = 64;
inline constexpr std::size_t kMaxFaultWhereBytes = 256;
inline constexpr std::size_t kMaxFaultCauseBytes = 1024;

struct CallOutcome {
    bool ok = false;
    Value value;
    PluginFault fault;
};

// An owned Lua 5.4 state with the plugin sandbox installed (the contract is
// docs/plugins.md): the allow-listed libraries only, text chunks only, a
// capped allocator, an instruction budget, deterministic iteration and
// randomness, and no addresses or host paths in anything the plugin sees.
// Not thread-safe: one thread uses a state at a time.
class LuaState {
  public:
    // `seed` seeds math.random; the same seed gives the same sequence.
    LuaState(LuaLimits limits, std::uint64_t seed);
    ~LuaState();
    LuaState(const LuaState&) = delete;
    LuaState& operator=(const LuaState&) = delete;

    // Runs a plugin file in the shared sandbox environment. The value the
    // chunk returns becomes the module named `name` (see callHook). Files
    // run in the order given; globals set by one are seen by the next.
    CallOutcome runFile(const std::string& name, const std::string& source);

    // Calls module[function](input) and converts its first result to a
    // Value. Budgets count from the start of the state, across calls.
    CallOutcome callHook(const std::string& module, const std::string& function, const Value& input);

    // Sets yishi.<name> to a copy of `value` (e.g. the district settings).
    CallOutcome setSetting(const std::string& name, const Value& value);

    // Runs a chunk and converts its first result (tests and tooling).
    CallOutcome evaluate(const std::string& chunk_name, const std::string& source);

    // Lines the plugin wrote with yishi.log since the last call.
    std::vector<std::string> takeLog();

    std::size_t bytesInUse() const;
    std::uint64_t instructionsUsed() const;
    const char* version() const;

    // Host data of the state; defined and used inside the module only.
    struct Sandbox;

  private:
    // Loads and runs a text chunk with the message handler; its first result
    // (or the error) ends up at `base` + 1. Returns Lua's status.
    int runChunk(const std::string& name, const std::string& source, int base);
    CallOutcome finish(int rc, int base);
    std::unique_ptr<Sandbox> sandbox_;
    lua_State* state_ = nullptr;
};

}  // namespace yishi::plugins
