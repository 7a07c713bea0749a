#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/audit.h"
#include "yishi/domain/page.h"

// Notifications (docs/notifications.md): an inbox item per person for what
// concerns them, what they follow, what they choose to receive, and the
// district's outbound delivery of items to other channels.
namespace yishi::domain {

// What an item is about; a person may mute each kind.
namespace notification_kinds {
inline constexpr const char* kState = "state";      // a state change of what they raised or follow
inline constexpr const char* kReply = "reply";      // a reply to their comment or to what they raised
inline constexpr const char* kMeeting = "meeting";  // a meeting on what they raised or follow
inline constexpr const char* kVote = "vote";        // a vote they may cast opens or closes
inline constexpr const char* kDue = "due";          // staff: a deadline draws near or passed
inline constexpr const char* kCase = "case";        // staff: a case they hold, or one nobody holds yet
// The community's news to its residents: a notice published, a poll, a call for topics.
inline constexpr const char* kCommunity = "community";
}  // namespace notification_kinds

// Every kind above, in the order the preferences list them.
const std::vector<std::string>& notificationKinds();
bool isNotificationKind(const std::string& kind);

struct Notification {
    std::int64_t id = 0;
    UserId user;
    std::string kind;          // notification_kinds
    std::string detail;        // what exactly: the change's action ("proposal.accept") or "vote.opened", ...
    std::string subject_kind;  // "proposal", "election"
    std::int64_t subject_id = 0;
    CommunityId community;
    UserId actor;       // who acted (invalid: the system, or time)
    std::string title;  // the subject's title when the item was made
    bool urgent = false;
    Instant created_at;
    Instant read_at;   // unset: unread
    Instant event_at;  // when what it is about happens (a meeting's start); unset: nothing to name
};

// Minutes of the local day (0..1439) a quiet time starts and ends; equal:
// never quiet. Spans midnight when start > end.
struct QuietHours {
    int start = 22 * 60;
    int end = 7 * 60;
};

struct NotificationPreferences {
    std::set<std::string> muted;      // kinds not wanted at all
    bool webhook = false;             // also through the district's webhook (SMS, a messaging app)
    std::string email;                // also by mail to this address (empty: no mail)
    std::optional<QuietHours> quiet;  // their own quiet hours (none: the district's)
};

// A district's outbound delivery: a webhook (HTTP POST of JSON, signed with
// the secret; https:// verified against the system's trust store and the
// district's own CA) and/or SMTP (STARTTLS, AUTH with a user name); and the
// district's quiet hours.
struct DeliverySettings {
    std::string webhook_url;  // empty: no webhook
    std::string webhook_secret;
    std::string webhook_ca_pem;  // PEM certificates trusted besides the system's (empty: the system's only)
    std::string smtp_host;       // empty: no mail
    int smtp_port = 25;
    std::string smtp_from;
    bool smtp_starttls = false;  // STARTTLS before anything else (required with a user name)
    std::string smtp_user;       // empty: no AUTH
    std::string smtp_password;   // write-only: never shown
    QuietHours quiet;
    Instant updated_at;
    UserId updated_by;
};

enum class DeliveryStatus { kPending, kSent, kFailed };
const char* deliveryStatusName(DeliveryStatus status);
bool parseDeliveryStatus(const std::string& text, DeliveryStatus* status);

// One item to send on one channel; attempts back off until one succeeds or
// the cap is reached.
struct Delivery {
    std::int64_t id = 0;
    std::int64_t notification_id = 0;
    DistrictId district;
    std::string channel;  // "webhook" or "email"
    std::string target;   // the mail address (webhook: empty)
    DeliveryStatus status = DeliveryStatus::kPending;
    int attempts = 0;
    Instant next_attempt_at;
    std::string last_error;
    Instant created_at;
    Instant sent_at;
};

// A proposal, election or deadline as the processor needs it to decide who
// hears of a change.
struct ProposalFacts {
    std::int64_t id = 0;
    CommunityId community;
    DistrictId district;
    UserId author;
    std::string title;
};

struct ElectionFacts {
    std::int64_t id = 0;
    std::string title;
    DistrictId district;
    std::string scope_kind;  // "community", "street", "district"
    std::int64_t scope_id = 0;
    CommunityId community;  // a community's election only
    Instant opens_at;
    Instant closes_at;
    bool ceremony = false;  // its trustees have not finished setting it up: not open yet, whatever opens_at says
};

// An open escalation (一键派单) and its deadline, for the staff it waits on.
struct EscalationDue {
    std::int64_t id = 0;
    std::int64_t proposal_id = 0;
    std::string level;  // "street" or "district"
    std::int64_t street_id = 0;
    DistrictId district;
    Instant due_at;
};

class NotificationStore {
  public:
    virtual ~NotificationStore() = default;

    // The processor's cursor over audit_log, and the rows after it.
    virtual std::int64_t cursor() = 0;
    virtual void setCursor(std::int64_t audit_id) = 0;
    virtual std::vector<AuditEntry> changesAfter(std::int64_t audit_id, int limit) = 0;

    // Facts of subjects, as they are now.
    virtual std::optional<ProposalFacts> proposal(std::int64_t id) = 0;
    // A comment's proposal id, author and the author of the comment it answers (invalid: top level).
    struct CommentFacts {
        std::int64_t proposal_id = 0;
        UserId author;
        UserId parent_author;
    };
    virtual std::optional<CommentFacts> comment(std::int64_t id) = 0;
    virtual std::optional<ElectionFacts> election(std::int64_t id) = 0;
    // A suggestion recorded from a meeting (docs/council.md): its proposal
    // and the resident who made it (invalid: a plain name); no parent.
    virtual std::optional<CommentFacts> meetingSuggestion(std::int64_t id) = 0;
    // A meeting: its proposal and when it begins.
    struct MeetingFacts {
        std::int64_t id = 0;
        std::int64_t proposal_id = 0;
        Instant starts_at;
    };
    virtual std::optional<MeetingFacts> meeting(std::int64_t id) = 0;
    // What the community posts to all its residents (a notice, a poll, a
    // call for topics, by subject kind "notice", "poll", "topic_call"):
    // its community, district and title as it is now.
    struct PostFacts {
        CommunityId community;
        DistrictId district;
        std::string title;
    };
    virtual std::optional<PostFacts> communityPost(const std::string& subject_kind, std::int64_t id) = 0;
    // Those invited to the meeting who answered "attend".
    virtual std::vector<UserId> attending(std::int64_t meeting) = 0;
    // Who is responsible now for the case of a proposal (invalid: nobody
    // yet); nothing when the proposal has no case.
    virtual std::optional<UserId> caseAssignee(std::int64_t proposal) = 0;

    // Who: followers of a proposal, those granted `role` ("committee",
    // "street_staff", "district_admin") on a scope, the verified residents
    // within a scope ("community"/"street"/"district").
    virtual std::vector<UserId> followers(std::int64_t proposal) = 0;
    virtual std::vector<UserId> granted(const std::string& role, const std::string& scope_kind,
                                        std::int64_t scope_id) = 0;
    virtual std::vector<UserId> residentsWithin(const std::string& scope_kind, std::int64_t scope_id) = 0;

    // Follows. follow() is false when already following.
    virtual bool follow(UserId user, std::int64_t proposal, Instant at) = 0;
    virtual bool unfollow(UserId user, std::int64_t proposal) = 0;
    virtual bool follows(UserId user, std::int64_t proposal) = 0;

    // The inbox, newest first.
    virtual std::int64_t insertNotification(const Notification& n) = 0;
    virtual std::optional<Notification> notification(std::int64_t id) = 0;
    virtual Page<Notification> inbox(UserId user, bool unread_only, PageRequest page) = 0;
    virtual std::int64_t unreadCount(UserId user) = 0;
    virtual bool markRead(std::int64_t id, Instant at) = 0;
    virtual std::int64_t markAllRead(UserId user, Instant at) = 0;

    virtual std::optional<NotificationPreferences> preferences(UserId user) = 0;
    virtual void savePreferences(UserId user, const NotificationPreferences& p, Instant at) = 0;

    virtual std::optional<DeliverySettings> deliverySettings(DistrictId district) = 0;
    virtual void saveDeliverySettings(DistrictId district, const DeliverySettings& s) = 0;

    virtual std::int64_t insertDelivery(const Delivery& d) = 0;
    virtual std::optional<Delivery> delivery(std::int64_t id) = 0;
    // Pending deliveries whose next attempt is at or before `now`, oldest first.
    virtual std::vector<Delivery> dueDeliveries(Instant now, int limit) = 0;
    virtual void updateDelivery(const Delivery& d) = 0;
    // Newest first.
    virtual Page<Delivery> deliveries(DistrictId district, PageRequest page) = 0;

    // Retention: whether anything is older than `before` to prune, and
    // pruning up to `limit` of each: finished deliveries (sent or failed)
    // made before it, then read items made before it with no delivery
    // left. Unread items and pending deliveries are never touched. Returns
    // how many rows went.
    virtual bool prunable(Instant before) = 0;
    virtual int prune(Instant before, int limit) = 0;

    // Time-driven items: proposals and escalations with a deadline to
    // announce, elections opening or closing at or before `until` not yet
    // announced. markDue() is false when (what, id, phase) was marked before.
    // Deadlines in (since, until] whose passing is not yet marked count;
    // the domain applies the overdue rules to what this finds.
    virtual std::vector<std::int64_t> proposalsWithDeadlineBetween(Instant since, Instant until) = 0;
    virtual std::vector<std::int64_t> electionsChangingBefore(Instant until) = 0;
    // Escalations still open whose deadline is in (since, until] and whose passing is not yet marked.
    virtual std::vector<EscalationDue> escalationsDueBetween(Instant since, Instant until) = 0;
    // Meetings beginning in (since, until] that someone will attend and whose reminder is not yet marked.
    virtual std::vector<MeetingFacts> meetingsStartingBetween(Instant since, Instant until) = 0;
    virtual bool dueMarked(const std::string& what, std::int64_t id, const std::string& phase) = 0;
    virtual bool markDue(const std::string& what, std::int64_t id, const std::string& phase, Instant at) = 0;
};

// The pure rules: quiet hours in the district's time zone.
bool inQuietHours(const QuietHours& quiet, Instant at, Duration utc_offset);
// The first instant at or after `at` outside the quiet hours.
Instant endOfQuietHours(const QuietHours& quiet, Instant at, Duration utc_offset);
// The wait after the n-th failed attempt (n >= 1): 30 s doubling, at most an hour.
Duration deliveryBackoff(int failed_attempts);
inline constexpr int kMaxDeliveryAttempts = 8;
// Read items and finished deliveries older than this are pruned unless the
// server is told otherwise (yishi.notifications_retention_days).
inline constexpr int kDefaultRetentionDays = 180;
// A reminder goes this long before a deadline.
inline constexpr Duration kReminderLead = Duration::hours(2);
// Deadlines that passed longer ago than this (the server was down) are not
// announced any more: the scan for what falls due stays small.
inline constexpr Duration kDueHorizon = Duration::days(7);

}  // namespace yishi::domain
