#include "handlers/handler_support.h"
#include "json_io.h"
#include "polls_routes.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::PollService;

void pollMembers(JsonWriter& w, const domain::Poll& p, bool closed, std::int64_t answers) {
    w.member("id", p.id);
    w.member("community_id", p.community_id.value);
    w.member("title", p.title);
    w.member("description", p.description);
    w.member("created_at", p.created_at.seconds());
    w.member("closes_at", p.closes_at.seconds());
    w.member("closed", closed);
    w.member("answers", answers);
}

void writeSummary(JsonWriter& w, const PollService::Summary& s) {
    w.beginObject();
    pollMembers(w, s.poll, s.closed, s.answers);
    w.endObject();
}

void writePoll(JsonWriter& w, const PollService::View& v) {
    w.beginObject();
    pollMembers(w, v.poll, v.closed, v.answers);
    w.key("questions").beginArray();
    for (std::size_t i = 0; i < v.poll.questions.size(); ++i) {
        const domain::PollQuestion& q = v.poll.questions[i];
        const domain::PollQuestionResult* result = v.results ? &(*v.results)[i] : nullptr;
        w.beginObject();
        w.member("id", q.id);
        w.member("text", q.text);
        w.member("multiple", q.multiple);
        w.member("respondents", valueOrNull(result != nullptr, result ? result->respondents : 0));
        w.key("options").beginArray();
        for (std::size_t j = 0; j < q.options.size(); ++j) {
            w.beginObject();
            w.member("id", q.options[j].id);
            w.member("text", q.options[j].text);
            w.member("count", valueOrNull(result != nullptr, result ? result->options[j].count : 0));
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("mine").beginArray();
    for (std::int64_t id : v.mine) w.value(id);
    w.endArray();
    w.member("may_answer", v.may_answer);
    w.endObject();
}

Status wrongType(const std::string& name, const char* what) {
    return Status::invalid("body.wrong_type", "Field \"" + name + "\" must be " + what + ".");
}

Result<const Value::Array*> arrayField(const Value& body, const std::string& name) {
    if (!hasField(body, name)) return Status::invalid("body.missing_field", "Field \"" + name + "\" is required.");
    const Value& v = *body.find(name);
    if (!v.isArray()) return wrongType(name, "an array");
    return &v.asArray();
}

Result<PollService::Input> inputOf(const Value& body) {
    PollService::Input in;
    YISHI_ASSIGN_OR_RETURN(in.title, requireString(body, "title"));
    YISHI_ASSIGN_OR_RETURN(in.description, optionalString(body, "description", ""));
    YISHI_ASSIGN_OR_RETURN(in.closes_at, requireTime(body, "closes_at"));
    YISHI_ASSIGN_OR_RETURN(const Value::Array* questions, arrayField(body, "questions"));
    for (const Value& q : *questions) {
        if (!q.isObject()) return wrongType("questions", "an array of objects");
        YISHI_RETURN_IF_ERROR(onlyFields(q, {"text", "multiple", "options"}));
        PollService::Input::Question question;
        YISHI_ASSIGN_OR_RETURN(question.text, requireString(q, "text"));
        YISHI_ASSIGN_OR_RETURN(question.multiple, optionalBool(q, "multiple", false));
        YISHI_ASSIGN_OR_RETURN(const Value::Array* options, arrayField(q, "options"));
        for (const Value& o : *options) {
            if (!o.isString()) return wrongType("options", "an array of strings");
            question.options.push_back(o.asString());
        }
        in.questions.push_back(std::move(question));
    }
    return in;
}

// GET /api/v1/communities/{id}/polls
ApiResponse list(PollService& polls, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto result, polls.list(CommunityId(community), page));
    JsonWriter w;
    writePage(w, result, writeSummary);
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// GET /api/v1/polls/{id}
ApiResponse get(PollService& polls, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "poll"));
    YISHI_HANDLER_ASSIGN(auto v, polls.get(call.actor, id));
    return jsonResponse(200, writePoll, v);
}

// POST /api/v1/communities/{id}/polls
ApiResponse create(PollService& polls, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"title", "description", "closes_at", "questions"}));
    YISHI_HANDLER_ASSIGN(auto input, inputOf(call.body));
    YISHI_HANDLER_ASSIGN(auto v, polls.create(call.actor, CommunityId(community), input));
    return jsonResponse(201, writePoll, v);
}

// POST /api/v1/polls/{id}/answers
ApiResponse answer(PollService& polls, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "poll"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"option_ids"}));
    YISHI_HANDLER_ASSIGN(const Value::Array* list, arrayField(call.body, "option_ids"));
    std::vector<std::int64_t> options;
    for (const Value& o : *list) {
        if (!o.isInt()) return fail(call, wrongType("option_ids", "an array of option ids"));
        options.push_back(o.asInt());
    }
    YISHI_HANDLER_ASSIGN(auto v, polls.answer(call.actor, id, options));
    return jsonResponse(201, writePoll, v);
}

}  // namespace

void addPollRoutes(Router& router, PollService& polls) {
    router.add("GET", "/api/v1/communities/{id}/polls", Access::kPublicCached, with(polls, list));
    router.add("GET", "/api/v1/polls/{id}", Access::kPublicCached, with(polls, get));
    router.add("POST", "/api/v1/communities/{id}/polls", Access::kSession, with(polls, create));
    router.add("POST", "/api/v1/polls/{id}/answers", Access::kSession, with(polls, answer));
}

}  // namespace yishi::http
