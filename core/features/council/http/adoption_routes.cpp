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

void writeSuggestion(JsonWriter& w, const domain::MeetingSuggestion& s) {
    w.beginObject();
    w.member("id", s.id);
    w.member("meeting_id", s.meeting_id.value);
    w.member("proposal_id", s.proposal_id.value);
    w.member("community_id", s.community_id.value);
    w.member("text", s.text);
    w.member("author_id", valueOrNull(s.author_id.valid(), s.author_id.value));
    w.member("author_name", valueOrNull(!s.author_name.empty(), s.author_name));
    w.member("recorded_at", s.recorded_at.seconds());
    w.member("decision", valueOrNull(s.marked, std::string(domain::adoptionDecisionName(s.decision))));
    w.member("reason", valueOrNull(s.marked, s.reason));
    w.member("decided_at", orNull(s.decided_at));
    w.endObject();
}

void writeSuggestions(JsonWriter& w, const std::vector<domain::MeetingSuggestion>& list) {
    w.beginObject();
    w.key("items").beginArray();
    for (const domain::MeetingSuggestion& s : list) writeSuggestion(w, s);
    w.endArray();
    w.endObject();
}

// The body of a mark: {"decision", "reason"}.
struct MarkInput {
    domain::AdoptionDecision decision = domain::AdoptionDecision::kAdopted;
    std::string reason;
};

Result<MarkInput> markInput(const Value& body) {
    YISHI_RETURN_IF_ERROR(onlyFields(body, {"decision", "reason"}));
    YISHI_ASSIGN_OR_RETURN(std::string decision_text, requireString(body, "decision"));
    MarkInput out;
    if (!domain::parseAdoptionDecision(decision_text, &out.decision)) {
        return Status::invalid("adoption.decision", "decision is \"adopted\", \"partly_adopted\" or \"not_adopted\".");
    }
    YISHI_ASSIGN_OR_RETURN(out.reason, optionalString(body, "reason", ""));
    return out;
}

// PUT /api/v1/comments/{id}/adoption
ApiResponse mark(AdoptionService& adoptions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(MarkInput in, markInput(call.body));
    YISHI_HANDLER_ASSIGN(auto m, adoptions.mark(call.actor, domain::CommentId(id), in.decision, in.reason));
    return jsonResponse(200, writeMark, m);
}

// GET /api/v1/meetings/{id}/suggestions
ApiResponse suggestions(AdoptionService& adoptions, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_ASSIGN(auto list, adoptions.suggestionsOfMeeting(domain::MeetingId(id)));
    return jsonResponse(200, writeSuggestions, list);
}

// POST /api/v1/meetings/{id}/suggestions
ApiResponse recordSuggestion(AdoptionService& adoptions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"text", "author_id", "author_name"}));
    AdoptionService::SuggestionInput in;
    YISHI_HANDLER_ASSIGN(in.text, optionalString(call.body, "text", ""));
    YISHI_HANDLER_ASSIGN(std::optional<std::int64_t> author, optionalInt(call.body, "author_id"));
    if (author) in.author = UserId(*author);
    YISHI_HANDLER_ASSIGN(in.author_name, optionalString(call.body, "author_name", ""));
    YISHI_HANDLER_ASSIGN(auto s, adoptions.recordSuggestion(call.actor, domain::MeetingId(id), in));
    return jsonResponse(201, writeSuggestion, s);
}

// PUT /api/v1/meeting-suggestions/{id}/adoption
ApiResponse markSuggestion(AdoptionService& adoptions, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "suggestion"));
    YISHI_HANDLER_ASSIGN(MarkInput in, markInput(call.body));
    YISHI_HANDLER_ASSIGN(auto s, adoptions.markSuggestion(call.actor, id, in.decision, in.reason));
    return jsonResponse(200, writeSuggestion, s);
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
    router.add("GET", "/api/v1/meetings/{id}/suggestions", Access::kPublicCached, with(adoptions, suggestions));
    router.add("POST", "/api/v1/meetings/{id}/suggestions", Access::kSession, with(adoptions, recordSuggestion));
    router.add("PUT", "/api/v1/meeting-suggestions/{id}/adoption", Access::kSession, with(adoptions, markSuggestion));
}

}  // namespace yishi::http
