#include "yishi/plugins/lua_state.h"

#include <lua.hpp>

#include <cstdlib>
#include <new>

namespace yishi::plugins {

struct LuaState::Allocator {
    std::size_t limit = 0;
    std::size_t used = 0;

    static void* allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
        auto* self = static_cast<Allocator*>(ud);
        // When ptr is null, old_size encodes the type of object, not a size.
        const std::size_t old_bytes = ptr ? old_size : 0;
        if (new_size == 0) {
            std::free(ptr);
            self->used -= old_bytes;
            return nullptr;
        }
        if (new_size > old_bytes && self->used - old_bytes + new_size > self->limit) return nullptr;
        void* grown = std::realloc(ptr, new_size);
        if (grown) self->used = self->used - old_bytes + new_size;
        return grown;
    }
};

LuaState::LuaState(std::size_t memory_limit) : allocator_(std::make_unique<Allocator>()) {
    allocator_->limit = memory_limit;
    state_ = lua_newstate(&Allocator::allocate, allocator_.get());
    if (!state_) throw std::bad_alloc();
}

LuaState::~LuaState() {
    if (state_) lua_close(state_);
}

Result<std::string> LuaState::evaluate(const std::string& chunk_name, const std::string& source) {
    const int top = lua_gettop(state_);
    int rc = luaL_loadbufferx(state_, source.data(), source.size(), ("=" + chunk_name).c_str(), "t");
    if (rc == LUA_OK) rc = lua_pcall(state_, 0, 1, 0);
    std::string text;
    if (const char* s = lua_tostring(state_, -1)) text = s;
    lua_settop(state_, top);
    if (rc != LUA_OK) return Status::invalid("plugin.error", text.empty() ? "Lua error" : text);
    return text;
}

std::size_t LuaState::bytesInUse() const { return allocator_->used; }

const char* LuaState::version() const { return LUA_RELEASE; }

}  // namespace yishi::plugins
