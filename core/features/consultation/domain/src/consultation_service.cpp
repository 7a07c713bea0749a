#include "yishi/domain/consultation_service.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "yishi/common/english_count.h"
#include "yishi/domain/consultation_changes.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/proposal_lookup.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/system_fact.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxComment = 2000;
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxMinutes = 20000;

struct Context {
    Proposal proposal;
    Community community;
};

// The proposal and its community, when `actor` may see it (drafts are their
// author's alone).
Result<Context> load(Stores& s, const Actor& actor, ProposalId id) {
    YISHI_ASSIGN_OR_RETURN(Proposal p, findVisibleProposal(s, id, actor.userId()));
    std::optional<Community> c = s.scopes.community(p.community_id);
    if (!c) return Status::notFound("proposal.not_found", "There is no such proposal.");
    return Context{std::move(p), std::move(*c)};
}

// Verified residents take part; so do those who run the community.
Status requireParticipant(const Actor& actor, const Community& c) {
    if (actor.isAuthenticated() && actor.canManage(c)) return Status::ok();
    return actor.requireVerifiedResident(c.id);
}

Status closedForConsultation(const Proposal& p) {
    if (p.state == ProposalState::kConsultation)
        return Status::conflict("proposal.closed_for_consultation",
                                "The consultation ended; it takes no more comments or supports.");
    return Status::conflict(
        "proposal.closed_for_consultation",
        std::string("A proposal in state ") + proposalStateName(p.state) + " takes no more comments or supports.");
}

// Display names by user id, each looked up once per call.
class NameCache {
  public:
    explicit NameCache(Stores& s) : s_(s) {}
    const std::string& operator()(UserId id) {
        auto it = names_.find(id);
        if (it != names_.end()) return it->second;
        std::optional<User> u = s_.users.user(id);
        return names_.emplace(id, u ? u->display_name : "").first->second;
    }

  private:
    Stores& s_;
    std::unordered_map<UserId, std::string> names_;
};

ConsultationService::CommentView viewOf(NameCache& names, const Actor& actor, Comment c, const Community& community) {
    ConsultationService::CommentView v;
    v.author_name = names(c.author_id);
    const bool privileged = actor.userId() == c.author_id || actor.canManage(community);
    if (c.withdrawn || (c.hidden && !privileged)) {
        v.body_shown = false;
        c.body.clear();
    }
    v.comment = std::move(c);
    return v;
}

// One comment, on its own.
ConsultationService::CommentView viewOf(Stores& s, const Actor& actor, Comment c, const Community& community) {
    NameCache names(s);
    return viewOf(names, actor, std::move(c), community);
}

Result<std::pair<Comment, Community>> loadComment(Stores& s, CommentId id) {
    std::optional<Comment> c = s.get<ConsultationStore>().comment(id);
    if (!c) return Status::notFound("comment.not_found", "There is no such comment.");
    std::optional<Community> community = s.scopes.community(c->community_id);
    if (!community) return Status::notFound("comment.not_found", "There is no such comment.");
    return std::make_pair(std::move(*c), std::move(*community));
}

// Who moderated: an official's role, or "automatic" for the report threshold.
std::string moderatorRole(Stores& s, UserId user, const Community& c) {
    std::optional<User> u = s.users.user(user);
    if (!u) return "automatic";
    return Actor(*u, s.users.grants(user), {}).publicRoleIn(c);
}

}  // namespace

ConsultationService::ConsultationService(Database& db, const Clock& clock, Options options)
    : db_(db), clock_(clock), options_(options) {}

Result<ConsultationService::CommentView> ConsultationService::post(const Actor& actor, ProposalId proposal,
                                                                   const NewComment& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("body", input.body, kMaxComment));
    CommentView view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        YISHI_RETURN_IF_ERROR(requireParticipant(actor, ctx.community));
        const Instant now = clock_.now();
        if (!acceptsConsultation(ctx.proposal, now)) return closedForConsultation(ctx.proposal);
        Comment c;
        c.proposal_id = proposal;
        c.community_id = ctx.community.id;
        c.author_id = actor.userId();
        c.stance = input.stance;
        c.body = input.body;
        c.created_at = now;
        if (input.parent.valid()) {
            std::optional<Comment> parent = s.get<ConsultationStore>().comment(input.parent);
            if (!parent || parent->proposal_id != proposal) {
                return Status::notFound("comment.not_found", "The comment you answer is not in this thread.");
            }
            if (parent->depth >= Comment::kMaxDepth) {
                return Status::conflict("comment.too_deep", "Answers go at most three levels deep; answer higher up.");
            }
            c.parent_id = parent->id;
            c.depth = parent->depth + 1;
        }
        c.id = s.get<ConsultationStore>().insertComment(c);
        s.record({changes::kCommentPosted, now, actor.userId(), c.id.value, c.community_id, "", actor.userId()});
        // A reply by one who runs the community to a proposal they did not
        // write is its first response (overdueRules()).
        if (actor.canManage(ctx.community) && actor.userId() != ctx.proposal.author_id &&
            ctx.proposal.responded_at == Instant()) {
            ctx.proposal.responded_at = now;
            s.get<ProposalStore>().updateProposal(ctx.proposal);
        }
        view = viewOf(s, actor, std::move(c), ctx.community);
        return Status::ok();
    }));
    return view;
}

Result<ConsultationService::CommentView> ConsultationService::edit(const Actor& actor, CommentId id,
                                                                   const std::optional<std::string>& body,
                                                                   std::optional<Stance> stance) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!body && !stance) {
        return Status::invalid("comment.nothing_to_change", "An edit changes the body, the stance, or both.");
    }
    if (body) YISHI_RETURN_IF_ERROR(validateName("body", *body, kMaxComment));
    CommentView view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(auto found, loadComment(s, id));
        Comment& c = found.first;
        if (c.author_id != actor.userId()) {
            return Status::forbidden("comment.not_yours", "Only its author may change a comment.");
        }
        // Taking part ends with the membership: a revoked resident's words
        // stay as they were.
        YISHI_RETURN_IF_ERROR(requireParticipant(actor, found.second));
        if (c.withdrawn) return Status::conflict("comment.withdrawn", "This comment was withdrawn.");
        if (c.hidden) {
            return Status::conflict("comment.hidden",
                                    "A hidden comment stays as it was until the committee reviews it; post a new one "
                                    "instead.");
        }
        const Instant now = clock_.now();
        const Duration window = settingsFor(s, found.second).comment_edit_window;
        if (now.seconds() > (c.created_at + window).seconds()) {  // whole seconds, as stored
            return Status::conflict("comment.edit_window_over", "A comment can be changed for " +
                                                                    countOf(window.minutes(), "minute", "minutes") +
                                                                    " after posting; post a new one instead.");
        }
        ConsultationStore& store = s.get<ConsultationStore>();
        const int revision = static_cast<int>(store.revisions(c.id).size()) + 1;
        store.insertRevision(
            {c.id, revision, c.body, c.stance, c.edited_at != Instant() ? c.edited_at : c.created_at, now});
        if (body) c.body = *body;
        if (stance) c.stance = *stance;
        c.edited_at = now;
        store.updateComment(c);
        s.record({changes::kCommentEdited, now, actor.userId(), c.id.value, c.community_id,
                  "the earlier text is kept as revision " + std::to_string(revision)});
        view = viewOf(s, actor, std::move(c), found.second);
        return Status::ok();
    }));
    return view;
}

Result<std::vector<CommentRevision>> ConsultationService::revisions(const Actor& actor, CommentId id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::vector<CommentRevision> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(auto found, loadComment(s, id));
        if (!actor.canManage(found.second)) {
            return Status::forbidden("community.forbidden",
                                     "Only this community's committee or its district reads earlier versions.");
        }
        out = s.get<ConsultationStore>().revisions(id);
        return Status::ok();
    }));
    return out;
}

Result<ConsultationService::CommentView> ConsultationService::withdraw(const Actor& actor, CommentId id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    CommentView view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(auto found, loadComment(s, id));
        Comment& c = found.first;
        if (c.author_id != actor.userId()) {
            return Status::forbidden("comment.not_yours", "Only its author may withdraw a comment.");
        }
        YISHI_RETURN_IF_ERROR(requireParticipant(actor, found.second));
        if (c.withdrawn) return Status::conflict("comment.withdrawn", "This comment was withdrawn already.");
        c.withdrawn = true;
        s.get<ConsultationStore>().updateComment(c);
        const Instant now = clock_.now();
        s.record({changes::kCommentWithdrawn, now, actor.userId(), c.id.value, c.community_id});
        view = viewOf(s, actor, std::move(c), found.second);
        return Status::ok();
    }));
    return view;
}

Result<std::vector<ConsultationService::CommentView>> ConsultationService::thread(const Actor& actor,
                                                                                  ProposalId proposal) {
    std::vector<CommentView> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        NameCache names(s);
        for (Comment& c : s.get<ConsultationStore>().comments(proposal)) {
            out.push_back(viewOf(names, actor, std::move(c), ctx.community));
        }
        return Status::ok();
    }));
    return out;
}

Result<ConsultationService::Thread> ConsultationService::threadPage(const Actor& actor, ProposalId proposal,
                                                                    std::optional<PageRequest> page) {
    Thread out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        ConsultationStore& store = s.get<ConsultationStore>();
        Page<Comment> comments;
        if (page)
            comments = store.comments(proposal, page->clamped());
        else
            comments.items = store.comments(proposal);
        out.page.next_after = comments.next_after;
        NameCache names(s);
        for (Comment& c : comments.items) {
            if (c.hidden && !c.withdrawn) out.hidden_authors.push_back(c.author_id);
            out.page.items.push_back(viewOf(names, actor, std::move(c), ctx.community));
        }
        out.community = std::move(ctx.community);
        return Status::ok();
    }));
    std::sort(out.hidden_authors.begin(), out.hidden_authors.end());
    out.hidden_authors.erase(std::unique(out.hidden_authors.begin(), out.hidden_authors.end()),
                             out.hidden_authors.end());
    return out;
}

Result<ConsultationService::CommentView> ConsultationService::report(const Actor& actor, CommentId id,
                                                                     const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (reason.empty()) return Status::invalid("report.reason_required", "Say why this comment should be reviewed.");
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, kMaxReason));
    CommentView view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(auto found, loadComment(s, id));
        Comment& c = found.first;
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(c.community_id));
        if (c.author_id == actor.userId()) {
            return Status::conflict("report.own_comment", "You cannot report your own comment; withdraw or edit it.");
        }
        const Instant now = clock_.now();
        if (!s.get<ConsultationStore>().insertReport(c.id, actor.userId(), reason, now)) {
            return Status::conflict("comment.already_reported", "You reported this comment already.");
        }
        ++c.reports;
        if (!c.hidden && c.reports >= settingsFor(s, found.second).auto_hide_reports) {
            c.hidden = true;
            c.hidden_reason = encodeFact(facts::kAutoHidden, std::to_string(c.reports));
            s.record({changes::kCommentAutoHidden, now, UserId(), c.id.value, c.community_id, c.hidden_reason});
        }
        s.get<ConsultationStore>().updateComment(c);
        view = viewOf(s, actor, std::move(c), found.second);
        return Status::ok();
    }));
    return view;
}

Result<ConsultationService::CommentView> ConsultationService::moderate(const Actor& actor, CommentId id,
                                                                       Moderation action, const std::string& reason) {
    const bool hide = action == Moderation::kHide;
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (reason.empty()) {
        return Status::invalid("moderation.reason_required", "Hiding or restoring needs a public reason.");
    }
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, kMaxReason));
    CommentView view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(auto found, loadComment(s, id));
        Comment& c = found.first;
        if (!actor.canManage(found.second)) {
            return Status::forbidden("community.forbidden",
                                     "Only this community's committee or its district may moderate.");
        }
        if (hide && c.hidden) return Status::conflict("comment.already_hidden", "This comment is hidden already.");
        if (action == Moderation::kRestore && !c.hidden) {
            return Status::conflict("comment.not_hidden", "This comment is not hidden.");
        }
        if (action == Moderation::kKeep) {
            if (c.hidden) {
                return Status::conflict("comment.already_hidden", "This comment is hidden: restore it instead.");
            }
            if (c.reports == 0) {
                return Status::conflict("moderation.not_reported",
                                        "Nobody has reported this comment since it was last reviewed.");
            }
        }
        c.hidden = hide;
        c.hidden_reason = hide ? reason : "";
        c.reports = 0;  // reviewed: only reports made from now on count toward auto-hide
        s.get<ConsultationStore>().updateComment(c);
        s.get<ConsultationStore>().markReviewed(c.id);
        const ChangeKind& kind = hide                          ? changes::kCommentHidden
                                 : action == Moderation::kKeep ? changes::kCommentKept
                                                               : changes::kCommentRestored;
        s.record({kind, clock_.now(), actor.userId(), c.id.value, c.community_id, reason});
        view = viewOf(s, actor, std::move(c), found.second);
        return Status::ok();
    }));
    return view;
}

Result<Page<ConsultationService::CommentView>> ConsultationService::reviewQueue(const Actor& actor,
                                                                                CommunityId community,
                                                                                PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Page<CommentView> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        if (!actor.canManage(*c)) {
            return Status::forbidden("community.forbidden",
                                     "Only this community's committee or its district reviews reported comments.");
        }
        Page<Comment> found = s.get<ConsultationStore>().commentsToReview(community, page.clamped());
        out.next_after = found.next_after;
        NameCache names(s);
        for (Comment& comment : found.items) out.items.push_back(viewOf(names, actor, std::move(comment), *c));
        return Status::ok();
    }));
    return out;
}

Result<std::vector<ModerationEntry>> ConsultationService::moderationLog(CommunityId community, int limit) {
    std::vector<ModerationEntry> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        for (const AuditEntry& e : s.audit.forCommunity(community, "moderation.", limit)) {
            std::optional<Comment> comment = s.get<ConsultationStore>().comment(CommentId(e.subject_id));
            out.push_back({e.at, e.action, CommentId(e.subject_id), comment ? comment->proposal_id : ProposalId(),
                           e.reason, moderatorRole(s, e.actor, *c)});
        }
        return Status::ok();
    }));
    return out;
}

DistrictSettings ConsultationService::settingsFor(Stores& s, const Community& community) const {
    DistrictSettings defaults;
    defaults.auto_hide_reports = options_.auto_hide_reports;
    defaults.comment_edit_window = options_.edit_window;
    return effectiveSettings(s, community.district_id, defaults);
}

Result<ConsultationService::Supports> ConsultationService::support(const Actor& actor, ProposalId proposal) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Supports result;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(ctx.community.id));
        const Instant now = clock_.now();
        if (!acceptsSupport(ctx.proposal, now)) return closedForConsultation(ctx.proposal);
        if (ctx.proposal.author_id == actor.userId()) {
            return Status::conflict("support.own_proposal", "You wrote this proposal; support comes from others.");
        }
        if (!s.get<ConsultationStore>().insertSupport(proposal, actor.userId(), now)) {
            return Status::conflict("support.exists", "You support this proposal already.");
        }
        s.record({changes::kSupportGiven, now, actor.userId(), proposal.value, ctx.community.id, "",
                  ctx.proposal.author_id});
        result = {s.get<ConsultationStore>().countSupports(proposal), true};
        return Status::ok();
    }));
    return result;
}

Result<ConsultationService::Supports> ConsultationService::withdrawSupport(const Actor& actor, ProposalId proposal) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Supports result;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        if (!acceptsSupport(ctx.proposal, clock_.now())) return closedForConsultation(ctx.proposal);
        if (!s.get<ConsultationStore>().deleteSupport(proposal, actor.userId())) {
            return Status::conflict("support.none", "You do not support this proposal.");
        }
        s.record({changes::kSupportWithdrawn, clock_.now(), actor.userId(), proposal.value, ctx.community.id});
        result = {s.get<ConsultationStore>().countSupports(proposal), false};
        return Status::ok();
    }));
    return result;
}

Result<ConsultationService::Supports> ConsultationService::supports(const Actor& actor, ProposalId proposal) {
    Supports result;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        result.count = s.get<ConsultationStore>().countSupports(proposal);
        result.mine = actor.isAuthenticated() && s.get<ConsultationStore>().hasSupport(proposal, actor.userId());
        return Status::ok();
    }));
    return result;
}

Result<Meeting> ConsultationService::scheduleMeeting(const Actor& actor, ProposalId proposal, MeetingMode mode,
                                                     Instant starts_at, const std::string& place) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("place", place, 200));
    Meeting m;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        if (!actor.canManage(ctx.community)) {
            return Status::forbidden("community.forbidden", "Only the committee schedules meetings.");
        }
        if (starts_at <= Instant()) return Status::invalid("meeting.starts_at", "Give the meeting's start time.");
        m = Meeting{MeetingId(), proposal, ctx.community.id, mode, starts_at, place, "", -1, Instant(), actor.userId()};
        m.id = s.get<ConsultationStore>().insertMeeting(m);
        s.record({changes::kMeetingScheduled, clock_.now(), actor.userId(), proposal.value, ctx.community.id,
                  std::string(meetingModeName(mode)) + " " + place});
        return Status::ok();
    }));
    return m;
}

Result<Meeting> ConsultationService::recordMeeting(const Actor& actor, MeetingId id, const std::string& minutes,
                                                   std::int64_t attendance) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("minutes", minutes, kMaxMinutes));
    if (attendance < 0 || attendance > 1'000'000)
        return Status::invalid("meeting.attendance", "Attendance is a count of people, 0 or more.");
    Meeting m;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Meeting> found = s.get<ConsultationStore>().meeting(id);
        if (!found) return Status::notFound("meeting.not_found", "There is no such meeting.");
        std::optional<Community> c = s.scopes.community(found->community_id);
        if (!c || !actor.canManage(*c)) {
            return Status::forbidden("community.forbidden", "Only the committee records meetings.");
        }
        const Instant now = clock_.now();
        if (now < found->starts_at) {
            return Status::conflict("meeting.not_started", "Minutes are recorded after the meeting begins.");
        }
        if (found->recorded_at != Instant())
            return Status::conflict("meeting.already_recorded", "The minutes are recorded already.");
        found->minutes = minutes;
        found->attendance = static_cast<int>(attendance);
        found->recorded_at = now;
        s.get<ConsultationStore>().updateMeeting(*found);
        s.record({changes::kMeetingRecorded, now, actor.userId(), found->proposal_id.value, c->id,
                  encodeFact(facts::kAttended, std::to_string(attendance))});
        m = *found;
        return Status::ok();
    }));
    return m;
}

Result<std::vector<Meeting>> ConsultationService::meetings(const Actor& actor, ProposalId proposal) {
    std::vector<Meeting> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Context ctx, load(s, actor, proposal));
        out = s.get<ConsultationStore>().meetings(proposal);
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
