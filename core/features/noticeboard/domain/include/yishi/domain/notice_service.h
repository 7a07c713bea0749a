#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/notice.h"
#include "yishi/domain/page.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// 公开之栏, notices (docs/noticeboard.md). Anyone reads a community's
// notices and their archive; those who run the community (its committee, a
// district admin) and the staff of its street publish them, correct them
// and withdraw them, each change a new version with a Change of the
// notice's trace in the same transaction. Thread-safe.
class NoticeService {
  public:
    struct Input {
        NoticeKind kind = NoticeKind::kGeneral;
        std::string title;
        std::string body;
        Instant expires_at;  // the epoch: no expiry
        std::vector<NoticeAttachment> attachments;
    };

    struct Version {
        NoticeVersion version;
        std::string by_name;
        std::string by_role;  // as Actor::publicRoleIn
    };

    struct View {
        Notice notice;
        NoticeStatus status = NoticeStatus::kCurrent;
        std::vector<Version> versions;  // oldest first
        bool may_change = false;        // the caller may correct or withdraw it now
    };

    struct Summary {
        Notice notice;
        NoticeStatus status = NoticeStatus::kCurrent;
    };

    NoticeService(Database& db, const Clock& clock);

    // Publishes a notice now. Signed in (unauthenticated "session.required"),
    // and one who may post in the community (forbidden "notice.forbidden").
    // invalid "title.invalid" (1-200 characters), "body.invalid" (1-20,000),
    // "notice.expiry" (not after now), the attachments' codes
    // (validateAttachments); not_found "community.not_found".
    Result<View> publish(const Actor& actor, CommunityId community, const Input& input);
    // A new version that says what the notice says now, with why it changed
    // (invalid "notice.reason_required", "reason.invalid"). The same checks
    // as publish, and not_found "notice.not_found", conflict
    // "notice.withdrawn".
    Result<View> correct(const Actor& actor, std::int64_t id, const Input& input, const std::string& reason);
    // Withdraws the notice, with why. The errors of correct.
    Result<View> withdraw(const Actor& actor, std::int64_t id, const std::string& reason);

    // Public. not_found "notice.not_found".
    Result<View> get(const Actor& actor, std::int64_t id);
    // The archive, newest first, expired and withdrawn ones too (marked by
    // their status). not_found "community.not_found".
    Result<Page<Summary>> list(CommunityId community, std::optional<NoticeKind> kind, PageRequest page);

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
