#include <map>

#include "consultation_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"
#include "yishi/domain/consultation_service.h"

namespace yishi::http {

namespace {

using domain::ConsultationService;

void writeComment(JsonWriter& w, const ConsultationService::CommentView& v, Language language) {
    const domain::Comment& c = v.comment;
    w.beginObject();
    w.member("id", c.id.value);
    w.member("proposal_id", c.proposal_id.value);
    w.member("parent_id", orNull(c.parent_id.value));
    w.member("depth", c.depth);
    w.key("author").beginObject().member("id", c.author_id.value).member("display_name", v.author_name).endObject();
    w.member("stance", domain::stanceName(c.stance));
    w.member("body", valueOrNull(v.body_shown, c.body));
    w.member("created_at", c.created_at.seconds());
    w.member("edited_at", orNull(c.edited_at));
    w.member("withdrawn", c.withdrawn);
    w.member("hidden", c.hidden);
    w.member("hidden_reason", valueOrNull(c.hidden, renderStoredText(c.hidden_reason, language)));
    w.member("reports", c.reports);
    writeAssisted(w, c.assisted_by_name, c.assisted_role, c.consent, nullptr);
    w.endObject();
}

void writeSupports(JsonWriter& w, const ConsultationService::Supports& s) {
    w.beginObject();
    w.member("count", s.count);
    w.member("mine", s.mine);
    w.endObject();
}

void writeMeeting(JsonWriter& w, const domain::Meeting& m) {
    w.beginObject();
    w.member("id", m.id.value);
    w.member("proposal_id", m.proposal_id.value);
    w.member("mode", domain::meetingModeName(m.mode));
    w.member("starts_at", m.starts_at.seconds());
    w.member("place", m.place);
    w.member("minutes", valueOrNull(m.recorded_at != Instant(), m.minutes));
    w.member("attendance", valueOrNull(m.attendance >= 0, m.attendance));
    w.member("recorded_at", orNull(m.recorded_at));
    w.endObject();
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
    if (hasField(call.body, "parent_id")) {
        YISHI_HANDLER_ASSIGN(std::int64_t parent, requireInt(call.body, "parent_id"));
        // 0 or a negative id names no comment: a 404, never a top-level
        // comment by accident (the domain reads an invalid id as "none").
        if (parent <= 0) {
            return fail(call, Status::notFound("comment.not_found", "The comment you answer is not in this thread."));
        }
        input.parent = domain::CommentId(parent);
    }
    YISHI_HANDLER_ASSIGN(auto view, consultation.post(call.actor, domain::ProposalId(id), input));
    return jsonResponse(201, inLanguageOf(call, writeComment), view);
}

// GET /api/v1/proposals/{id}/comments: the whole thread, or with limit
// and/or cursor a page of it (oldest first).
ApiResponse listComments(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    const bool paged = call.query.has("limit") || call.query.has("cursor");
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto thread,
                         consultation.threadPage(call.actor, domain::ProposalId(id),
                                                 paged ? std::optional<domain::PageRequest>(page) : std::nullopt));
    JsonWriter w;
    w.beginObject();
    if (paged) {
        writePageMembers(w, thread.page, inLanguageOf(call, writeComment));
    } else {
        w.key("items").beginArray();
        for (const auto& c : thread.page.items) writeComment(w, c, call.language);
        w.endArray();
    }
    w.endObject();
    ApiResponse out = jsonResponse(200, w);
    // Those who manage the community see hidden comments' bodies, and so
    // does each one's author; everyone else reads the same thread.
    out.cache = CacheFacts{thread.community.id, true, thread.community, std::move(thread.hidden_authors)};
    return out;
}

// PUT /api/v1/comments/{id}
ApiResponse editComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    // A field left out keeps its value.
    std::optional<std::string> body;
    if (hasField(call.body, "body")) {
        YISHI_HANDLER_ASSIGN(body, requireString(call.body, "body"));
    }
    std::optional<domain::Stance> stance;
    if (hasField(call.body, "stance")) {
        YISHI_HANDLER_ASSIGN(stance, stanceOf(call));
    }
    YISHI_HANDLER_ASSIGN(auto view, consultation.edit(call.actor, domain::CommentId(id), body, stance));
    return jsonResponse(200, inLanguageOf(call, writeComment), view);
}

// GET /api/v1/comments/{id}/revisions
ApiResponse commentRevisions(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(auto revisions, consultation.revisions(call.actor, domain::CommentId(id)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const domain::CommentRevision& r : revisions) {
        w.beginObject();
        w.member("revision", r.revision);
        w.member("body", r.body);
        w.member("stance", domain::stanceName(r.stance));
        w.member("written_at", r.written_at.seconds());
        w.member("replaced_at", r.replaced_at.seconds());
        w.endObject();
    }
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// DELETE /api/v1/comments/{id}
ApiResponse withdrawComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(auto view, consultation.withdraw(call.actor, domain::CommentId(id)));
    return jsonResponse(200, inLanguageOf(call, writeComment), view);
}

// POST /api/v1/comments/{id}/reports
ApiResponse reportComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(std::string reason, requireString(call.body, "reason"));
    YISHI_HANDLER_ASSIGN(auto view, consultation.report(call.actor, domain::CommentId(id), reason));
    return jsonResponse(201, inLanguageOf(call, writeComment), view);
}

// GET /api/v1/communities/{id}/moderation-queue
ApiResponse reviewQueue(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call));
    YISHI_HANDLER_ASSIGN(auto queue, consultation.reviewQueue(call.actor, CommunityId(id), page));
    JsonWriter w;
    writePage(w, queue, inLanguageOf(call, writeComment));
    return jsonResponse(200, w);
}

// POST /api/v1/comments/{id}/moderation
ApiResponse moderateComment(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "comment"));
    YISHI_HANDLER_ASSIGN(std::string action, requireString(call.body, "action"));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    using Moderation = domain::ConsultationService::Moderation;
    Moderation what;
    if (action == "hide") {
        what = Moderation::kHide;
    } else if (action == "restore") {
        what = Moderation::kRestore;
    } else if (action == "keep") {
        what = Moderation::kKeep;
    } else {
        return fail(call, Status::invalid("body.action", "action is hide, restore or keep."));
    }
    YISHI_HANDLER_ASSIGN(auto view, consultation.moderate(call.actor, domain::CommentId(id), what, reason));
    return jsonResponse(200, inLanguageOf(call, writeComment), view);
}

// GET /api/v1/communities/{id}/moderation-log
ApiResponse moderationLog(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto entries, consultation.moderationLog(CommunityId(id), 200));
    // "counts" comes before "items" but is counted from them.
    std::map<std::string, int> counts;
    for (const domain::ModerationEntry& e : entries) ++counts[e.action];
    JsonWriter w;
    w.beginObject();
    w.key("counts").beginObject();
    for (const auto& [action, n] : counts) w.member(action, n);
    w.endObject();
    w.key("items").beginArray();
    for (const domain::ModerationEntry& e : entries) {
        w.beginObject();
        w.member("at", e.at.seconds());
        w.member("action", e.action);
        w.member("comment_id", e.comment_id.value);
        w.member("proposal_id", e.proposal_id.value);
        w.member("reason", renderStoredText(e.reason, call.language));
        w.member("by", e.moderator_role);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return sameForEveryone(jsonResponse(200, w), CommunityId(id));
}

// POST /api/v1/proposals/{id}/supports
ApiResponse support(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto s, consultation.support(call.actor, domain::ProposalId(id)));
    return jsonResponse(201, writeSupports, s);
}

// DELETE /api/v1/proposals/{id}/supports/mine
ApiResponse withdrawSupport(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto s, consultation.withdrawSupport(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, writeSupports, s);
}

// GET /api/v1/proposals/{id}/supports
ApiResponse supports(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto s, consultation.supports(call.actor, domain::ProposalId(id)));
    return jsonResponse(200, writeSupports, s);
}

// POST /api/v1/proposals/{id}/meetings
ApiResponse scheduleMeeting(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(std::string mode_text, requireString(call.body, "mode"));
    domain::MeetingMode mode;
    if (!domain::parseMeetingMode(mode_text, &mode)) {
        return fail(call, Status::invalid("body.mode", "mode is online, offline or hybrid."));
    }
    YISHI_HANDLER_ASSIGN(Instant starts_at, requireTime(call.body, "starts_at"));
    YISHI_HANDLER_ASSIGN(std::string place, requireString(call.body, "place"));
    YISHI_HANDLER_ASSIGN(auto m,
                         consultation.scheduleMeeting(call.actor, domain::ProposalId(id), mode, starts_at, place));
    return jsonResponse(201, writeMeeting, m);
}

// GET /api/v1/proposals/{id}/meetings
ApiResponse listMeetings(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto list, consultation.meetings(call.actor, domain::ProposalId(id)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const domain::Meeting& m : list) writeMeeting(w, m);
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// POST /api/v1/meetings/{id}/minutes
ApiResponse recordMeeting(domain::ConsultationService& consultation, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_ASSIGN(std::string minutes, requireString(call.body, "minutes"));
    YISHI_HANDLER_ASSIGN(std::int64_t attendance, requireInt(call.body, "attendance"));
    YISHI_HANDLER_ASSIGN(auto m, consultation.recordMeeting(call.actor, domain::MeetingId(id), minutes, attendance));
    return jsonResponse(200, writeMeeting, m);
}

}  // namespace

void addConsultationRoutes(Router& router, domain::ConsultationService& consultation) {
    router.add("POST", "/api/v1/proposals/{id}/comments", Access::kSession, with(consultation, postComment));
    router.add("GET", "/api/v1/proposals/{id}/comments", Access::kPublicCached, with(consultation, listComments));
    router.add("PUT", "/api/v1/comments/{id}", Access::kSession, with(consultation, editComment));
    router.add("DELETE", "/api/v1/comments/{id}", Access::kSession, with(consultation, withdrawComment));
    router.add("GET", "/api/v1/comments/{id}/revisions", Access::kSession, with(consultation, commentRevisions));
    router.add("POST", "/api/v1/comments/{id}/reports", Access::kSession, with(consultation, reportComment));
    router.add("POST", "/api/v1/comments/{id}/moderation", Access::kSession, with(consultation, moderateComment));
    router.add("GET", "/api/v1/communities/{id}/moderation-queue", Access::kSession, with(consultation, reviewQueue));
    router.add("GET", "/api/v1/communities/{id}/moderation-log", Access::kPublicCached,
               with(consultation, moderationLog));
    router.add("POST", "/api/v1/proposals/{id}/supports", Access::kSession, with(consultation, support));
    router.add("GET", "/api/v1/proposals/{id}/supports", Access::kPublicCached, with(consultation, supports));
    router.add("DELETE", "/api/v1/proposals/{id}/supports/mine", Access::kSession, with(consultation, withdrawSupport));
    router.add("POST", "/api/v1/proposals/{id}/meetings", Access::kSession, with(consultation, scheduleMeeting));
    router.add("GET", "/api/v1/proposals/{id}/meetings", Access::kPublicCached, with(consultation, listMeetings));
    router.add("POST", "/api/v1/meetings/{id}/minutes", Access::kSession, with(consultation, recordMeeting));
}

}  // namespace yishi::http
