#pragma once

// Internals shared by the files that implement the sandbox. Only this
// module includes Lua.

#include <lua.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/value.h"
#include "yishi/plugins/lua_state.h"

namespace yishi::plugins {

// Per-state host data, reachable from any lua_State through its allocator's
// user data.
struct LuaState::Sandbox {
    LuaLimits limits;
    std::size_t memory_used = 0;
    std::uint64_t instructions_used = 0;
    bool instructions_exhausted = false;
    // The message of the latest yishi.refuse (the hook found its input
    // wrong); empty when none.
    std::string refusal;
    std::uint64_t random_state[4] = {};
    std::vector<std::string> log;
    std::size_t log_bytes = 0;

    static Sandbox& of(lua_State* L) {
        void* ud = nullptr;
        lua_getallocf(L, &ud);
        return *static_cast<Sandbox*>(ud);
    }

    // Memory held outside Lua's allocator on the plugin's behalf (fractions)
    // counts against the same cap. False when the cap would be exceeded.
    bool charge(std::size_t bytes) {
        if (memory_used + bytes > limits.memory_bytes) return false;
        memory_used += bytes;
        return true;
    }
    void refund(std::size_t bytes) { memory_used -= bytes; }
};

// Installs the allow-listed globals and the yishi table (lua_sandbox.cpp).
void installSandbox(lua_State* L);

// Registers yishi.fraction (lua_fraction.cpp); expects the yishi table on top.
void installFraction(lua_State* L);

// Registers yishi.equal_shares (lua_equal_shares.cpp); expects the yishi
// table on top.
void installEqualShares(lua_State* L);

// Value <-> Lua (lua_value.cpp). readValue never calls metamethods.
void pushValue(lua_State* L, const Value& value);
// On failure returns false and sets `error`.
bool readValue(lua_State* L, int index, Value& out, std::string& error);

}  // namespace yishi::plugins
