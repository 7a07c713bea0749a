#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/status.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// 公开之栏, notices (docs/noticeboard.md): what the committee announces to
// its community. A notice is never edited: each change is a new version of
// it (a correction with its reason, or a withdrawal with its reason), and
// the newest version is what the notice says now.
enum class NoticeKind {
    kGeneral,   // 通知
    kElection,  // 换届选举公告
    kMeeting,   // 会议通知
    kOutage,    // 停水停电、施工
    kActivity,  // 活动
};

enum class NoticeVersionKind { kPublished, kCorrected, kWithdrawn };

// How a notice stands at an instant: withdrawn wins over expired.
enum class NoticeStatus { kCurrent, kExpired, kWithdrawn };

const char* noticeKindName(NoticeKind kind);
bool parseNoticeKind(const std::string& text, NoticeKind* kind);
const char* noticeVersionKindName(NoticeVersionKind kind);
bool parseNoticeVersionKind(const std::string& text, NoticeVersionKind* kind);
const char* noticeStatusName(NoticeStatus status);

// A file that goes with a notice, named by its content's SHA-256: the
// server keeps the hash, not the file, so that anyone holding a copy (a
// printed notice's scan, a PDF sent in a group chat) can check that it is
// the one announced.
struct NoticeAttachment {
    std::string sha256;  // 64 lower-case hex digits
    std::int64_t size_bytes = 0;
    std::string media_type;  // "application/pdf"
    std::string file_name;
};

inline constexpr std::size_t kMaxNoticeAttachments = 10;
inline constexpr std::int64_t kMaxAttachmentBytes = std::int64_t{1} << 40;  // 1 TiB: a bound, not a policy

// invalid "attachment.sha256", "attachment.size", "attachment.media_type",
// "file_name.invalid"; "attachment.too_many" for more than kMaxNoticeAttachments.
Status validateAttachments(const std::vector<NoticeAttachment>& attachments);

// One version of a notice. A withdrawal repeats the content of the version
// it withdraws, so that the newest version always holds the whole notice.
struct NoticeVersion {
    std::int64_t id = 0;
    std::int64_t notice_id = 0;
    NoticeVersionKind kind = NoticeVersionKind::kPublished;
    NoticeKind notice_kind = NoticeKind::kGeneral;
    std::string title;
    std::string body;
    Instant at;
    Instant expires_at;  // the epoch: no expiry
    UserId by;
    std::string reason;  // corrections and withdrawals
    std::vector<NoticeAttachment> attachments;
};

// A notice as it stands: its first publication and its newest version.
struct Notice {
    std::int64_t id = 0;
    CommunityId community_id;
    Instant published_at;
    UserId published_by;
    NoticeVersion current;  // the newest version
    int corrections = 0;    // versions that corrected it
};

NoticeStatus noticeStatus(const Notice& notice, Instant now);

}  // namespace yishi::domain
