#include "escalations_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"
#include "yishi/domain/escalation_service.h"

namespace yishi::http {

namespace {

using domain::EscalationService;

using Subjects = std::map<std::int64_t, domain::EscalationService::Subject>;

// `subjects` adds the proposal's title and the community's name (queues).
void writeEscalation(JsonWriter& w, const domain::Escalation& e, Instant now, Language language,
                     const Subjects* subjects = nullptr) {
    w.beginObject();
    w.member("id", e.id.value);
    w.member("proposal_id", e.proposal_id.value);
    w.member("community_id", e.community_id.value);
    w.member("level", domain::escalationLevelName(e.level));
    w.member("status", domain::escalationStatusName(e.status));
    w.member("reason", e.reason);
    w.member("escalated_at", e.escalated_at.seconds());
    w.member("due_at", e.due_at.seconds());
    w.member("overdue", e.overdue(now));
    w.member("resolution", valueOrNull(e.resolved_at != Instant(), renderStoredText(e.resolution, language)));
    w.member("resolved_at", orNull(e.resolved_at));
    if (subjects) {
        const auto it = subjects->find(e.id.value);
        const bool known = it != subjects->end();
        w.member("proposal_title", valueOrNull(known, known ? it->second.proposal_title : std::string()));
        w.member("community_name", valueOrNull(known, known ? it->second.community_name : std::string()));
    }
    w.endObject();
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

ApiResponse queueResponse(domain::EscalationService& escalations, const domain::Page<domain::Escalation>& page,
                          ApiCall& call) {
    const Instant now = escalations.now();
    YISHI_HANDLER_ASSIGN(Subjects subjects, escalations.subjectsOf(page.items));
    JsonWriter w;
    writePage(w, page, [now, &call, &subjects](JsonWriter& out, const domain::Escalation& e) {
        writeEscalation(out, e, now, call.language, &subjects);
    });
    return jsonResponse(200, w);
}

ApiResponse escalationResponse(int status, domain::EscalationService& escalations, const domain::Escalation& e,
                               const ApiCall& call) {
    JsonWriter w;
    writeEscalation(w, e, escalations.now(), call.language);
    return jsonResponse(status, w);
}

// POST /api/v1/proposals/{id}/escalations
ApiResponse escalate(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto e, escalations.escalate(call.actor, domain::ProposalId(id), reason));
    return escalationResponse(201, escalations, e, call);
}

// GET /api/v1/proposals/{id}/escalations
ApiResponse listForProposal(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto list, escalations.forProposal(domain::ProposalId(id)));
    const Instant now = escalations.now();
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const domain::Escalation& e : list) writeEscalation(w, e, now, call.language);
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/escalations/{id}/forward
ApiResponse forward(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "escalation"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto e, escalations.forward(call.actor, domain::EscalationId(id), reason));
    return escalationResponse(201, escalations, e, call);
}

// POST /api/v1/escalations/{id}/resolution
ApiResponse resolve(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "escalation"));
    YISHI_HANDLER_ASSIGN(std::string resolution, optionalString(call.body, "resolution", ""));
    YISHI_HANDLER_ASSIGN(auto e, escalations.resolve(call.actor, domain::EscalationId(id), resolution));
    return escalationResponse(200, escalations, e, call);
}

// GET /api/v1/streets/{id}/escalations
ApiResponse streetQueue(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "street"));
    YISHI_HANDLER_ASSIGN(auto status, statusFilter(call));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"status"}));
    YISHI_HANDLER_ASSIGN(auto result, escalations.streetQueue(call.actor, StreetId(id), status, page));
    return queueResponse(escalations, result, call);
}

// GET /api/v1/districts/{id}/escalations
ApiResponse districtQueue(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "district"));
    YISHI_HANDLER_ASSIGN(auto status, statusFilter(call));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"status"}));
    YISHI_HANDLER_ASSIGN(auto result, escalations.districtQueue(call.actor, DistrictId(id), status, page));
    return queueResponse(escalations, result, call);
}

// GET /api/v1/me/queue
ApiResponse myQueue(domain::EscalationService& escalations, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(auto queue, escalations.awaitingMe(call.actor));
    YISHI_HANDLER_ASSIGN(Subjects subjects, escalations.subjectsOf(queue.escalations));
    const Instant now = escalations.now();
    JsonWriter w;
    w.beginObject();
    w.key("proposals").beginArray();
    for (const auto& [p, late] : queue.proposals) {
        w.beginObject();
        w.member("id", p.id.value);
        w.member("community_id", p.community_id.value);
        w.member("title", p.title);
        w.member("state", domain::proposalStateName(p.state));
        w.member("submitted_at", p.submitted_at.seconds());
        w.member("overdue", late);
        w.endObject();
    }
    w.endArray();
    w.key("escalations").beginArray();
    for (const domain::Escalation& e : queue.escalations) writeEscalation(w, e, now, call.language, &subjects);
    w.endArray();
    w.endObject();
    return jsonResponse(200, w);
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
