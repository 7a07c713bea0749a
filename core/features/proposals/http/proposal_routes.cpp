#include "handlers/handler_support.h"
#include "json_io.h"
#include "proposals_routes.h"
#include "views.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::http {

namespace {

using domain::ProposalService;

void proposalSummaryMembers(JsonWriter& w, const domain::Proposal& p) {
    w.member("id", p.id.value);
    w.member("community_id", p.community_id.value);
    w.member("kind", domain::proposalKindName(p.kind));
    w.member("title", p.title);
    w.member("state", domain::proposalStateName(p.state));
    w.member("created_at", p.created_at.seconds());
    w.member("updated_at", p.updated_at.seconds());
}

void writeActionNames(JsonWriter& w, const std::vector<domain::ProposalAction>& actions) {
    w.beginArray();
    for (domain::ProposalAction action : actions) w.value(domain::proposalActionName(action));
    w.endArray();
}

void writeProposal(JsonWriter& w, const ProposalService::View& v) {
    const domain::Proposal& p = v.proposal;
    w.beginObject();
    proposalSummaryMembers(w, p);
    w.member("overdue", v.overdue);
    w.member("response_due_at", orNull(p.response_due_at));
    w.member("decision_due_at", orNull(p.decision_due_at));
    w.member("body", p.body);
    w.key("author").beginObject().member("id", p.author_id.value).member("display_name", v.author_name).endObject();
    w.member("reason", p.last_reason);
    w.member("submitted_at", orNull(p.submitted_at));
    w.member("merged_into", valueOrNull(p.merged_into.valid(), p.merged_into.value));
    w.key("merged_from").beginArray();
    for (domain::ProposalId id : v.merged_from) w.value(id.value);
    w.endArray();
    w.member("consultation_ends_at", orNull(p.consultation_ends_at));
    w.member("election_id", orNull(p.election_id));
    w.member("amends_convention", orNull(p.amends_convention));
    w.member("amends_version", orNull(std::int64_t{p.amends_version}));
    w.member("project_id", valueOrNull(p.state == domain::ProposalState::kProject, p.outcome_id));
    w.member("convention_id", valueOrNull(p.state == domain::ProposalState::kConvention, p.outcome_id));
    writeActionNames(w.key("allowed_actions"), v.allowed_actions);
    w.endObject();
}

// POST /api/v1/communities/{id}/proposals
ApiResponse create(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::string kind_text, requireString(call.body, "kind"));
    ProposalService::Draft draft;
    if (!domain::parseProposalKind(kind_text, &draft.kind)) {
        return fail(call, Status::invalid("body.kind", "kind is problem, wish or rule."));
    }
    YISHI_HANDLER_ASSIGN(draft.title, requireString(call.body, "title"));
    YISHI_HANDLER_ASSIGN(draft.body, optionalString(call.body, "body", ""));
    YISHI_HANDLER_ASSIGN(draft.submit, optionalBool(call.body, "submit", true));
    if (hasField(call.body, "amends_convention")) {
        YISHI_HANDLER_ASSIGN(draft.amends_convention, requireInt(call.body, "amends_convention"));
    }
    if (hasField(call.body, "amends_version")) {
        YISHI_HANDLER_ASSIGN(std::int64_t version, requireInt(call.body, "amends_version"));
        if (version < 1 || version > 1'000'000) {
            return fail(call,
                        Status::invalid("body.amends_version", "amends_version is a version number (1, 2, ...)."));
        }
        draft.amends_version = static_cast<int>(version);
    }
    YISHI_HANDLER_ASSIGN(auto view, proposals.create(call.actor, CommunityId(community), draft));
    return jsonResponse(201, writeProposal, view);
}

// GET /api/v1/communities/{id}/proposals
ApiResponse list(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    domain::ProposalFilter filter;
    const std::string state = call.query.get("state", "");
    if (!state.empty()) {
        domain::ProposalState s;
        if (!domain::parseProposalState(state, &s)) {
            return fail(call, Status::invalid("query.state", "Unknown proposal state: " + state));
        }
        filter.state = s;
    }
    const std::string kind = call.query.get("kind", "");
    if (!kind.empty()) {
        domain::ProposalKind k;
        if (!domain::parseProposalKind(kind, &k)) {
            return fail(call, Status::invalid("query.kind", "kind is problem, wish or rule."));
        }
        filter.kind = k;
    }
    const std::string overdue = call.query.get("overdue", "");
    if (overdue == "true")
        filter.overdue_only = true;
    else if (!overdue.empty() && overdue != "false") {
        return fail(call, Status::invalid("query.overdue", "overdue is true or false."));
    }
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, proposals.list(call.actor, CommunityId(community), filter, page));
    JsonWriter w;
    w.beginObject();
    writePageMembers(w, result.page, [&](JsonWriter& out, const domain::Proposal& p) {
        out.beginObject();
        proposalSummaryMembers(out, p);
        out.member("overdue", domain::overdueReasons(p, result.now));
        out.endObject();
    });
    w.key("counts").beginObject();
    for (const auto& [s, n] : result.counts) w.member(domain::proposalStateName(s), n);
    w.endObject();
    w.endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/proposals/{id}
ApiResponse get(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto view, proposals.get(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, writeProposal, view);
}

// POST /api/v1/proposals/{id}/actions
ApiResponse act(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(std::string action_text, requireString(call.body, "action"));
    ProposalService::ActionInput input;
    if (!domain::parseProposalAction(action_text, &input.action)) {
        return fail(call, Status::invalid("body.action", "Unknown action: " + action_text));
    }
    YISHI_HANDLER_ASSIGN(input.reason, optionalString(call.body, "reason", ""));
    if (call.body.find("target_id")) {
        YISHI_HANDLER_ASSIGN(std::int64_t target, requireInt(call.body, "target_id"));
        input.merge_target = domain::ProposalId(target);
    }
    if (call.body.find("consultation_ends_at")) {
        YISHI_HANDLER_ASSIGN(input.consultation_ends_at, requireTime(call.body, "consultation_ends_at"));
    }
    if (call.body.find("election_id")) {
        YISHI_HANDLER_ASSIGN(input.election_id, requireInt(call.body, "election_id"));
    }
    if (call.body.find("budget_fen")) {
        YISHI_HANDLER_ASSIGN(input.budget_fen, requireInt(call.body, "budget_fen"));
    }
    YISHI_HANDLER_ASSIGN(input.responsible, optionalString(call.body, "responsible", ""));
    Result<ProposalService::View> view = proposals.act(call.actor, domain::ProposalId(id), input);
    if (view.isOk()) return jsonResponse(200, writeProposal, view.value());
    ApiResponse r = fail(call, view.status());
    if (view.status().code() == "proposal.action_not_allowed") {
        // Say what is possible: the state and the actions open to this caller.
        Result<ProposalService::View> now = proposals.get(call.actor, domain::ProposalId(id));
        if (now.isOk()) {
            r = errorResponse(view.status(), call.request_id, [&](JsonWriter& w) {
                w.member("state", domain::proposalStateName(now->proposal.state));
                writeActionNames(w.key("allowed_actions"), now->allowed_actions);
            });
        }
    }
    return r;
}

// GET /api/v1/proposals/{id}/history
ApiResponse history(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto entries, proposals.history(call.actor, domain::ProposalId(id)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& e : entries) {
        w.beginObject();
        w.member("at", e.at.seconds());
        w.member("action", e.action);
        w.member("reason", e.reason);
        w.key("actor").beginObject().member("display_name", e.actor_name).member("role", e.actor_role).endObject();
        w.endObject();
    }
    w.endArray().endObject();
    return jsonResponse(200, w);
}

}  // namespace

void addProposalRoutes(Router& router, domain::ProposalService& proposals) {
    router.add("POST", "/api/v1/communities/{id}/proposals", Access::kSession, with(proposals, create));
    router.add("GET", "/api/v1/communities/{id}/proposals", Access::kPublicCached, with(proposals, list));
    router.add("GET", "/api/v1/proposals/{id}", Access::kPublicCached, with(proposals, get));
    router.add("POST", "/api/v1/proposals/{id}/actions", Access::kSession, with(proposals, act));
    router.add("GET", "/api/v1/proposals/{id}/history", Access::kPublicCached, with(proposals, history));
}

}  // namespace yishi::http
