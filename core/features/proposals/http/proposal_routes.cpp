#include <Poco/JSON/Array.h>

#include "proposals_routes.h"
#include "json_io.h"
#include "views.h"
#include "handlers/handler_support.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::http {

namespace {

using domain::ProposalService;

Poco::JSON::Object::Ptr proposalSummaryView(const domain::Proposal& p) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", p.id.value);
    o->set("community_id", p.community_id.value);
    o->set("kind", domain::proposalKindName(p.kind));
    o->set("title", p.title);
    o->set("state", domain::proposalStateName(p.state));
    o->set("created_at", p.created_at.seconds());
    o->set("updated_at", p.updated_at.seconds());
    return o;
}

Poco::JSON::Array::Ptr actionNames(const std::vector<domain::ProposalAction>& actions) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (domain::ProposalAction action : actions) a->add(domain::proposalActionName(action));
    return a;
}

Poco::JSON::Object::Ptr proposalView(const ProposalService::View& v) {
    const domain::Proposal& p = v.proposal;
    Poco::JSON::Object::Ptr o = proposalSummaryView(p);
    o->set("overdue", stringArray(v.overdue));
    o->set("response_due_at", orNull(p.response_due_at));
    o->set("decision_due_at", orNull(p.decision_due_at));
    o->set("body", p.body);
    Poco::JSON::Object::Ptr author = newObject();
    author->set("id", p.author_id.value);
    author->set("display_name", v.author_name);
    o->set("author", author);
    o->set("reason", p.last_reason);
    o->set("submitted_at", orNull(p.submitted_at));
    o->set("merged_into", valueOrNull(p.merged_into.valid(), p.merged_into.value));
    Poco::JSON::Array::Ptr merged_from = new Poco::JSON::Array;
    for (domain::ProposalId id : v.merged_from) merged_from->add(id.value);
    o->set("merged_from", merged_from);
    o->set("consultation_ends_at", orNull(p.consultation_ends_at));
    o->set("election_id", orNull(p.election_id));
    o->set("amends_convention", orNull(p.amends_convention));
    o->set("project_id", valueOrNull(p.state == domain::ProposalState::kProject, p.outcome_id));
    o->set("convention_id", valueOrNull(p.state == domain::ProposalState::kConvention, p.outcome_id));
    o->set("allowed_actions", actionNames(v.allowed_actions));
    return o;
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
    if (call.body->has("amends_convention") && !call.body->isNull("amends_convention")) {
        YISHI_HANDLER_ASSIGN(draft.amends_convention, requireInt(call.body, "amends_convention"));
    }
    YISHI_HANDLER_ASSIGN(auto view, proposals.create(call.actor, CommunityId(community), draft));
    return jsonResponse(201, proposalView(view));
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
    if (overdue == "true") filter.overdue_only = true;
    else if (!overdue.empty() && overdue != "false") {
        return fail(call, Status::invalid("query.overdue", "overdue is true or false."));
    }
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result,
                         proposals.list(call.actor, CommunityId(community), filter, page));
    Poco::JSON::Object::Ptr o = pageView(result.page, [&](const domain::Proposal& p) {
        Poco::JSON::Object::Ptr summary = proposalSummaryView(p);
        summary->set("overdue", stringArray(domain::overdueReasons(p, result.now)));
        return summary;
    });
    Poco::JSON::Object::Ptr counts = newObject();
    for (const auto& [s, n] : result.counts) counts->set(domain::proposalStateName(s), n);
    o->set("counts", counts);
    return jsonResponse(200, o);
}

// GET /api/v1/proposals/{id}
ApiResponse get(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto view, proposals.get(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, proposalView(view));
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
    if (call.body->has("target_id")) {
        YISHI_HANDLER_ASSIGN(std::int64_t target, requireInt(call.body, "target_id"));
        input.merge_target = domain::ProposalId(target);
    }
    if (call.body->has("consultation_ends_at")) {
        YISHI_HANDLER_ASSIGN(std::int64_t ends_at, requireInt(call.body, "consultation_ends_at"));
        input.consultation_ends_at = Instant::fromSeconds(ends_at);
    }
    if (call.body->has("election_id")) {
        YISHI_HANDLER_ASSIGN(input.election_id, requireInt(call.body, "election_id"));
    }
    if (call.body->has("budget_fen")) {
        YISHI_HANDLER_ASSIGN(input.budget_fen, requireInt(call.body, "budget_fen"));
    }
    YISHI_HANDLER_ASSIGN(input.responsible, optionalString(call.body, "responsible", ""));
    Result<ProposalService::View> view = proposals.act(call.actor, domain::ProposalId(id), input);
    if (view.isOk()) return jsonResponse(200, proposalView(view.value()));
    ApiResponse r = fail(call, view.status());
    if (view.status().code() == "proposal.action_not_allowed") {
        // Say what is possible: the state and the actions open to this caller.
        Result<ProposalService::View> now = proposals.get(call.actor, domain::ProposalId(id));
        if (now.isOk()) {
            Poco::JSON::Object::Ptr extra = newObject();
            extra->set("state", domain::proposalStateName(now->proposal.state));
            extra->set("allowed_actions", actionNames(now->allowed_actions));
            r = errorResponse(view.status(), call.request_id, extra);
        }
    }
    return r;
}

// GET /api/v1/proposals/{id}/history
ApiResponse history(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto entries, proposals.history(call.actor, domain::ProposalId(id)));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& e : entries) {
        Poco::JSON::Object::Ptr o = newObject();
        o->set("at", e.at.seconds());
        o->set("action", e.action);
        o->set("reason", e.reason);
        Poco::JSON::Object::Ptr actor = newObject();
        actor->set("display_name", e.actor_name);
        actor->set("role", e.actor_role);
        o->set("actor", actor);
        items->add(o);
    }
    Poco::JSON::Object::Ptr o = newObject();
    o->set("items", items);
    return jsonResponse(200, o);
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
