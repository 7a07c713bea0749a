#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/consultation.h"
#include "yishi/domain/district_settings.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// 开展协商: the thread of comments on a proposal, supports, meetings, and the
// moderation of comments. Residents take part once verified; those who
// manage the community moderate and hold meetings. Thread-safe.
class ConsultationService {
  public:
    struct Options {
        // A comment may be edited by its author this long after posting.
        Duration edit_window = Duration::minutes(15);
        // Reports by this many residents hide a comment until the committee looks.
        int auto_hide_reports = 3;
    };

    struct NewComment {
        std::string body;
        Stance stance = Stance::kNeutral;
        CommentId parent;  // invalid: a top-level comment
    };

    // A comment as the caller may see it: withdrawn comments have no body,
    // hidden ones show the reason instead of the body (their author and the
    // committee still see the body, so it can be reviewed and restored).
    struct CommentView {
        Comment comment;
        std::string author_name;
        bool body_shown = true;
    };

    struct Supports {
        std::int64_t count = 0;
        bool mine = false;
    };

    ConsultationService(Database& db, const Clock& clock, Options options);

    // Errors: not_found "proposal.not_found", "comment.not_found" (parent);
    // forbidden "membership.*" (a resident whose membership was revoked no
    // longer takes part, nor edits or withdraws what they wrote); conflict "proposal.closed_for_consultation",
    // "comment.too_deep"; invalid "body.invalid".
    Result<CommentView> post(const Actor& actor, ProposalId proposal, const NewComment& comment);
    // The author, within the edit window, while the comment is neither
    // withdrawn nor hidden (a hidden comment stays as it was reported until
    // the committee reviews it). A field left out (nullopt) keeps its value;
    // the text and stance replaced are kept as a revision. invalid
    // "comment.nothing_to_change", "body.invalid"; conflict
    // "comment.edit_window_over", "comment.withdrawn", "comment.hidden";
    // forbidden "comment.not_yours", "membership.*" (no longer a participant).
    Result<CommentView> edit(const Actor& actor, CommentId id, const std::optional<std::string>& body,
                             std::optional<Stance> stance);
    // The texts a comment had before its edits, oldest first: for those who
    // manage its community only (forbidden "community.forbidden"; residents,
    // the author included, see the current text alone).
    Result<std::vector<CommentRevision>> revisions(const Actor& actor, CommentId id);
    // The author, while still a participant (forbidden "membership.*"); the
    // thread keeps a marker. conflict "comment.withdrawn".
    Result<CommentView> withdraw(const Actor& actor, CommentId id);
    Result<std::vector<CommentView>> thread(const Actor& actor, ProposalId proposal);

    // A thread, or a page of it, and what a reader needs to know of it.
    struct Thread {
        Community community;
        Page<CommentView> page;  // next_after 0: the last page (always for the whole thread)
        // Authors of hidden comments in it: the one place where a resident
        // who does not manage the community reads it differently (they see
        // their own hidden comment's body).
        std::vector<UserId> hidden_authors;
    };
    // The whole thread (no `page`) or one page of it, oldest first.
    // not_found "proposal.not_found" (drafts are their author's alone).
    Result<Thread> threadPage(const Actor& actor, ProposalId proposal, std::optional<PageRequest> page);

    // A verified resident reports a comment with a reason, once; after
    // auto_hide_reports reports made since the last review it is hidden.
    // conflict "comment.already_reported", "report.own_comment".
    Result<CommentView> report(const Actor& actor, CommentId id, const std::string& reason);
    // Those who manage the community hide or restore, always with a reason;
    // or keep a reported comment that stays visible (the reports were
    // unfounded), which otherwise would wait in the queue for ever. Each is
    // a review: the reports counted toward auto-hide start again.
    // forbidden "community.forbidden"; invalid "moderation.reason_required";
    // conflict "comment.already_hidden" (hide, or keep a hidden one: restore
    // it), "comment.not_hidden", "moderation.not_reported" (keep with no
    // report since the last review).
    enum class Moderation { kHide, kRestore, kKeep };
    Result<CommentView> moderate(const Actor& actor, CommentId id, Moderation action, const std::string& reason);
    // Those who manage the community: its comments awaiting review (reported
    // since the committee last hid or restored them, auto-hidden ones
    // included), oldest first, bodies shown; never who reported or why.
    // forbidden "community.forbidden"; not_found "community.not_found".
    Result<Page<CommentView>> reviewQueue(const Actor& actor, CommunityId community, PageRequest page);
    // Public: what was hidden or restored, when and why; never who reported.
    Result<std::vector<ModerationEntry>> moderationLog(CommunityId community, int limit);

    // One support per verified resident, given or withdrawn until
    // consultation closes. conflict "support.exists", "support.none",
    // "proposal.closed_for_consultation".
    Result<Supports> support(const Actor& actor, ProposalId proposal);
    Result<Supports> withdrawSupport(const Actor& actor, ProposalId proposal);
    Result<Supports> supports(const Actor& actor, ProposalId proposal);

    // Those who manage the community schedule a meeting (online, offline or
    // hybrid), then record its minutes and attendance once it has begun.
    // conflict "meeting.not_started", "meeting.already_recorded".
    Result<Meeting> scheduleMeeting(const Actor& actor, ProposalId proposal, MeetingMode mode, Instant starts_at,
                                    const std::string& place);
    Result<Meeting> recordMeeting(const Actor& actor, MeetingId id, const std::string& minutes,
                                  std::int64_t attendance);
    Result<std::vector<Meeting>> meetings(const Actor& actor, ProposalId proposal);

  private:
    // The district's moderation settings (the options are the default).
    DistrictSettings settingsFor(Stores& s, const Community& community) const;
    Database& db_;
    const Clock& clock_;
    const Options options_;
};

}  // namespace yishi::domain
