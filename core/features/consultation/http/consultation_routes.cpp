#include <Poco/JSON/Array.h>

#include <map>

#include "consultation_routes.h"
#include "json_io.h"
#include "views.h"
#include "handlers/handler_support.h"
#include "yishi/domain/consultation_service.h"

namespace yishi::http {

namespace {

using domain::ConsultationService;

Poco::JSON::Object::Ptr commentView(const ConsultationService::CommentView& v) {
    const domain::Comment& c = v.comment;
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", c.id.value);
    o->set("proposal_id", c.proposal_id.value);
    o->set("parent_id", orNull(c.parent_id.value));
    o->set("depth", c.depth);
    Poco::JSON::Object::Ptr author = newObject();
    author->set("id", c.author_id.value);
    author->set("display_name", v.author_name);
    o->set("author", author);
    o->set("stance", domain::stanceName(c.stance));
    o->set("body", valueOrNull(v.body_shown, c.body));
    o->set("created_at", c.created_at.seconds());
    o->set("edited_at", orNull(c.edited_at));
    o->set("withdrawn", c.withdrawn);
    o->set("hidden", c.hidden);
    o->set("hidden_reason", valueOrNull(c.hidden, c.hidden_reason));
    o->set("reports", c.reports);
    return o;
}

Poco::JSON::Object::Ptr supportsView(const ConsultationService::Supports& s) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("count", s.count);
    o->set("mine", s.mine);
    return o;
}

Poco::JSON::Object::Ptr meetingView(const domain::Meeting& m) {
    Poco::JSON::Object::Ptr o = newObject();
    o->set("id", m.id.value);
    o->set("proposal_id", m.proposal_id.value);
    o->set("mode", domain::meetingModeName(m.mode));
    o->set("starts_at", m.starts_at.seconds());
    o->set("place", m.place);
    o->set("minutes", valueOrNull(m.recorded_at != Instant(), m.minutes));
    o->set("attendance", valueOrNull(m.attendance >= 0, m.attendance));
    o->set("recorded_at", orNull(m.recorded_at));
    return o;
}

Result<domain::Stance> stanceOf(const ApiCall& call) {
    YISHI_ASSIGN_OR_RETURN(std::string text, optionalString(call.body, "stance", "neutral"));
    domain::Stance stance;
    if (!domain::parseStance(text, &stance)) {
        return Status::invalid("body.stance", "stance is for, neutral or against.");
    }
    return stance;
}

// POST /api/v1/proposals/{id}/comments
ApiResponse postComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    ConsultationService::NewComment input;
    YISHI_HANDLER_ASSIGN(input.body, requireString(call.body, "body"));
    YISHI_HANDLER_ASSIGN(input.stance, stanceOf(call));
    if (call.body->has("parent_id") && !call.body->isNull("parent_id")) {
        YISHI_HANDLER_ASSIGN(std::int64_t parent, requireInt(call.body, "parent_id"));
        input.parent = domain::CommentId(parent);
    }
    YISHI_HANDLER_ASSIGN(auto view, consultation.post(call.actor, domain::ProposalId(id), input));
    return jsonResponse(201, commentView(view));
}

// GET /api/v1/proposals/{id}/comments
ApiResponse listComments(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto thread, consultation.thread(call.actor, domain::ProposalId(id)));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& c : thread) items->add(commentView(c));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("items", items);
    return jsonResponse(200, o);
}

// PUT /api/v1/comments/{id}
ApiResponse editComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(std::string body, requireString(call.body, "body"));
    YISHI_HANDLER_ASSIGN(domain::Stance stance, stanceOf(call));
    YISHI_HANDLER_ASSIGN(auto view, consultation.edit(call.actor, domain::CommentId(id), body, stance));
    return jsonResponse(200, commentView(view));
}

// DELETE /api/v1/comments/{id}
ApiResponse withdrawComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(auto view, consultation.withdraw(call.actor, domain::CommentId(id)));
    return jsonResponse(200, commentView(view));
}

// POST /api/v1/comments/{id}/reports
ApiResponse reportComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(std::string reason, requireString(call.body, "reason"));
    YISHI_HANDLER_ASSIGN(auto view, consultation.report(call.actor, domain::CommentId(id), reason));
    return jsonResponse(201, commentView(view));
}

// POST /api/v1/comments/{id}/moderation
ApiResponse moderateComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(std::string action, requireString(call.body, "action"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    if (action != "hide" && action != "restore") {
        return fail(call, Status::invalid("body.action", "action is hide or restore."));
    }
    YISHI_HANDLER_ASSIGN(auto view,
                         consultation.moderate(call.actor, domain::CommentId(id), action == "hide", reason));
    return jsonResponse(200, commentView(view));
}

// GET /api/v1/communities/{id}/moderation-log
ApiResponse moderationLog(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto entries, consultation.moderationLog(CommunityId(id), 200));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::map<std::string, int> counts;
    for (const domain::ModerationEntry& e : entries) {
        Poco::JSON::Object::Ptr o = newObject();
        o->set("at", e.at.seconds());
        o->set("action", e.action);
        o->set("comment_id", e.comment_id.value);
        o->set("proposal_id", e.proposal_id.value);
        o->set("reason", e.reason);
        o->set("by", e.moderator_role);
        items->add(o);
        ++counts[e.action];
    }
    Poco::JSON::Object::Ptr count_view = newObject();
    for (const auto& [action, n] : counts) count_view->set(action, n);
    Poco::JSON::Object::Ptr o = newObject();
    o->set("counts", count_view);
    o->set("items", items);
    return jsonResponse(200, o);
}

// POST /api/v1/proposals/{id}/supports
ApiResponse support(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto s, consultation.support(call.actor, domain::ProposalId(id)));
    return jsonResponse(201, supportsView(s));
}

// DELETE /api/v1/proposals/{id}/supports/mine
ApiResponse withdrawSupport(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto s, consultation.withdrawSupport(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, supportsView(s));
}

// GET /api/v1/proposals/{id}/supports
ApiResponse supports(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto s, consultation.supports(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, supportsView(s));
}

// POST /api/v1/proposals/{id}/meetings
ApiResponse scheduleMeeting(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(std::string mode_text, requireString(call.body, "mode"));
    domain::MeetingMode mode;
    if (!domain::parseMeetingMode(mode_text, &mode)) {
        return fail(call, Status::invalid("body.mode", "mode is online, offline or hybrid."));
    }
    YISHI_HANDLER_ASSIGN(std::int64_t starts_at, requireInt(call.body, "starts_at"));
    YISHI_HANDLER_ASSIGN(std::string place, requireString(call.body, "place"));
    YISHI_HANDLER_ASSIGN(auto m, consultation.scheduleMeeting(call.actor, domain::ProposalId(id), mode,
                                                                    Instant::fromSeconds(starts_at), place));
    return jsonResponse(201, meetingView(m));
}

// GET /api/v1/proposals/{id}/meetings
ApiResponse listMeetings(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto list, consultation.meetings(call.actor, domain::ProposalId(id)));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const domain::Meeting& m : list) items->add(meetingView(m));
    Poco::JSON::Object::Ptr o = newObject();
    o->set("items", items);
    return jsonResponse(200, o);
}

// POST /api/v1/meetings/{id}/minutes
ApiResponse recordMeeting(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_ASSIGN(std::string minutes, requireString(call.body, "minutes"));
    YISHI_HANDLER_ASSIGN(std::int64_t attendance, requireInt(call.body, "attendance"));
    YISHI_HANDLER_ASSIGN(auto m, consultation.recordMeeting(call.actor, domain::MeetingId(id), minutes,
                                                                  attendance));
    return jsonResponse(200, meetingView(m));
}

}  // namespace

void addConsultationRoutes(Router& router, domain::ConsultationService& consultation) {
    router.add("POST", "/api/v1/proposals/{id}/comments", Access::kSession, with(consultation, postComment));
    router.add("GET", "/api/v1/proposals/{id}/comments", Access::kPublicCached, with(consultation, listComments));
    router.add("PUT", "/api/v1/comments/{id}", Access::kSession, with(consultation, editComment));
    router.add("DELETE", "/api/v1/comments/{id}", Access::kSession, with(consultation, withdrawComment));
    router.add("POST", "/api/v1/comments/{id}/reports", Access::kSession, with(consultation, reportComment));
    router.add("POST", "/api/v1/comments/{id}/moderation", Access::kSession, with(consultation, moderateComment));
    router.add("GET", "/api/v1/communities/{id}/moderation-log", Access::kPublicCached, with(consultation, moderationLog));
    router.add("POST", "/api/v1/proposals/{id}/supports", Access::kSession, with(consultation, support));
    router.add("GET", "/api/v1/proposals/{id}/supports", Access::kPublicCached, with(consultation, supports));
    router.add("DELETE", "/api/v1/proposals/{id}/supports/mine", Access::kSession, with(consultation, withdrawSupport));
    router.add("POST", "/api/v1/proposals/{id}/meetings", Access::kSession, with(consultation, scheduleMeeting));
    router.add("GET", "/api/v1/proposals/{id}/meetings", Access::kPublicCached, with(consultation, listMeetings));
    router.add("POST", "/api/v1/meetings/{id}/minutes", Access::kSession, with(consultation, recordMeeting));
}

}  // namespace yishi::http
