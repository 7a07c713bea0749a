// What a hook call gives back, as values: HookResult and PluginFault
// to and from the JSON the plugin workers send (no Lua here, so the fuzz
// harness of the worker frames links it alone: tests/fuzz/plugin_frame).
#include "yishi/plugins/plugin_call.h"

#include "yishi/common/utf8.h"

namespace yishi::plugins {

namespace {

const std::string* text(const Value& object, const char* key) {
    const Value* v = object.find(key);
    return v && v->isString() ? &v->asString() : nullptr;
}

}  // namespace

PluginFault PluginFault::capped() const {
    return {utf8Excerpt(code, kMaxFaultCodeBytes), utf8Excerpt(where, kMaxFaultWhereBytes),
            utf8Excerpt(cause, kMaxFaultCauseBytes)};
}

Value HookResult::toValue() const {
    Value::Array lines(log.begin(), log.end());
    if (ok) return Value(Value::Object{{"ok", true}, {"value", value}, {"log", std::move(lines)}});
    return Value(Value::Object{{"ok", false},
                               {"code", fault.code},
                               {"where", fault.where},
                               {"cause", fault.cause},
                               {"log", std::move(lines)}});
}

HookResult HookResult::fromValue(const Value& v) {
    HookResult result;
    const Value* ok = v.find("ok");
    if (!ok || !ok->isBool()) return failed("plugin.protocol", "malformed reply from the plugin worker");
    result.ok = ok->asBool();
    if (result.ok) {
        if (const Value* value = v.find("value")) result.value = *value;
    } else {
        const std::string* code = text(v, "code");
        const std::string* where = text(v, "where");
        const std::string* cause = text(v, "cause");
        // A worker's frame is as trusted as the plugin it ran: capped again.
        result.fault =
            PluginFault{code ? *code : "plugin.error", where ? *where : "", cause ? *cause : "unknown failure"}
                .capped();
    }
    if (const Value* lines = v.find("log"); lines && lines->isArray()) {
        std::size_t bytes = 0;
        for (const auto& line : lines->asArray()) {
            if (!line.isString()) continue;
            // Counted as kept: invalid bytes become U+FFFD, three bytes each,
            // so the raw sizes would let the log grow to three times its cap.
            std::string kept = utf8Excerpt(line.asString(), kMaxLogBytes);
            if (result.log.size() >= kMaxLogLines || bytes + kept.size() > kMaxLogBytes) break;
            bytes += kept.size();
            result.log.push_back(std::move(kept));
        }
    }
    return result;
}

HookResult HookResult::failed(std::string code, std::string cause) {
    HookResult result;
    result.fault = PluginFault{std::move(code), "", std::move(cause)}.capped();
    return result;
}

}  // namespace yishi::plugins
