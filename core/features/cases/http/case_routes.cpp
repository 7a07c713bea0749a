#include "cases_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"
#include "yishi/domain/case_service.h"

namespace yishi::http {

namespace {

using domain::CaseService;

void writePerson(JsonWriter& w, const char* key, UserId id, const std::string& name) {
    w.key(key);
    if (!id.valid()) {
        w.null();
        return;
    }
    w.beginObject().member("id", id.value).member("display_name", name).endObject();
}

void caseMembers(JsonWriter& w, const domain::Case& c) {
    w.member("id", c.id.value);
    w.member("proposal_id", c.proposal_id.value);
    w.member("community_id", c.community_id.value);
    w.member("state", domain::caseStateName(c.state));
    w.member("opened_at", c.opened_at.seconds());
    w.member("done_at", orNull(c.done_at));
    w.member("closed_at", orNull(c.closed_at));
    w.member("reopened", c.reopened);
}

void writeEntry(JsonWriter& w, const CaseService::Entry& e) {
    const bool rated = e.entry.kind == domain::CaseEntryKind::kRated;
    w.beginObject();
    w.member("id", e.entry.id);
    w.member("kind", domain::caseEntryKindName(e.entry.kind));
    w.member("at", e.entry.at.seconds());
    w.key("by");
    if (e.entry.by.valid()) {
        w.beginObject().member("display_name", e.by_name).member("role", e.by_role).endObject();
    } else {
        w.null();
    }
    w.member("text", e.entry.text);
    writePerson(w, "assignee", e.entry.assignee, e.assignee_name);
    w.member("handling_stars", valueOrNull(rated, e.entry.handling_stars));
    w.member("result_stars", valueOrNull(rated, e.entry.result_stars));
    w.member("solved", valueOrNull(rated, e.entry.solved));
    w.member("reopens", rated && domain::ratingReopens(e.entry));
    writeAssisted(w, e.assisted_by_name, e.assisted_role, e.consent, &e.consent_note);
    w.endObject();
}

void writeCase(JsonWriter& w, const CaseService::View& v) {
    w.beginObject();
    caseMembers(w, v.c);
    w.member("title", v.title);
    writePerson(w, "raised_by", v.c.raised_by, v.raised_by_name);
    writePerson(w, "assignee", v.c.assignee, v.assignee_name);
    w.key("entries").beginArray();
    for (const CaseService::Entry& e : v.entries) writeEntry(w, e);
    w.endArray();
    w.key("allowed_actions").beginArray();
    for (domain::CaseAction a : v.allowed_actions) w.value(domain::caseActionName(a));
    w.endArray();
    w.key("assignable").beginArray();
    for (const CaseService::Person& p : v.assignable) {
        w.beginObject().member("id", p.id.value).member("display_name", p.display_name).endObject();
    }
    w.endArray();
    w.endObject();
}

void writeSummary(JsonWriter& w, const domain::CaseSummary& s) {
    w.beginObject();
    caseMembers(w, s.c);
    w.member("title", s.title);
    w.endObject();
}

Result<std::optional<domain::CaseState>> stateFilter(const ApiCall& call) {
    const std::string text = call.query.get("state", "");
    if (text.empty()) return std::optional<domain::CaseState>();
    domain::CaseState state;
    if (!domain::parseCaseState(text, &state)) {
        return Status::invalid("query.case_state", "state is open, in_progress, done or closed.");
    }
    return std::optional<domain::CaseState>(state);
}

// GET /api/v1/cases/{id}
ApiResponse get(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "case"));
    YISHI_HANDLER_ASSIGN(auto v, cases.get(call.actor, domain::CaseId(id)));
    return jsonResponse(200, writeCase, v);
}

// GET /api/v1/proposals/{id}/case
ApiResponse ofProposal(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto v, cases.ofProposal(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, writeCase, v);
}

// GET /api/v1/communities/{id}/cases
ApiResponse list(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto state, stateFilter(call));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"state"}));
    YISHI_HANDLER_ASSIGN(auto result, cases.list(CommunityId(community), state, page));
    JsonWriter w;
    writePage(w, result, writeSummary);
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// GET /api/v1/communities/{id}/case-stats
ApiResponse stats(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::CaseStats s, cases.stats(CommunityId(community)));
    JsonWriter w;
    w.beginObject();
    w.member("community_id", community);
    w.member("cases", s.cases);
    w.key("by_state")
        .beginObject()
        .member("open", s.open)
        .member("in_progress", s.in_progress)
        .member("done", s.done)
        .member("closed", s.closed)
        .endObject();
    w.member("closure_rate", valueOrNull(s.cases > 0, s.closure_rate));
    w.member("median_seconds_to_close", s.median_seconds_to_close);
    w.member("reopened_cases", s.reopened_cases);
    w.member("followed_up", s.followed_up);
    w.member("ratings", s.ratings);
    w.member("handling_average", valueOrNull(s.ratings > 0, s.handling_average));
    w.member("result_average", valueOrNull(s.ratings > 0, s.result_average));
    w.member("satisfied", s.satisfied);
    w.member("satisfaction_rate", valueOrNull(s.ratings > 0, s.satisfaction_rate));
    w.endObject();
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// POST /api/v1/cases/{id}/assignment
ApiResponse assign(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "case"));
    YISHI_HANDLER_ASSIGN(std::int64_t assignee, requireInt(call.body, "assignee_id"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto v, cases.assign(call.actor, domain::CaseId(id), UserId(assignee), reason));
    return jsonResponse(200, writeCase, v);
}

// POST /api/v1/cases/{id}/steps
ApiResponse step(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "case"));
    YISHI_HANDLER_ASSIGN(std::string text, requireString(call.body, "text"));
    YISHI_HANDLER_ASSIGN(auto v, cases.addStep(call.actor, domain::CaseId(id), text));
    return jsonResponse(201, writeCase, v);
}

// POST /api/v1/cases/{id}/completion
ApiResponse done(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "case"));
    YISHI_HANDLER_ASSIGN(std::string summary, requireString(call.body, "summary"));
    YISHI_HANDLER_ASSIGN(auto v, cases.markDone(call.actor, domain::CaseId(id), summary));
    return jsonResponse(200, writeCase, v);
}

// POST /api/v1/cases/{id}/ratings
ApiResponse rate(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "case"));
    YISHI_HANDLER_ASSIGN(std::int64_t handling, requireInt(call.body, "handling_stars"));
    YISHI_HANDLER_ASSIGN(std::int64_t result, requireInt(call.body, "result_stars"));
    YISHI_HANDLER_ASSIGN(bool solved, optionalBool(call.body, "solved", true));
    YISHI_HANDLER_ASSIGN(std::string comment, optionalString(call.body, "comment", ""));
    YISHI_HANDLER_ASSIGN(auto v, cases.rate(call.actor, domain::CaseId(id), handling, result, solved, comment));
    return jsonResponse(201, writeCase, v);
}

// POST /api/v1/cases/{id}/not-solved
ApiResponse notSolved(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "case"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto v, cases.notSolved(call.actor, domain::CaseId(id), reason));
    return jsonResponse(200, writeCase, v);
}

// POST /api/v1/cases/{id}/follow-ups
ApiResponse followUp(CaseService& cases, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "case"));
    YISHI_HANDLER_ASSIGN(std::string note, requireString(call.body, "note"));
    YISHI_HANDLER_ASSIGN(auto v, cases.followUp(call.actor, domain::CaseId(id), note));
    return jsonResponse(201, writeCase, v);
}

}  // namespace

void addCaseRoutes(Router& router, CaseService& cases) {
    router.add("GET", "/api/v1/proposals/{id}/case", Access::kPublicCached, with(cases, ofProposal));
    router.add("GET", "/api/v1/cases/{id}", Access::kPublicCached, with(cases, get));
    router.add("GET", "/api/v1/communities/{id}/cases", Access::kPublicCached, with(cases, list));
    router.add("GET", "/api/v1/communities/{id}/case-stats", Access::kPublicCached, with(cases, stats));
    router.add("POST", "/api/v1/cases/{id}/assignment", Access::kSession, with(cases, assign));
    router.add("POST", "/api/v1/cases/{id}/steps", Access::kSession, with(cases, step));
    router.add("POST", "/api/v1/cases/{id}/completion", Access::kSession, with(cases, done));
    router.add("POST", "/api/v1/cases/{id}/ratings", Access::kSession, with(cases, rate));
    router.add("POST", "/api/v1/cases/{id}/not-solved", Access::kSession, with(cases, notSolved));
    router.add("POST", "/api/v1/cases/{id}/follow-ups", Access::kSession, with(cases, followUp));
}

}  // namespace yishi::http
