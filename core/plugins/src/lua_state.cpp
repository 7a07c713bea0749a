#include "yishi/plugins/lua_state.h"

#include <cstdlib>
#include <new>

#include "sandbox.h"
#include "yishi/common/utf8.h"

namespace yishi::plugins {

namespace {

constexpr int kHookEvery = 1000;
constexpr const char* kModules = "yishi.modules";

void* allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
    auto* sandbox = static_cast<LuaState::Sandbox*>(ud);
    // When ptr is null, old_size encodes the type of object, not a size.
    const std::size_t old_bytes = ptr ? old_size : 0;
    if (new_size == 0) {
        std::free(ptr);
        sandbox->memory_used -= old_bytes;
        return nullptr;
    }
    if (new_size > old_bytes && sandbox->memory_used - old_bytes + new_size > sandbox->limits.memory_bytes)
        return nullptr;
    void* grown = std::realloc(ptr, new_size);
    if (grown) sandbox->memory_used = sandbox->memory_used - old_bytes + new_size;
    return grown;
}

void countInstructions(lua_State* L, lua_Debug*) {
    auto& sandbox = LuaState::Sandbox::of(L);
    sandbox.instructions_used += kHookEvery;
    if (sandbox.instructions_used > sandbox.limits.instructions) {
        sandbox.instructions_exhausted = true;
        luaL_error(L, "instruction budget of %d exceeded", static_cast<int>(sandbox.limits.instructions));
    }
}

// True when `message` starts with "name:line:", as Lua's own positions do.
bool hasPosition(const std::string& message) {
    auto colon = message.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    auto second = message.find(':', colon + 1);
    return second != std::string::npos && second > colon + 1 &&
           message.find_first_not_of("0123456789", colon + 1) == second;
}

// The message handler: keeps the error text and, when Lua did not put a
// position in front of it (errors raised by C functions), adds the position
// of the innermost plugin line.
int handleError(lua_State* L) {
    if (!lua_isstring(L, 1) || lua_type(L, 1) == LUA_TNUMBER) {
        lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
        lua_replace(L, 1);
    }
    const char* message = lua_tostring(L, 1);
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); ++level) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) continue;
        if (!hasPosition(message))
            lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, message);
        else
            lua_pushvalue(L, 1);
        return 1;
    }
    lua_pushvalue(L, 1);
    return 1;
}

// Splits "file.lua:12: cause" into where and cause.
PluginFault faultFrom(const std::string& code, const std::string& message) {
    PluginFault fault{code, "", message};
    if (hasPosition(message)) {
        auto second = message.find(':', message.find(':') + 1);
        fault.where = message.substr(0, second);
        fault.cause = message.substr(second + 1);
        if (!fault.cause.empty() && fault.cause[0] == ' ') fault.cause.erase(0, 1);
    }
    return fault;
}

}  // namespace

LuaState::LuaState(LuaLimits limits, std::uint64_t seed) : sandbox_(std::make_unique<Sandbox>()) {
    sandbox_->limits = limits;
    // splitmix64 spreads one seed over the generator's four words.
    std::uint64_t x = seed;
    for (auto& word : sandbox_->random_state) {
        x += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        word = z ^ (z >> 31);
    }
    state_ = lua_newstate(&allocate, sandbox_.get());
    if (!state_) throw std::bad_alloc();
    lua_atpanic(state_, [](lua_State*) -> int { throw std::bad_alloc(); });
    // Installing the sandbox must not be cut short by the plugin's budget.
    const auto budget = sandbox_->limits.memory_bytes;
    sandbox_->limits.memory_bytes = budget + (1u << 20);
    lua_pushcfunction(state_, [](lua_State* L) -> int {
        installSandbox(L);
        lua_newtable(L);
        lua_setfield(L, LUA_REGISTRYINDEX, kModules);
        return 0;
    });
    if (lua_pcall(state_, 0, 0, 0) != LUA_OK) {
        lua_close(state_);
        throw std::bad_alloc();
    }
    sandbox_->limits.memory_bytes = budget;
    lua_sethook(state_, &countInstructions, LUA_MASKCOUNT, kHookEvery);
}

LuaState::~LuaState() {
    if (state_) lua_close(state_);
}

CallOutcome LuaState::finish(int rc, int base) {
    CallOutcome outcome;
    if (rc == LUA_OK) {
        std::string error;
        if (readValue(state_, base + 1, outcome.value, error)) {
            outcome.ok = true;
        } else {
            outcome.fault = {"plugin.bad_result", "", error};
        }
    } else if (rc == LUA_ERRMEM) {
        outcome.fault = {"plugin.memory", "",
                         "memory limit of " + std::to_string(sandbox_->limits.memory_bytes >> 20) + " MB exceeded"};
    } else {
        const char* text = lua_tostring(state_, -1);
        const std::string message = text ? text : "unknown error";
        outcome.fault = faultFrom(sandbox_->instructions_exhausted ? "plugin.instructions" : "plugin.error", message);
        // The error is the refusal only when it is still its message (a
        // refusal caught by pcall and followed by another error is not).
        if (!sandbox_->instructions_exhausted && !sandbox_->refusal.empty() &&
            outcome.fault.cause == sandbox_->refusal) {
            outcome.fault.code = "plugin.input";
        }
        sandbox_->refusal.clear();
    }
    lua_settop(state_, base);
    if (!outcome.ok) outcome.fault = outcome.fault.capped();
    return outcome;
}

int LuaState::runChunk(const std::string& name, const std::string& source, int base) {
    lua_pushcfunction(state_, &handleError);
    int rc = luaL_loadbufferx(state_, source.data(), source.size(), ("=" + name).c_str(), "t");
    if (rc == LUA_OK) rc = lua_pcall(state_, 0, 1, base + 1);
    lua_remove(state_, base + 1);  // the handler: the result or error is at base + 1
    return rc;
}

CallOutcome LuaState::runFile(const std::string& name, const std::string& source) {
    const int base = lua_gettop(state_);
    const int rc = runChunk(name, source, base);
    if (rc != LUA_OK) return finish(rc, base);
    lua_getfield(state_, LUA_REGISTRYINDEX, kModules);
    lua_pushvalue(state_, base + 1);
    lua_setfield(state_, -2, name.c_str());
    lua_settop(state_, base);
    CallOutcome outcome;
    outcome.ok = true;
    return outcome;
}

CallOutcome LuaState::callHook(const std::string& module, const std::string& function, const Value& input) {
    const int base = lua_gettop(state_);
    lua_getfield(state_, LUA_REGISTRYINDEX, kModules);
    lua_getfield(state_, -1, module.c_str());
    if (!lua_istable(state_, -1)) {
        lua_settop(state_, base);
        return {false, {}, {"plugin.error", module, "the file did not return a table of functions"}};
    }
    lua_getfield(state_, -1, function.c_str());
    if (!lua_isfunction(state_, -1)) {
        lua_settop(state_, base);
        return {false, {}, {"plugin.error", module, "no function '" + function + "' in the file's table"}};
    }
    lua_replace(state_, base + 1);
    lua_settop(state_, base + 1);
    sandbox_->refusal.clear();  // a refusal caught in an earlier call is no answer to this one
    lua_pushcfunction(state_, &handleError);
    lua_insert(state_, base + 1);  // handler below the function
    // Building the input may run out of memory: do it protected.
    lua_pushcfunction(state_, [](lua_State* L) -> int {
        pushValue(L, *static_cast<const Value*>(lua_touserdata(L, 1)));
        return 1;
    });
    lua_pushlightuserdata(state_, const_cast<Value*>(&input));
    int rc = lua_pcall(state_, 1, 1, base + 1);
    if (rc == LUA_OK) rc = lua_pcall(state_, 1, 1, base + 1);
    lua_remove(state_, base + 1);
    return finish(rc, base);
}

CallOutcome LuaState::setSetting(const std::string& name, const Value& value) {
    const int base = lua_gettop(state_);
    lua_pushcfunction(state_, [](lua_State* L) -> int {
        lua_getglobal(L, "yishi");
        pushValue(L, *static_cast<const Value*>(lua_touserdata(L, 1)));
        lua_setfield(L, -2, lua_tostring(L, 2));
        return 0;
    });
    lua_pushlightuserdata(state_, const_cast<Value*>(&value));
    lua_pushstring(state_, name.c_str());
    const int rc = lua_pcall(state_, 2, 0, 0);
    lua_settop(state_, base);
    CallOutcome outcome;
    outcome.ok = rc == LUA_OK;
    if (!outcome.ok) outcome.fault = {"plugin.memory", "", "the settings do not fit the memory limit"};
    return outcome;
}

CallOutcome LuaState::evaluate(const std::string& chunk_name, const std::string& source) {
    const int base = lua_gettop(state_);
    return finish(runChunk(chunk_name, source, base), base);
}

std::vector<std::string> LuaState::takeLog() {
    sandbox_->log_bytes = 0;
    return std::exchange(sandbox_->log, {});
}

std::size_t LuaState::bytesInUse() const { return sandbox_->memory_used; }
std::uint64_t LuaState::instructionsUsed() const { return sandbox_->instructions_used; }
const char* LuaState::version() const { return LUA_RELEASE; }

}  // namespace yishi::plugins
