#include <Poco/JSON/Array.h>

#include "escalations_routes.h"
#include "json_io.h"
#include "views.h"
#include "handlers/handler_support.h"
#include "yishi/domain/escalation_service.h"

namespace yishi::http {

namespace {

using domain::EscalationService;

Poco::JSON::Object::Ptr escalationView(const domain::Escalation& e, Instant now) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", e.id.value);
    o->set("proposal_id", e.proposal_id.value);
    o->set("community_id", e.community_id.value);
    o->set("level", domain::escalationLevelName(e.level));
    o->set("status", domain::escalationStatusName(e.status));
    o->set("reason", e.reason);
    o->set("escalated_at", e.escalated_at.seconds());
    o->set("due_at", e.due_at.seconds());
    o->set("overdue", e.overdue(now));
    o->set("resolution", valueOrNull(e.resolved_at != Instant(), e.resolution));
    o->set("resolved_at", orNull(e.resolved_at));
    return o;
}

Result<std::optional<domain::EscalationStatus>> statusFilter(const ApiCall& call) {
    const std::string text = call.query.get("status", "");
    if (text.empty()) return std::optional<domain::EscalationStatus>();
    domain::EscalationStatus status;
    if (!domain::parseEscalationStatus(text, &status)) {
        return Status::invalid("query.status", "status is open, forwarded or resolved.");
    }
    return std::optional<domain::EscalationStatus>(status);
}

ApiResponse queueResponse(domain::EscalationService& escalations, const domain::Page<domain::Escalation>& page) {
    const Instant now = escalations.now();
    return jsonResponse(200, pageView(page, [now](const domain::Escalation& e) { return escalationView(e, now); }));
}

// POST /api/v1/proposals/{id}/escalations
ApiResponse escalate(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto e, escalations.escalate(call.actor, domain::ProposalId(id), reason));
    return jsonResponse(201, escalationView(e, escalations.now()));
}

// GET /api/v1/proposals/{id}/escalations
ApiResponse listForProposal(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto list, escalations.forProposal(domain::ProposalId(id)));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const domain::Escalation& e : list) items->add(escalationView(e, escalations.now()));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("items", items);
    return jsonResponse(200, o);
}

// POST /api/v1/escalations/{id}/forward
ApiResponse forward(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "escalation"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto e, escalations.forward(call.actor, domain::EscalationId(id), reason));
    return jsonResponse(201, escalationView(e, escalations.now()));
}

// POST /api/v1/escalations/{id}/resolution
ApiResponse resolve(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "escalation"));
    YISHI_HANDLER_ASSIGN(std::string resolution, optionalString(call.body, "resolution", ""));
    YISHI_HANDLER_ASSIGN(auto e, escalations.resolve(call.actor, domain::EscalationId(id), resolution));
    return jsonResponse(200, escalationView(e, escalations.now()));
}

// GET /api/v1/streets/{id}/escalations
ApiResponse streetQueue(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "street"));
    YISHI_HANDLER_ASSIGN(auto status, statusFilter(call));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, escalations.streetQueue(call.actor, StreetId(id), status, page));
    return queueResponse(escalations, result);
}

// GET /api/v1/districts/{id}/escalations
ApiResponse districtQueue(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto status, statusFilter(call));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, escalations.districtQueue(call.actor, DistrictId(id), status, page));
    return queueResponse(escalations, result);
}

// GET /api/v1/me/queue
ApiResponse myQueue(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(auto queue, escalations.awaitingMe(call.actor));
    const Instant now = escalations.now();
    Poco::JSON::Array::Ptr proposals = new Poco::JSON::Array;
    for (const auto& [p, late] : queue.proposals) {
        Poco::JSON::Object::Ptr o = newObject();
        o->set("id", p.id.value);
        o->set("community_id", p.community_id.value);
        o->set("title", p.title);
        o->set("state", domain::proposalStateName(p.state));
        o->set("submitted_at", p.submitted_at.seconds());
        o->set("overdue", stringArray(late));
        proposals->add(o);
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const domain::Escalation& e : queue.escalations) items->add(escalationView(e, now));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("proposals", proposals);
    o->set("escalations", items);
    return jsonResponse(200, o);
}

}  // namespace

void addEscalationRoutes(Router& router, domain::EscalationService& escalations) {
    router.add("POST", "/api/v1/proposals/{id}/escalations", Access::kSession, with(escalations, escalate));
    router.add("GET", "/api/v1/proposals/{id}/escalations", Access::kPublicCached, with(escalations, listForProposal));
    router.add("POST", "/api/v1/escalations/{id}/forward", Access::kSession, with(escalations, forward));
    router.add("POST", "/api/v1/escalations/{id}/resolution", Access::kSession, with(escalations, resolve));
    router.add("GET", "/api/v1/streets/{id}/escalations", Access::kSession, with(escalations, streetQueue));
    router.add("GET", "/api/v1/districts/{id}/escalations", Access::kSession, with(escalations, districtQueue));
    router.add("GET", "/api/v1/me/queue", Access::kSession, with(escalations, myQueue));
}

}  // namespace yishi::http
