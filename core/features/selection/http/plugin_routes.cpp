#include <Poco/JSON/Array.h>

#include "selection_routes.h"
#include "json_io.h"
#include "views.h"
#include "handlers/handler_support.h"

namespace yishi::http {

namespace {

Poco::JSON::Object::Ptr pluginView(const domain::PluginInfo& info) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("name", info.name);
    o->set("version", info.version);
    o->set("api", info.api);
    o->set("hash", info.hash);
    o->set("source", info.district_specific ? "district" : "default");
    o->set("hooks", stringArray(info.hooks));
    return o;
}

Status badField(const std::string& field, const std::string& message) {
    return Status::invalid("body." + field, message);
}

Result<domain::SelectionRequest> selectionRequest(const Poco::JSON::Object::Ptr& body) {
    domain::SelectionRequest request;
    YISHI_ASSIGN_OR_RETURN(request.budget, requireInt(body, "budget"));
    Poco::JSON::Array::Ptr projects = body ? body->getArray("projects") : nullptr;
    if (!projects) return badField("projects", "projects must be a list of {id, cost, votes}.");
    for (std::size_t i = 0; i < projects->size(); ++i) {
        Poco::JSON::Object::Ptr p = projects->getObject(static_cast<unsigned>(i));
        if (!p) return badField("projects", "each project must be an object {id, cost, votes}.");
        domain::SelectionProject project;
        YISHI_ASSIGN_OR_RETURN(project.id, requireString(p, "id"));
        YISHI_ASSIGN_OR_RETURN(project.cost, requireInt(p, "cost"));
        YISHI_ASSIGN_OR_RETURN(auto votes, optionalInt(p, "votes"));
        project.votes = votes.value_or(0);
        YISHI_ASSIGN_OR_RETURN(project.community, optionalInt(p, "community"));
        request.projects.push_back(std::move(project));
    }
    if (body->has("ballots") && !body->isNull("ballots")) {
        Poco::JSON::Array::Ptr ballots = body->getArray("ballots");
        if (!ballots) return badField("ballots", "ballots must be a list of lists of project ids.");
        std::vector<std::vector<std::string>> parsed;
        parsed.reserve(ballots->size());
        for (std::size_t i = 0; i < ballots->size(); ++i) {
            Poco::JSON::Array::Ptr ballot = ballots->getArray(static_cast<unsigned>(i));
            if (!ballot) return badField("ballots", "each ballot must be a list of project ids.");
            std::vector<std::string> ids;
            for (std::size_t k = 0; k < ballot->size(); ++k) {
                const Poco::Dynamic::Var id = ballot->get(static_cast<unsigned>(k));
                if (!id.isString()) return badField("ballots", "each ballot must be a list of project ids.");
                ids.push_back(id.toString());
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
    return jsonResponse(200, pluginView(info));
}

// POST /api/v1/districts/{id}/plugins/reload
ApiResponse reloadPlugins(domain::PluginService& plugins, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto info, plugins.reload(call.actor, DistrictId(id)));
    return jsonResponse(200, pluginView(info));
}

// POST /api/v1/districts/{id}/selection/preview
ApiResponse previewSelection(domain::PluginService& plugins, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto request, selectionRequest(call.body));
    YISHI_HANDLER_ASSIGN(auto outcome, plugins.preview(call.actor, DistrictId(id), request));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("selected", stringArray(outcome.selected));
    o->set("rule", outcome.rule);
    o->set("notes", outcome.notes);
    o->set("plugin", pluginView(outcome.plugin));
    return jsonResponse(200, o);
}

}  // namespace

void addPluginRoutes(Router& router, domain::PluginService& plugins) {
    router.add("GET", "/api/v1/districts/{id}/plugins", Access::kPublic, with(plugins, getPlugins));
    router.add("POST", "/api/v1/districts/{id}/plugins/reload", Access::kSession, with(plugins, reloadPlugins));
    router.add("POST", "/api/v1/districts/{id}/selection/preview", Access::kSession, with(plugins, previewSelection));
}

}  // namespace yishi::http
