#include "council_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::RepresentativeService;

void writeRepresentative(JsonWriter& w, const domain::Representative& r) {
    w.beginObject();
    w.member("id", r.id);
    w.member("community_id", r.community_id.value);
    w.member("user_id", r.user_id.value);
    w.member("display_name", r.display_name);
    w.member("started_at", r.started_at.seconds());
    w.member("ended_at", orNull(r.ended_at));
    w.member("end_reason", valueOrNull(r.ended_at != Instant(), r.end_reason));
    w.endObject();
}

void writeRepresentatives(JsonWriter& w, const std::vector<domain::Representative>& list) {
    w.beginObject();
    w.key("items").beginArray();
    for (const domain::Representative& r : list) writeRepresentative(w, r);
    w.endArray();
    w.endObject();
}

void writeInvitation(JsonWriter& w, const domain::Invitation& i) {
    w.beginObject();
    w.member("meeting_id", i.meeting_id.value);
    w.member("user_id", i.user_id.value);
    w.member("display_name", i.display_name);
    w.member("representative", i.representative);
    w.member("answer", domain::invitationAnswerName(i.answer));
    w.member("invited_at", i.invited_at.seconds());
    w.member("answered_at", orNull(i.answered_at));
    w.member("attended", valueOrNull(i.attended >= 0, i.attended == 1));
    w.endObject();
}

void writeInvitations(JsonWriter& w, const std::vector<domain::Invitation>& list) {
    std::int64_t came = 0;
    bool recorded = false;
    for (const domain::Invitation& i : list) {
        recorded = recorded || i.attended >= 0;
        came += i.attended == 1 ? 1 : 0;
    }
    w.beginObject();
    w.key("items").beginArray();
    for (const domain::Invitation& i : list) writeInvitation(w, i);
    w.endArray();
    w.member("attended", valueOrNull(recorded, came));
    w.endObject();
}

Result<std::vector<UserId>> userIds(const Value& body, const std::string& name) {
    std::vector<UserId> out;
    if (!hasField(body, name)) return out;
    const Value& v = *body.find(name);
    if (!v.isArray()) return Status::invalid("body.wrong_type", "Field \"" + name + "\" must be an array of user ids.");
    for (const Value& u : v.asArray()) {
        if (!u.isInt())
            return Status::invalid("body.wrong_type", "Field \"" + name + "\" must be an array of user ids.");
        out.push_back(UserId(u.asInt()));
    }
    return out;
}

// GET /api/v1/communities/{id}/representatives
ApiResponse list(RepresentativeService& reps, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto list, reps.list(CommunityId(community)));
    return jsonResponse(200, writeRepresentatives, list);
}

// POST /api/v1/communities/{id}/representatives
ApiResponse designate(RepresentativeService& reps, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"user_id"}));
    YISHI_HANDLER_ASSIGN(std::int64_t user, requireInt(call.body, "user_id"));
    YISHI_HANDLER_ASSIGN(auto r, reps.designate(call.actor, CommunityId(community), UserId(user)));
    return jsonResponse(201, writeRepresentative, r);
}

// POST /api/v1/representatives/{id}/end
ApiResponse end(RepresentativeService& reps, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "representative"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"reason"}));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto r, reps.end(call.actor, id, reason));
    return jsonResponse(200, writeRepresentative, r);
}

// GET /api/v1/meetings/{id}/invitations
ApiResponse invitations(RepresentativeService& reps, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_ASSIGN(auto list, reps.invitations(domain::MeetingId(id)));
    return jsonResponse(200, writeInvitations, list);
}

// POST /api/v1/meetings/{id}/invitations
ApiResponse invite(RepresentativeService& reps, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"representatives", "user_ids"}));
    YISHI_HANDLER_ASSIGN(bool representatives, optionalBool(call.body, "representatives", false));
    YISHI_HANDLER_ASSIGN(auto users, userIds(call.body, "user_ids"));
    YISHI_HANDLER_ASSIGN(auto list, reps.invite(call.actor, domain::MeetingId(id), representatives, users));
    return jsonResponse(200, writeInvitations, list);
}

// PUT /api/v1/meetings/{id}/invitations/mine
ApiResponse answer(RepresentativeService& reps, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"answer"}));
    YISHI_HANDLER_ASSIGN(std::string text, requireString(call.body, "answer"));
    domain::InvitationAnswer a = domain::InvitationAnswer::kPending;
    if (!domain::parseInvitationAnswer(text, &a)) {
        return fail(call, Status::invalid("invitation.answer", "Answer \"attend\" or \"decline\"."));
    }
    YISHI_HANDLER_ASSIGN(auto i, reps.answer(call.actor, domain::MeetingId(id), a));
    return jsonResponse(200, writeInvitation, i);
}

// PUT /api/v1/meetings/{id}/attendance
ApiResponse attendance(RepresentativeService& reps, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "meeting"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"attended"}));
    if (!hasField(call.body, "attended")) {
        return fail(call, Status::invalid("body.missing_field", "Field \"attended\" is required."));
    }
    YISHI_HANDLER_ASSIGN(auto users, userIds(call.body, "attended"));
    YISHI_HANDLER_ASSIGN(auto list, reps.recordAttendance(call.actor, domain::MeetingId(id), users));
    return jsonResponse(200, writeInvitations, list);
}

}  // namespace

void addRepresentativeRoutes(Router& router, RepresentativeService& reps) {
    router.add("GET", "/api/v1/communities/{id}/representatives", Access::kPublicCached, with(reps, list));
    router.add("POST", "/api/v1/communities/{id}/representatives", Access::kSession, with(reps, designate));
    router.add("POST", "/api/v1/representatives/{id}/end", Access::kSession, with(reps, end));
    // Not cached: whether answers are still taken changes with the clock alone.
    router.add("GET", "/api/v1/meetings/{id}/invitations", Access::kPublic, with(reps, invitations));
    router.add("POST", "/api/v1/meetings/{id}/invitations", Access::kSession, with(reps, invite));
    router.add("PUT", "/api/v1/meetings/{id}/invitations/mine", Access::kSession, with(reps, answer));
    router.add("PUT", "/api/v1/meetings/{id}/attendance", Access::kSession, with(reps, attendance));
}

}  // namespace yishi::http
