#include "council_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::TopicCallService;

void callMembers(JsonWriter& w, const domain::TopicCall& c, bool closed) {
    w.member("id", c.id);
    w.member("community_id", c.community_id.value);
    w.member("title", c.title);
    w.member("description", c.description);
    w.member("theme", c.theme);
    w.member("created_at", c.created_at.seconds());
    w.member("deadline", c.deadline.seconds());
    w.member("closed_at", orNull(c.closed_at));
    w.member("closed", closed);
}

void writeSummary(JsonWriter& w, const TopicCallService::Summary& s) {
    w.beginObject();
    callMembers(w, s.call, s.closed);
    w.member("topic_count", s.topics);
    w.endObject();
}

void writeCall(JsonWriter& w, const TopicCallService::View& v) {
    w.beginObject();
    callMembers(w, v.call, v.closed);
    w.member("topic_count", static_cast<std::int64_t>(v.topics.size()));
    w.key("topics").beginArray();
    for (const TopicCallService::Topic& t : v.topics) {
        w.beginObject();
        w.member("id", t.id.value);
        w.member("title", t.title);
        w.member("state", domain::proposalStateName(t.state));
        w.member("linked_at", t.linked_at.seconds());
        w.endObject();
    }
    w.endArray();
    w.member("may_answer", v.may_answer);
    w.member("may_close", v.may_close);
    w.endObject();
}

// GET /api/v1/communities/{id}/topic-calls
ApiResponse list(TopicCallService& calls, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, calls.list(CommunityId(community), page));
    JsonWriter w;
    writePage(w, result, writeSummary);
    return jsonResponse(200, w);
}

// GET /api/v1/topic-calls/{id}
ApiResponse get(TopicCallService& calls, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "topic_call"));
    YISHI_HANDLER_ASSIGN(auto v, calls.get(call.actor, id));
    return jsonResponse(200, writeCall, v);
}

// POST /api/v1/communities/{id}/topic-calls
ApiResponse open(TopicCallService& calls, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"title", "description", "theme", "deadline"}));
    TopicCallService::Input in;
    YISHI_HANDLER_ASSIGN(in.title, requireString(call.body, "title"));
    YISHI_HANDLER_ASSIGN(in.description, optionalString(call.body, "description", ""));
    YISHI_HANDLER_ASSIGN(in.theme, optionalString(call.body, "theme", ""));
    YISHI_HANDLER_ASSIGN(in.deadline, requireTime(call.body, "deadline"));
    YISHI_HANDLER_ASSIGN(auto v, calls.open(call.actor, CommunityId(community), in));
    return jsonResponse(201, writeCall, v);
}

// POST /api/v1/topic-calls/{id}/close
ApiResponse close(TopicCallService& calls, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "topic_call"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {}));
    YISHI_HANDLER_ASSIGN(auto v, calls.close(call.actor, id));
    return jsonResponse(200, writeCall, v);
}

// POST /api/v1/topic-calls/{id}/topics
ApiResponse answer(TopicCallService& calls, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "topic_call"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"proposal_id"}));
    YISHI_HANDLER_ASSIGN(std::int64_t proposal, requireInt(call.body, "proposal_id"));
    YISHI_HANDLER_ASSIGN(auto v, calls.answer(call.actor, id, domain::ProposalId(proposal)));
    return jsonResponse(201, writeCall, v);
}

}  // namespace

// Not cached: whether a call is open changes with the clock alone.
void addTopicCallRoutes(Router& router, TopicCallService& calls) {
    router.add("GET", "/api/v1/communities/{id}/topic-calls", Access::kPublic, with(calls, list));
    router.add("GET", "/api/v1/topic-calls/{id}", Access::kPublic, with(calls, get));
    router.add("POST", "/api/v1/communities/{id}/topic-calls", Access::kSession, with(calls, open));
    router.add("POST", "/api/v1/topic-calls/{id}/close", Access::kSession, with(calls, close));
    router.add("POST", "/api/v1/topic-calls/{id}/topics", Access::kSession, with(calls, answer));
}

}  // namespace yishi::http
