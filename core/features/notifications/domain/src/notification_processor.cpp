#include "yishi/domain/notification_processor.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "yishi/domain/council.h"
#include "yishi/domain/council_changes.h"
#include "yishi/domain/noticeboard_changes.h"
#include "yishi/domain/polls_changes.h"
#include "yishi/domain/proposal.h"
#include "yishi/domain/proposal_store.h"

namespace yishi::domain {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// A proposal's changes that are not a change of its state.
bool isStateChange(const AuditEntry& e) {
    if (e.subject_kind != "proposal") return false;
    if (e.action == "proposal.created" || e.action == "proposal.edited") return false;
    return startsWith(e.action, "proposal.") || startsWith(e.action, "case.");
}

std::set<UserId> authorAndFollowers(NotificationStore& store, const ProposalFacts& p) {
    std::set<UserId> out;
    out.insert(p.author);
    for (UserId u : store.followers(p.id)) out.insert(u);
    return out;
}

Notification itemOf(const AuditEntry& e, const char* kind, const ProposalFacts& p) {
    Notification n;
    n.kind = kind;
    n.detail = e.action;
    n.subject_kind = "proposal";
    n.subject_id = p.id;
    n.community = p.community;
    n.actor = e.actor;
    n.title = p.title;
    n.created_at = e.at;
    return n;
}

// What the community posts to everyone in it.
bool isCommunityPost(const AuditEntry& e) {
    return e.action == changes::kNoticePublished.action || e.action == changes::kPollCreated.action ||
           e.action == changes::kTopicCallOpened.action;
}

bool isMeeting(const AuditEntry& e) { return e.action == "meeting.scheduled" || e.action == "meeting.recorded"; }

// Whether handle() does anything with the change.
bool concernsAnyone(const AuditEntry& e) {
    return e.action == "proposal.created" || e.action == "comment.posted" || isMeeting(e) || isStateChange(e) ||
           e.action == changes::kSuggestionMarked.action || e.action == changes::kMeetingSuggestionMarked.action ||
           e.action == changes::kMeetingInvited.action || isCommunityPost(e);
}

// An item about a meeting: the topic's, naming when the meeting begins.
std::optional<std::pair<Notification, ProposalFacts>> meetingItem(NotificationStore& store, std::int64_t meeting) {
    auto m = store.meeting(meeting);
    if (!m) return std::nullopt;
    auto p = store.proposal(m->proposal_id);
    if (!p) return std::nullopt;
    Notification n;
    n.kind = notification_kinds::kMeeting;
    n.subject_kind = "proposal";
    n.subject_id = p->id;
    n.community = p->community;
    n.title = p->title;
    n.event_at = m->starts_at;
    return std::make_pair(n, *p);
}

// The staff side of a case (docs/cases.md): who is responsible hears of
// being given it and of what the resident says of it (a rating, "not
// solved"); a case nobody holds, new or reopened, goes to the community's
// committee. Who holds it is read now: the one who holds it now acts.
void caseWork(Stores& s, const AuditEntry& e, const ProposalFacts& p, Duration utc_offset) {
    std::string detail;
    if (e.action == "case.opened") {
        detail = "case.waiting";
    } else if (e.action == "case.assigned" || e.action == "case.reassigned") {
        detail = "case.yours";
    } else if (e.action == "case.rated") {
        detail = "case.rating";
    } else if (e.action == "case.reopened") {
        detail = "case.not_solved";
    } else {
        return;
    }
    NotificationStore& store = s.get<NotificationStore>();
    const std::optional<UserId> holder = store.caseAssignee(p.id);
    if (!holder) return;
    std::set<UserId> to;
    if (holder->valid()) {
        // Opened and given to someone at once: the assignment tells them.
        if (detail != "case.waiting") to.insert(*holder);
    } else if (detail != "case.yours") {
        const auto committee = store.granted("committee", "community", p.community.value);
        to.insert(committee.begin(), committee.end());
    }
    Notification n = itemOf(e, notification_kinds::kCase, p);
    n.detail = detail;
    notifyAll(s, to, n, p.district, utc_offset);
}

// One change: its items and automatic follows.
void handle(Stores& s, const AuditEntry& e, Duration utc_offset) {
    NotificationStore& store = s.get<NotificationStore>();
    if (e.action == "proposal.created") {
        if (e.actor.valid()) store.follow(e.actor, e.subject_id, e.at);
        return;
    }
    if (e.action == "comment.posted") {
        auto c = store.comment(e.subject_id);
        if (!c) return;
        auto p = store.proposal(c->proposal_id);
        if (!p) return;
        store.follow(c->author, p->id, e.at);
        // A reply to a comment tells its author; a comment on the topic tells who raised it.
        const UserId to = c->parent_author.valid() ? c->parent_author : p->author;
        notifyAll(s, {to}, itemOf(e, notification_kinds::kReply, *p), p->district, utc_offset);
        return;
    }
    // The committee answered a suggestion (采纳 or not, docs/council.md): its
    // author hears of it, as of a reply.
    if (e.action == changes::kSuggestionMarked.action) {
        auto c = store.comment(e.subject_id);
        if (!c) return;
        auto p = store.proposal(c->proposal_id);
        if (!p) return;
        notifyAll(s, {c->author}, itemOf(e, notification_kinds::kReply, *p), p->district, utc_offset);
        return;
    }
    // Likewise a suggestion made at a meeting, when a resident made it.
    if (e.action == changes::kMeetingSuggestionMarked.action) {
        auto c = store.meetingSuggestion(e.subject_id);
        if (!c || !c->author.valid()) return;
        auto p = store.proposal(c->proposal_id);
        if (!p) return;
        notifyAll(s, {c->author}, itemOf(e, notification_kinds::kReply, *p), p->district, utc_offset);
        return;
    }
    // Invited to a meeting (the reason names whom): the topic and the time.
    if (e.action == changes::kMeetingInvited.action) {
        const UserId invited = invitedUserOf(e.reason);
        auto item = meetingItem(store, e.subject_id);
        if (!invited.valid() || !item) return;
        item->first.detail = e.action;
        item->first.actor = e.actor;
        item->first.created_at = e.at;
        notifyAll(s, {invited}, item->first, item->second.district, utc_offset);
        return;
    }
    // A notice, a poll or a call for topics: every verified resident of the
    // community (not a correction or a withdrawal: the first word is news).
    if (isCommunityPost(e)) {
        auto post = store.communityPost(e.subject_kind, e.subject_id);
        if (!post) return;
        Notification n;
        n.kind = notification_kinds::kCommunity;
        n.detail = e.action;
        n.subject_kind = e.subject_kind;
        n.subject_id = e.subject_id;
        n.community = post->community;
        n.actor = e.actor;
        n.title = post->title;
        n.created_at = e.at;
        const auto residents = store.residentsWithin("community", post->community.value);
        notifyAll(s, std::set<UserId>(residents.begin(), residents.end()), n, post->district, utc_offset);
        return;
    }
    const bool meeting = isMeeting(e);
    if (meeting || isStateChange(e)) {
        auto p = store.proposal(e.subject_id);
        if (!p) return;
        notifyAll(s, authorAndFollowers(store, *p),
                  itemOf(e, meeting ? notification_kinds::kMeeting : notification_kinds::kState, *p), p->district,
                  utc_offset);
        if (startsWith(e.action, "case.")) caseWork(s, e, *p, utc_offset);
    }
}

// Something time alone causes, found on a read and made in a write.
struct DueItem {
    std::string what;  // "proposal.<overdue reason>", "escalation.<level>", "election" or "meeting"
    std::int64_t id = 0;
    std::string phase;     // "reminder@<deadline>", "passed@<deadline>", "opened", "closed"
    bool announce = true;  // false: only marked (its moment went by unannounced, e.g. a later phase came first)
    // A deadline's: the proposal it is about, and the staff it waits on.
    std::int64_t proposal = 0;
    std::string role;
    std::string scope_kind;
    std::int64_t scope_id = 0;
};

// The reminder and the passing of one deadline, each once.
void addDeadline(std::vector<DueItem>& out, const DueItem& base, Instant deadline, Instant now) {
    const std::string at = std::to_string(deadline.seconds());
    // Late once the whole second of the deadline passed, as overdueReasons() says.
    const bool passed = now.seconds() > deadline.seconds();
    if (now + kReminderLead >= deadline) {
        DueItem reminder = base;
        reminder.phase = "reminder@" + at;
        reminder.announce = !passed;
        out.push_back(std::move(reminder));
    }
    if (passed) {
        DueItem passing = base;
        passing.phase = "passed@" + at;
        out.push_back(std::move(passing));
    }
}

std::vector<DueItem> dueItems(Stores& s, Instant now) {
    NotificationStore& store = s.get<NotificationStore>();
    std::vector<DueItem> found;
    for (std::int64_t id : store.proposalsWithDeadlineBetween(now - kDueHorizon, now + kReminderLead)) {
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(ProposalId(id));
        if (!p) continue;
        for (const OverdueRule& rule : overdueRules()) {
            const Instant deadline = deadlineOf(*p, rule.deadline);
            if (deadline == Instant()) continue;
            if (std::find(rule.states.begin(), rule.states.end(), p->state) == rule.states.end()) continue;
            if (std::any_of(rule.ended_by.begin(), rule.ended_by.end(),
                            [&](ProposalMark m) { return markOf(*p, m) != Instant(); }))
                continue;
            addDeadline(found,
                        {std::string("proposal.") + rule.reason, id, "", true, id, "committee", "community",
                         p->community_id.value},
                        deadline, now);
        }
    }
    // An escalation waits on its street's staff, or once forwarded on the district's admins.
    for (const EscalationDue& e : store.escalationsDueBetween(now - kDueHorizon, now + kReminderLead)) {
        const bool street = e.level == "street";
        addDeadline(found,
                    {"escalation." + e.level, e.id, "", true, e.proposal_id, street ? "street_staff" : "district_admin",
                     street ? "street" : "district", street ? e.street_id : e.district.value},
                    e.due_at, now);
    }
    // A meeting's reminder to those who will attend; none once it began.
    for (const NotificationStore::MeetingFacts& m : store.meetingsStartingBetween(now, now + kReminderLead)) {
        found.push_back(
            {"meeting", m.id, "reminder@" + std::to_string(m.starts_at.seconds()), true, m.proposal_id, "", "", 0});
    }
    for (std::int64_t id : store.electionsChangingBefore(now)) {
        std::optional<ElectionFacts> e = store.election(id);
        if (!e) continue;
        const bool closed = now >= e->closes_at;
        // A vote opens when its time has come and its ceremony is over.
        if (now >= e->opens_at && (!e->ceremony || closed))
            found.push_back({"election", id, "opened", !closed, id, "", "", 0});
        if (closed) found.push_back({"election", id, "closed", true, id, "", "", 0});
    }
    std::vector<DueItem> out;
    for (DueItem& item : found) {
        if (!store.dueMarked(item.what, item.id, item.phase)) out.push_back(std::move(item));
    }
    return out;
}

int announce(Stores& s, const DueItem& item, Instant now, Duration utc_offset) {
    NotificationStore& store = s.get<NotificationStore>();
    Notification n;
    n.created_at = now;
    if (item.what == "election") {
        std::optional<ElectionFacts> e = store.election(item.id);
        if (!e) return 0;
        n.kind = notification_kinds::kVote;
        n.detail = "vote." + item.phase;
        n.subject_kind = "election";
        n.subject_id = e->id;
        n.community = e->community;
        n.title = e->title;
        const auto voters = store.residentsWithin(e->scope_kind, e->scope_id);
        return notifyAll(s, std::set<UserId>(voters.begin(), voters.end()), n, e->district, utc_offset);
    }
    if (item.what == "meeting") {
        auto meeting = meetingItem(store, item.id);
        if (!meeting) return 0;
        meeting->first.detail = "meeting.reminder";
        meeting->first.created_at = now;
        const auto attending = store.attending(item.id);
        return notifyAll(s, std::set<UserId>(attending.begin(), attending.end()), meeting->first,
                         meeting->second.district, utc_offset);
    }
    std::optional<ProposalFacts> p = store.proposal(item.proposal);
    if (!p) return 0;
    const bool passed = startsWith(item.phase, "passed@");
    n.kind = notification_kinds::kDue;
    n.detail = item.what + (passed ? ".passed" : ".reminder");
    n.subject_kind = "proposal";
    n.subject_id = p->id;
    n.community = p->community;
    n.title = p->title;
    n.urgent = passed;  // a passed deadline is sent at night too
    const auto staff = store.granted(item.role, item.scope_kind, item.scope_id);
    return notifyAll(s, std::set<UserId>(staff.begin(), staff.end()), n, p->district, utc_offset);
}

}  // namespace

int notifyAll(Stores& s, const std::set<UserId>& users, Notification n, DistrictId district, Duration utc_offset) {
    NotificationStore& store = s.get<NotificationStore>();
    const std::optional<DeliverySettings> settings = district.valid() ? store.deliverySettings(district) : std::nullopt;
    int made = 0;
    for (UserId user : users) {
        if (!user.valid() || user == n.actor) continue;
        const NotificationPreferences prefs = store.preferences(user).value_or(NotificationPreferences{});
        if (prefs.muted.count(n.kind)) continue;
        n.user = user;
        n.id = store.insertNotification(n);
        ++made;
        if (!settings) continue;
        const QuietHours quiet = prefs.quiet.value_or(settings->quiet);
        Delivery d;
        d.notification_id = n.id;
        d.district = district;
        d.created_at = n.created_at;
        d.next_attempt_at = n.urgent ? n.created_at : endOfQuietHours(quiet, n.created_at, utc_offset);
        if (prefs.webhook && !settings->webhook_url.empty()) {
            d.channel = "webhook";
            store.insertDelivery(d);
        }
        if (!prefs.email.empty() && !settings->smtp_host.empty()) {
            d.channel = "email";
            d.target = prefs.email;
            store.insertDelivery(d);
        }
    }
    return made;
}

NotificationProcessor::NotificationProcessor(Database& db, const Clock& clock, Options options)
    : db_(db), clock_(clock), options_(options) {}

Result<int> NotificationProcessor::processBatch() {
    // Most changes concern nobody (logins, votes cast, points): a batch of
    // those moves only the cursor kept here, and the stored cursor moves
    // with the next write. After a restart they are read again and again
    // concern nobody, so every change that does is still handled once.
    std::vector<AuditEntry> batch;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        NotificationStore& store = s.get<NotificationStore>();
        batch = store.changesAfter(std::max(store.cursor(), read_up_to_), options_.batch);
        return Status::ok();
    }));
    if (batch.empty()) return 0;
    if (std::none_of(batch.begin(), batch.end(), concernsAnyone)) {
        read_up_to_ = batch.back().id;
        return static_cast<int>(batch.size());
    }
    int handled = 0;
    std::int64_t last = 0;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        NotificationStore& store = s.get<NotificationStore>();
        // Read again in the write: nobody else moves the cursor, but the
        // snapshot above may be older than what this transaction sees.
        const std::vector<AuditEntry> rows = store.changesAfter(std::max(store.cursor(), read_up_to_), options_.batch);
        for (const AuditEntry& e : rows) handle(s, e, options_.utc_offset);
        if (!rows.empty()) store.setCursor(rows.back().id);
        handled = static_cast<int>(rows.size());
        if (!rows.empty()) last = rows.back().id;
        return Status::ok();
    }));
    // Only once committed: a failed write leaves everything to read again.
    read_up_to_ = std::max(read_up_to_, last);
    return handled;
}

Result<int> NotificationProcessor::processDue() {
    const Instant now = clock_.now();
    std::vector<DueItem> due;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        due = dueItems(s, now);
        return Status::ok();
    }));
    if (due.empty()) return 0;
    int made = 0;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        NotificationStore& store = s.get<NotificationStore>();
        for (const DueItem& item : due) {
            // Marked meanwhile (another pass): already announced.
            if (!store.markDue(item.what, item.id, item.phase, now)) continue;
            if (item.announce) made += announce(s, item, now, options_.utc_offset);
        }
        return Status::ok();
    }));
    return made;
}

Result<int> NotificationProcessor::prune(Duration retention, int batch) {
    const Instant before = clock_.now() - retention;
    bool old = false;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        old = s.get<NotificationStore>().prunable(before);
        return Status::ok();
    }));
    if (!old) return 0;
    int pruned = 0;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        pruned = s.get<NotificationStore>().prune(before, batch);
        return Status::ok();
    }));
    return pruned;
}

}  // namespace yishi::domain
