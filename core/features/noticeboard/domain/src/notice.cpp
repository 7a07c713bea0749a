#include "yishi/domain/notice.h"

#include <utility>

#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::pair<NoticeKind, const char*> kKinds[] = {{NoticeKind::kGeneral, "general"},
                                                         {NoticeKind::kElection, "election"},
                                                         {NoticeKind::kMeeting, "meeting"},
                                                         {NoticeKind::kOutage, "outage"},
                                                         {NoticeKind::kActivity, "activity"}};
constexpr std::pair<NoticeVersionKind, const char*> kVersionKinds[] = {{NoticeVersionKind::kPublished, "published"},
                                                                       {NoticeVersionKind::kCorrected, "corrected"},
                                                                       {NoticeVersionKind::kWithdrawn, "withdrawn"}};

bool isHex(const std::string& text) {
    for (char ch : text) {
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
    }
    return true;
}

// type "/" subtype, each a token of RFC 9110 (no parameters): what a browser
// needs to offer the right application.
bool isMediaType(const std::string& text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == text.size() || text.size() > 127) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (i == slash) continue;
        const bool token = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                           std::string_view("!#$&-^_.+").find(ch) != std::string_view::npos;
        if (!token) return false;
    }
    return true;
}

}  // namespace

const char* noticeKindName(NoticeKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "general";
}

bool parseNoticeKind(const std::string& text, NoticeKind* kind) {
    for (const auto& [k, name] : kKinds) {
        if (text == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

const char* noticeVersionKindName(NoticeVersionKind kind) {
    for (const auto& [k, name] : kVersionKinds)
        if (k == kind) return name;
    return "published";
}

bool parseNoticeVersionKind(const std::string& text, NoticeVersionKind* kind) {
    for (const auto& [k, name] : kVersionKinds) {
        if (text == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

const char* noticeStatusName(NoticeStatus status) {
    switch (status) {
        case NoticeStatus::kCurrent: return "current";
        case NoticeStatus::kExpired: return "expired";
        case NoticeStatus::kWithdrawn: return "withdrawn";
    }
    return "current";
}

NoticeStatus noticeStatus(const Notice& notice, Instant now) {
    if (notice.current.kind == NoticeVersionKind::kWithdrawn) return NoticeStatus::kWithdrawn;
    if (notice.current.expires_at != Instant() && notice.current.expires_at <= now) return NoticeStatus::kExpired;
    return NoticeStatus::kCurrent;
}

Status validateAttachments(const std::vector<NoticeAttachment>& attachments) {
    if (attachments.size() > kMaxNoticeAttachments) {
        return Status::invalid("attachment.too_many",
                               "A notice has at most " + std::to_string(kMaxNoticeAttachments) + " attachments.");
    }
    for (const NoticeAttachment& a : attachments) {
        if (a.sha256.size() != 64 || !isHex(a.sha256)) {
            return Status::invalid("attachment.sha256",
                                   "An attachment is named by its SHA-256: 64 lower-case hexadecimal digits.");
        }
        if (a.size_bytes < 1 || a.size_bytes > kMaxAttachmentBytes) {
            return Status::invalid("attachment.size", "An attachment's size is a positive number of bytes.");
        }
        if (!isMediaType(a.media_type)) {
            return Status::invalid("attachment.media_type",
                                   "An attachment's media type is written type/subtype, e.g. application/pdf.");
        }
        YISHI_RETURN_IF_ERROR(validateName("file_name", a.file_name, 200));
        if (a.file_name.find('/') != std::string::npos || a.file_name.find('\\') != std::string::npos) {
            return Status::invalid("file_name.invalid", "A file name has no folder in it.");
        }
    }
    return Status::ok();
}

}  // namespace yishi::domain
