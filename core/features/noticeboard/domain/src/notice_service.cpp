#include "yishi/domain/notice_service.h"

#include <utility>

#include "yishi/domain/noticeboard_changes.h"
#include "yishi/domain/noticeboard_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxBody = 20000;
constexpr std::size_t kMaxReason = 1000;

Status notFound() { return Status::notFound("notice.not_found", "There is no such notice."); }

// Who posts on a community's board: those who run it, and the staff of its
// street (a street's 换届 notices go up on every community's board).
bool mayPost(const Actor& actor, const Community& community) {
    return actor.isAuthenticated() && (actor.canManage(community) || actor.isStreetStaff(community.street_id));
}

Status requirePoster(const Actor& actor, const Community& community) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (mayPost(actor, community)) return Status::ok();
    return Status::forbidden("notice.forbidden",
                             "Only this community's committee and its street's staff post on its board.");
}

Status validInput(const NoticeService::Input& input, Instant now) {
    YISHI_RETURN_IF_ERROR(validateName("title", input.title, kMaxTitle));
    YISHI_RETURN_IF_ERROR(validateName("body", input.body, kMaxBody));
    if (input.expires_at != Instant() && input.expires_at <= now) {
        return Status::invalid("notice.expiry", "A notice expires after it is published (expires_at).");
    }
    return validateAttachments(input.attachments);
}

NoticeVersion versionOf(const NoticeService::Input& input, NoticeVersionKind kind, Instant now, UserId by) {
    NoticeVersion v;
    v.kind = kind;
    v.notice_kind = input.kind;
    v.title = input.title;
    v.body = input.body;
    v.at = now;
    v.expires_at = input.expires_at;
    v.by = by;
    v.attachments = input.attachments;
    return v;
}

NoticeService::View viewOf(Stores& s, const Actor& actor, Notice notice, const Community& community, Instant now) {
    NoticeService::View v;
    v.status = noticeStatus(notice, now);
    for (NoticeVersion& version : s.get<NoticeStore>().versions(notice.id)) {
        NoticeService::Version out{std::move(version), "", "resident"};
        if (std::optional<User> u = s.users.user(out.version.by)) {
            out.by_name = u->display_name;
            out.by_role = Actor(*u, s.users.grants(u->id), {}).publicRoleIn(community);
        }
        v.versions.push_back(std::move(out));
    }
    v.may_change = mayPost(actor, community) && v.status != NoticeStatus::kWithdrawn;
    v.notice = std::move(notice);
    return v;
}

}  // namespace

NoticeService::NoticeService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<NoticeService::View> NoticeService::publish(const Actor& actor, CommunityId community, const Input& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(validInput(input, now));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        YISHI_RETURN_IF_ERROR(requirePoster(actor, *c));
        const std::int64_t id = s.get<NoticeStore>().insertNotice(
            community, versionOf(input, NoticeVersionKind::kPublished, now, actor.userId()));
        s.record({changes::kNoticePublished, now, actor.userId(), id, community, input.title});
        view = viewOf(s, actor, *s.get<NoticeStore>().notice(id), *c, now);
        return Status::ok();
    }));
    return view;
}

namespace {

// Appends `version` to notice `id` for one who may post, unless withdrawn.
Result<NoticeService::View> appendVersion(Database& db, const Actor& actor, std::int64_t id, Instant now,
                                          NoticeVersion version, const ChangeKind& change) {
    NoticeService::View view;
    YISHI_RETURN_IF_ERROR(db.write([&](Stores& s) {
        std::optional<Notice> n = s.get<NoticeStore>().notice(id);
        if (!n) return notFound();
        std::optional<Community> c = s.scopes.community(n->community_id);
        if (!c) return notFound();
        YISHI_RETURN_IF_ERROR(requirePoster(actor, *c));
        if (n->current.kind == NoticeVersionKind::kWithdrawn) {
            return Status::conflict("notice.withdrawn", "This notice was withdrawn; publish a new one instead.");
        }
        if (version.kind == NoticeVersionKind::kWithdrawn) {
            // A withdrawal says what was withdrawn: the notice as it stood.
            NoticeVersion withdrawal = n->current;
            withdrawal.kind = NoticeVersionKind::kWithdrawn;
            withdrawal.at = version.at;
            withdrawal.by = version.by;
            withdrawal.reason = version.reason;
            version = std::move(withdrawal);
        }
        version.notice_id = id;
        s.get<NoticeStore>().insertVersion(version);
        s.record({change, now, actor.userId(), id, n->community_id, version.reason});
        view = viewOf(s, actor, *s.get<NoticeStore>().notice(id), *c, now);
        return Status::ok();
    }));
    return view;
}

Status validReason(const std::string& reason, const char* what) {
    if (reason.empty()) return Status::invalid("notice.reason_required", std::string("Say why the notice is ") + what);
    return validateText("reason", reason, kMaxReason);
}

}  // namespace

Result<NoticeService::View> NoticeService::correct(const Actor& actor, std::int64_t id, const Input& input,
                                                   const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(validInput(input, now));
    YISHI_RETURN_IF_ERROR(validReason(reason, "corrected."));
    NoticeVersion v = versionOf(input, NoticeVersionKind::kCorrected, now, actor.userId());
    v.reason = reason;
    return appendVersion(db_, actor, id, now, std::move(v), changes::kNoticeCorrected);
}

Result<NoticeService::View> NoticeService::withdraw(const Actor& actor, std::int64_t id, const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validReason(reason, "withdrawn."));
    const Instant now = clock_.now();
    NoticeVersion v;
    v.kind = NoticeVersionKind::kWithdrawn;
    v.at = now;
    v.by = actor.userId();
    v.reason = reason;
    return appendVersion(db_, actor, id, now, std::move(v), changes::kNoticeWithdrawn);
}

Result<NoticeService::View> NoticeService::get(const Actor& actor, std::int64_t id) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Notice> n = s.get<NoticeStore>().notice(id);
        if (!n) return notFound();
        std::optional<Community> c = s.scopes.community(n->community_id);
        if (!c) return notFound();
        view = viewOf(s, actor, std::move(*n), *c, clock_.now());
        return Status::ok();
    }));
    return view;
}

Result<Page<NoticeService::Summary>> NoticeService::list(CommunityId community, std::optional<NoticeKind> kind,
                                                         PageRequest page) {
    Page<Summary> out;
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        Page<Notice> notices = s.get<NoticeStore>().list(community, kind, page.clamped());
        out.next_after = notices.next_after;
        for (Notice& n : notices.items) {
            const NoticeStatus status = noticeStatus(n, now);
            out.items.push_back({std::move(n), status});
        }
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
