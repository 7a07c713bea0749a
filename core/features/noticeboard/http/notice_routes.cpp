#include "handlers/handler_support.h"
#include "json_io.h"
#include "noticeboard_routes.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::NoticeService;

// The first `max_chars` characters of valid UTF-8 text, with "…" when cut.
std::string excerpt(const std::string& text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == max_chars) {
            return text.substr(0, i) + "…";
        }
    }
    return text;
}

void writeAttachments(JsonWriter& w, const std::vector<domain::NoticeAttachment>& attachments) {
    w.key("attachments").beginArray();
    for (const domain::NoticeAttachment& a : attachments) {
        w.beginObject()
            .member("sha256", a.sha256)
            .member("size_bytes", a.size_bytes)
            .member("media_type", a.media_type)
            .member("file_name", a.file_name)
            .endObject();
    }
    w.endArray();
}

void noticeMembers(JsonWriter& w, const domain::Notice& n, domain::NoticeStatus status) {
    w.member("id", n.id);
    w.member("community_id", n.community_id.value);
    w.member("kind", domain::noticeKindName(n.current.notice_kind));
    w.member("title", n.current.title);
    w.member("published_at", n.published_at.seconds());
    w.member("updated_at", n.current.at.seconds());
    w.member("expires_at", orNull(n.current.expires_at));
    w.member("status", domain::noticeStatusName(status));
    w.member("corrections", n.corrections);
    w.member("withdrawal_reason",
             valueOrNull(n.current.kind == domain::NoticeVersionKind::kWithdrawn, n.current.reason));
}

void writeSummary(JsonWriter& w, const NoticeService::Summary& s) {
    w.beginObject();
    noticeMembers(w, s.notice, s.status);
    w.member("excerpt", excerpt(s.notice.current.body, 80));
    w.endObject();
}

void writeNotice(JsonWriter& w, const NoticeService::View& v) {
    w.beginObject();
    noticeMembers(w, v.notice, v.status);
    w.member("body", v.notice.current.body);
    writeAttachments(w, v.notice.current.attachments);
    w.key("versions").beginArray();
    for (const NoticeService::Version& version : v.versions) {
        const domain::NoticeVersion& x = version.version;
        w.beginObject();
        w.member("id", x.id);
        w.member("kind", domain::noticeVersionKindName(x.kind));
        w.member("at", x.at.seconds());
        w.key("by").beginObject().member("display_name", version.by_name).member("role", version.by_role).endObject();
        w.member("reason", x.reason);
        w.member("notice_kind", domain::noticeKindName(x.notice_kind));
        w.member("title", x.title);
        w.member("body", x.body);
        w.member("expires_at", orNull(x.expires_at));
        writeAttachments(w, x.attachments);
        w.endObject();
    }
    w.endArray();
    w.member("may_change", v.may_change);
    w.endObject();
}

Status wrongType(const std::string& name, const char* what) {
    return Status::invalid("body.wrong_type", "Field \"" + name + "\" must be " + what + ".");
}

Result<domain::NoticeKind> kindOf(const std::string& text) {
    domain::NoticeKind kind;
    if (!domain::parseNoticeKind(text, &kind)) {
        return Status::invalid("notice.kind", "kind is general, election, meeting, outage or activity.");
    }
    return kind;
}

Result<std::vector<domain::NoticeAttachment>> attachmentsOf(const Value& body) {
    std::vector<domain::NoticeAttachment> out;
    if (!hasField(body, "attachments")) return out;
    const Value& list = *body.find("attachments");
    if (!list.isArray()) return wrongType("attachments", "an array");
    for (const Value& item : list.asArray()) {
        if (!item.isObject()) return wrongType("attachments", "an array of objects");
        YISHI_RETURN_IF_ERROR(onlyFields(item, {"sha256", "size_bytes", "media_type", "file_name"}));
        domain::NoticeAttachment a;
        YISHI_ASSIGN_OR_RETURN(a.sha256, requireString(item, "sha256"));
        YISHI_ASSIGN_OR_RETURN(a.size_bytes, requireInt(item, "size_bytes"));
        YISHI_ASSIGN_OR_RETURN(a.media_type, requireString(item, "media_type"));
        YISHI_ASSIGN_OR_RETURN(a.file_name, requireString(item, "file_name"));
        out.push_back(std::move(a));
    }
    return out;
}

Result<NoticeService::Input> inputOf(const Value& body) {
    NoticeService::Input in;
    YISHI_ASSIGN_OR_RETURN(std::string kind, requireString(body, "kind"));
    YISHI_ASSIGN_OR_RETURN(in.kind, kindOf(kind));
    YISHI_ASSIGN_OR_RETURN(in.title, requireString(body, "title"));
    YISHI_ASSIGN_OR_RETURN(in.body, requireString(body, "body"));
    if (hasField(body, "expires_at")) {
        YISHI_ASSIGN_OR_RETURN(in.expires_at, requireTime(body, "expires_at"));
    }
    YISHI_ASSIGN_OR_RETURN(in.attachments, attachmentsOf(body));
    return in;
}

// GET /api/v1/communities/{id}/notices
ApiResponse list(NoticeService& notices, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    std::optional<domain::NoticeKind> kind;
    if (const std::string text = call.query.get("kind", ""); !text.empty()) {
        domain::NoticeKind k;
        if (!domain::parseNoticeKind(text, &k)) {
            return fail(
                call, Status::invalid("query.notice_kind", "kind is general, election, meeting, outage or activity."));
        }
        kind = k;
    }
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"kind"}));
    YISHI_HANDLER_ASSIGN(auto result, notices.list(CommunityId(community), kind, page));
    JsonWriter w;
    writePage(w, result, writeSummary);
    return sameForEveryone(jsonResponse(200, w), CommunityId(community));
}

// GET /api/v1/notices/{id}
ApiResponse get(NoticeService& notices, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "notice"));
    YISHI_HANDLER_ASSIGN(auto v, notices.get(call.actor, id));
    return jsonResponse(200, writeNotice, v);
}

// POST /api/v1/communities/{id}/notices
ApiResponse publish(NoticeService& notices, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"kind", "title", "body", "expires_at", "attachments"}));
    YISHI_HANDLER_ASSIGN(auto input, inputOf(call.body));
    YISHI_HANDLER_ASSIGN(auto v, notices.publish(call.actor, CommunityId(community), input));
    return jsonResponse(201, writeNotice, v);
}

// POST /api/v1/notices/{id}/corrections
ApiResponse correct(NoticeService& notices, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "notice"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"kind", "title", "body", "expires_at", "attachments", "reason"}));
    YISHI_HANDLER_ASSIGN(auto input, inputOf(call.body));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto v, notices.correct(call.actor, id, input, reason));
    return jsonResponse(201, writeNotice, v);
}

// POST /api/v1/notices/{id}/withdrawal
ApiResponse withdraw(NoticeService& notices, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "notice"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"reason"}));
    YISHI_HANDLER_ASSIGN(std::string reason, optionalString(call.body, "reason", ""));
    YISHI_HANDLER_ASSIGN(auto v, notices.withdraw(call.actor, id, reason));
    return jsonResponse(200, writeNotice, v);
}

}  // namespace

void addNoticeRoutes(Router& router, NoticeService& notices) {
    router.add("GET", "/api/v1/communities/{id}/notices", Access::kPublicCached, with(notices, list));
    router.add("GET", "/api/v1/notices/{id}", Access::kPublicCached, with(notices, get));
    router.add("POST", "/api/v1/communities/{id}/notices", Access::kSession, with(notices, publish));
    router.add("POST", "/api/v1/notices/{id}/corrections", Access::kSession, with(notices, correct));
    router.add("POST", "/api/v1/notices/{id}/withdrawal", Access::kSession, with(notices, withdraw));
}

}  // namespace yishi::http
