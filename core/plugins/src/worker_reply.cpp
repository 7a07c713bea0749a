#include "worker_reply.h"

#include "yishi/common/json.h"

namespace yishi::plugins {

namespace {

std::vector<HookResult> allFailed(std::size_t n, const std::string& code, const std::string& cause) {
    return std::vector<HookResult>(n, HookResult::failed(code, cause));
}

}  // namespace

WorkerReply decodeWorkerReply(std::string_view payload, std::size_t inputs) {
    WorkerReply reply;
    auto parsed = parseJson(payload, 256);
    if (!parsed.isOk()) {
        reply.results = allFailed(inputs, "plugin.protocol", "unreadable reply from the plugin worker");
        return reply;
    }
    if (const Value* error = parsed->find("error")) {
        const Value* code = error->find("code");
        const Value* cause = error->find("cause");
        reply.unknown_bundle = code && code->isString() && code->asString() == "plugin.unknown_bundle";
        reply.results = allFailed(inputs, code && code->isString() ? code->asString() : "plugin.error",
                                  cause && cause->isString() ? cause->asString() : "the worker refused the call");
        return reply;
    }
    const Value* results = parsed->find("results");
    if (!results || !results->isArray() || results->asArray().size() != inputs) {
        reply.results =
            allFailed(inputs, "plugin.protocol", "the plugin worker answered with the wrong number of results");
        return reply;
    }
    reply.results.reserve(inputs);
    for (const auto& r : results->asArray()) reply.results.push_back(HookResult::fromValue(r));
    return reply;
}

}  // namespace yishi::plugins
