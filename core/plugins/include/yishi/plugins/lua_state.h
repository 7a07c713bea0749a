#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "yishi/common/result.h"

struct lua_State;

namespace yishi::plugins {

// An owned Lua 5.4 state whose allocations are capped at `memory_limit`
// bytes: an allocation past the cap fails, which Lua reports as a "not
// enough memory" error instead of growing the process. Closed on
// destruction. Not thread-safe: one thread uses a state at a time.
//
// This is the first brick of the plugin host (issue 4 builds the sandbox,
// the worker processes and the hooks on it).
class LuaState {
  public:
    explicit LuaState(std::size_t memory_limit);
    ~LuaState();
    LuaState(const LuaState&) = delete;
    LuaState& operator=(const LuaState&) = delete;

    // Runs a text chunk (never bytecode) with no libraries opened and returns
    // its first result converted to a string. invalid "plugin.error" with
    // Lua's message when it fails to compile or run, including "not enough
    // memory".
    Result<std::string> evaluate(const std::string& chunk_name, const std::string& source);

    std::size_t bytesInUse() const;
    const char* version() const;

  private:
    struct Allocator;
    std::unique_ptr<Allocator> allocator_;
    lua_State* state_ = nullptr;
};

}  // namespace yishi::plugins
