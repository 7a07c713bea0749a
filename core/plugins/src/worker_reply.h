#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "yishi/plugins/plugin_call.h"

namespace yishi::plugins {

// What the server makes of a worker's reply frame (the payload readFrame
// gave) to a call of `inputs` inputs. A worker runs plugin code, so its
// bytes are read as no more trusted than the plugin: anything that is not
// the protocol becomes plugin.protocol, an error's code and cause are
// capped like every fault, and `results` always has exactly `inputs`
// entries. Pure; thread-safe.
struct WorkerReply {
    // The worker answered plugin.unknown_bundle: it dropped the bundle from
    // its cache. Worth one resend, and only when the request did not carry
    // the bundle (`results` says plugin.unknown_bundle for the other case).
    bool unknown_bundle = false;
    std::vector<HookResult> results;
};

WorkerReply decodeWorkerReply(std::string_view payload, std::size_t inputs);

}  // namespace yishi::plugins
