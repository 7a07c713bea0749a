#include "council_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::AdoptionService;

void writeMark(JsonWriter& w, const domain::AdoptionMark& m) {
    w.beginObject();
    w.member("comment_id", m.comment_id.value);
    w.member("proposal_id", m.proposal_id.value);
    w.member("community_id", m.community_id.value);
    w.member("author_id", m.author_id.value);
    w.member("decision", domain::adoptionDecisionName(m.decision));
    w.member("reason", m.reason);
    w.member("decided_at", m.decided_at.seconds());
    w.endObject();
}

void writeMarks(JsonWriter& w, const std::vector<domain::AdoptionMark>& marks) {
    w.beginObject();
    w.key("items").beginArray();
    for (const domain::AdoptionMark& m : marks) writeMark(w, m);
    w.endArray();
    w.endObject();
}

void writePeriod(JsonWriter& w, const domain::AdoptionPeriod& p) {
    w.beginObject();
    w.member("period", p.period);
    w.member("adopted", p.adopted);
    w.member("partly_adopted", p.partly_adopted);
    w.member("not_adopted", p.not_adopted);
    w.member("decided", p.decided());
    // Per mille, so that no float is rounded differently by each reader; null with nothing decided.
    w.member("rate_permille", valueOrNull(p.decided() > 0, p.decided() > 0 ? p.adopted * 1000 / p.decided() : 0));
    w.endObject();
}

void writeRate(JsonWriter& w, const AdoptionService::Rate& r) {
    w.beginObject();
    w.key("total");
    writePeriod(w, r.total);
    w.key("periods").beginArray();
    for (const domain::AdoptionPeriod& p : r.periods) writePeriod(w, p);
    w.endArray();
    w.endObject();
}

// PUT /api/v1/comments/{id}/adoption
ApiResponse mark(AdoptionService& adoptions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"decision", "reason"}));
    YISHI_HANDLER_ASSIGN(std::string decision_text, requireString(call.body, "decision"));
    domain::AdoptionDecision decision;
    if (!domain::parseAdoptionDecision(decision_text, &decision)) {
        return fail(call, Status::invalid("adoption.decision",
                                          "decision is \"adopted\", \"partly_adopted\" or \"not_adopted\"."));
    }
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto m, adoptions.mark(call.actor, domain::CommentId(id), decision, reason));
    return jsonResponse(200, writeMark, m);
}

// GET /api/v1/proposals/{id}/adoptions
ApiResponse ofThread(AdoptionService& adoptions, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto marks, adoptions.marksOfThread(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, writeMarks, marks);
}

// GET /api/v1/communities/{id}/adoption-rate
ApiResponse rate(AdoptionService& adoptions, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto r, adoptions.rate(CommunityId(id)));
    return jsonResponse(200, writeRate, r);
}

}  // namespace

void addAdoptionRoutes(Router& router, AdoptionService& adoptions) {
    router.add("PUT", "/api/v1/comments/{id}/adoption", Access::kSession, with(adoptions, mark));
    router.add("GET", "/api/v1/proposals/{id}/adoptions", Access::kPublicCached, with(adoptions, ofThread));
    router.add("GET", "/api/v1/communities/{id}/adoption-rate", Access::kPublicCached, with(adoptions, rate));
}

}  // namespace yishi::http
