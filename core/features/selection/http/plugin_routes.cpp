#include "handlers/handler_support.h"
#include "json_io.h"
#include "selection_routes.h"
#include "views.h"

namespace yishi::http {

namespace {

void writePlugin(JsonWriter& w, const domain::PluginInfo& info) {
    w.beginObject();
    w.member("name", info.name);
    w.member("version", info.version);
    w.member("api", info.api);
    w.member("hash", info.hash);
    w.member("source", info.district_specific ? "district" : "default");
    w.member("hooks", info.hooks);
    w.endObject();
}

Status badField(const std::string& field, const std::string& message) {
    return Status::invalid("body." + field, message);
}

Result<domain::SelectionRequest> selectionRequest(const Value& body) {
    domain::SelectionRequest request;
    YISHI_ASSIGN_OR_RETURN(request.budget, requireInt(body, "budget"));
    const Value* projects = body.find("projects");
    if (!projects || !projects->isArray()) return badField("projects", "projects must be a list of {id, cost, votes}.");
    for (const Value& p : projects->asArray()) {
        if (!p.isObject()) return badField("projects", "each project must be an object {id, cost, votes}.");
        domain::SelectionProject project;
        YISHI_ASSIGN_OR_RETURN(project.id, requireString(p, "id"));
        YISHI_ASSIGN_OR_RETURN(project.cost, requireInt(p, "cost"));
        YISHI_ASSIGN_OR_RETURN(auto votes, optionalInt(p, "votes"));
        project.votes = votes.value_or(0);
        YISHI_ASSIGN_OR_RETURN(project.community, optionalInt(p, "community"));
        request.projects.push_back(std::move(project));
    }
    if (hasField(body, "ballots")) {
        const Value& ballots = *body.find("ballots");
        if (!ballots.isArray()) return badField("ballots", "ballots must be a list of lists of project ids.");
        std::vector<std::vector<std::string>> parsed;
        parsed.reserve(ballots.asArray().size());
        for (const Value& ballot : ballots.asArray()) {
            if (!ballot.isArray()) return badField("ballots", "each ballot must be a list of project ids.");
            std::vector<std::string> ids;
            for (const Value& id : ballot.asArray()) {
                if (!id.isString()) return badField("ballots", "each ballot must be a list of project ids.");
                ids.push_back(id.asString());
            }
            parsed.push_back(std::move(ids));
        }
        request.ballots = std::move(parsed);
    }
    YISHI_ASSIGN_OR_RETURN(request.rule, optionalString(body, "rule", ""));
    YISHI_ASSIGN_OR_RETURN(request.threshold, optionalInt(body, "threshold"));
    YISHI_ASSIGN_OR_RETURN(request.quota_per_community, optionalInt(body, "quota_per_community"));
    return request;
}

// GET /api/v1/districts/{id}/plugins
ApiResponse getPlugins(domain::PluginService& plugins, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto info, plugins.info(DistrictId(id)));
    return jsonResponse(200, writePlugin, info);
}

// POST /api/v1/districts/{id}/plugins/reload
ApiResponse reloadPlugins(domain::PluginService& plugins, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto info, plugins.reload(call.actor, DistrictId(id)));
    return jsonResponse(200, writePlugin, info);
}

// POST /api/v1/districts/{id}/selection/preview
ApiResponse previewSelection(domain::PluginService& plugins, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto request, selectionRequest(call.body));
    YISHI_HANDLER_ASSIGN(auto outcome, plugins.preview(call.actor, DistrictId(id), request));
    JsonWriter w;
    w.beginObject();
    w.member("selected", outcome.selected);
    w.member("rule", outcome.rule);
    w.member("notes", outcome.notes);
    writePlugin(w.key("plugin"), outcome.plugin);
    w.endObject();
    return jsonResponse(200, w);
}

}  // namespace

void addPluginRoutes(Router& router, domain::PluginService& plugins) {
    router.add("GET", "/api/v1/districts/{id}/plugins", Access::kPublic, with(plugins, getPlugins));
    router.add("POST", "/api/v1/districts/{id}/plugins/reload", Access::kSession, with(plugins, reloadPlugins));
    router.add("POST", "/api/v1/districts/{id}/selection/preview", Access::kSession, with(plugins, previewSelection));
}

}  // namespace yishi::http
