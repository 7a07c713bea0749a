#pragma once

#include <cstdint>
#include <string>

#include "yishi/common/ids.h"
#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/proposal.h"

namespace yishi::domain {

using CommentId = Id<struct CommentTag>;
using MeetingId = Id<struct MeetingTag>;

// Where a comment stands on the proposal (协商 is about positions, not likes).
enum class Stance { kFor, kNeutral, kAgainst };

const char* stanceName(Stance stance);
bool parseStance(const std::string& text, Stance* stance);

// A comment in a proposal's thread. Withdrawn and hidden comments stay in
// the thread as markers: nothing is silently deleted.
struct Comment {
    static constexpr int kMaxDepth = 3;  // a top-level comment has depth 1

    CommentId id;
    ProposalId proposal_id;
    CommunityId community_id;
    CommentId parent_id;  // invalid for top-level comments
    int depth = 1;
    UserId author_id;
    Stance stance = Stance::kNeutral;
    std::string body;
    Instant created_at;
    Instant edited_at;  // unset (the epoch): never edited
    bool withdrawn = false;
    bool hidden = false;
    std::string hidden_reason;
    int reports = 0;  // since the last review (a hide or a restore by the committee)
    // Posted for the author by a helper (帮办代办, docs/grids.md), as the
    // audit row of its posting says: the helper's display name, their role
    // and the consent; empty for the author's own comments.
    std::string assisted_by_name = {};
    std::string assisted_role = {};
    std::string consent = {};
};

// A text a comment had before an edit replaced it: the first is revision 1.
// Kept for the committee, never shown to the public.
struct CommentRevision {
    CommentId comment_id;
    int revision = 1;
    std::string body;
    Stance stance = Stance::kNeutral;
    Instant written_at;   // when this text was posted or last edited
    Instant replaced_at;  // when the edit replaced it
};

// Comments and supports are taken while the topic is alive and before the
// decision: from submission until the vote starts, and in consultation only
// until its end date (`now` before consultation_ends_at).
bool acceptsConsultation(const Proposal& proposal, Instant now);

// Supports may be given or withdrawn until consultation closes.
bool acceptsSupport(const Proposal& proposal, Instant now);

enum class MeetingMode { kOnline, kOffline, kHybrid };

const char* meetingModeName(MeetingMode mode);
bool parseMeetingMode(const std::string& text, MeetingMode* mode);

// A 议事会 about a proposal, online, offline or both. Minutes and attendance
// are recorded after it took place.
struct Meeting {
    MeetingId id;
    ProposalId proposal_id;
    CommunityId community_id;
    MeetingMode mode = MeetingMode::kOffline;
    Instant starts_at;
    std::string place;
    std::string minutes;
    int attendance = -1;  // -1: not recorded yet
    Instant recorded_at;  // unset (the epoch) until the minutes are recorded
    UserId created_by;
};

// One entry of a community's public moderation log: what happened to which
// content and why. Reporters are never named.
struct ModerationEntry {
    Instant at;
    std::string action;  // comment.hidden, comment.restored, comment.auto_hidden
    CommentId comment_id;
    ProposalId proposal_id;
    std::string reason;
    std::string moderator_role;  // "committee", "district_admin" or "automatic"
};

}  // namespace yishi::domain
