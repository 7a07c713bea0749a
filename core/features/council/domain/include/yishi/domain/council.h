#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/consultation.h"

namespace yishi::domain {

// 议题征集 (docs/council.md): the committee calls for topics until a
// deadline; residents raise topics (proposals) in answer to it. Closed at
// the deadline, or earlier when the committee closes it.
struct TopicCall {
    std::int64_t id = 0;
    CommunityId community_id;
    std::string title;
    std::string description;
    std::string theme;  // empty: any theme
    Instant created_at;
    Instant deadline;
    Instant closed_at;  // unset (the epoch) unless the committee closed it early
    UserId created_by;
};

inline bool topicCallClosed(const TopicCall& call, Instant now) {
    return now >= call.deadline || call.closed_at != Instant();
}

// One topic raised in answer to a call.
struct CallTopic {
    std::int64_t call_id = 0;
    ProposalId proposal_id;
    Instant linked_at;
};

// The committee's answer to a suggestion (采纳 / 部分采纳 / 不采纳).
enum class AdoptionDecision { kAdopted, kPartlyAdopted, kNotAdopted };

const char* adoptionDecisionName(AdoptionDecision decision);
bool parseAdoptionDecision(const std::string& text, AdoptionDecision* decision);

// A suggestion marked by the committee, always with a public reason: today
// a comment in a topic's thread. Marked again, the latest mark stands (each
// is in the audit trace).
struct AdoptionMark {
    CommentId comment_id;
    ProposalId proposal_id;
    CommunityId community_id;
    UserId author_id;  // who made the suggestion
    AdoptionDecision decision = AdoptionDecision::kAdopted;
    std::string reason;
    UserId decided_by;
    Instant decided_at;
};

// A period's figures: suggestions decided in it (by decided_at, calendar
// month in China (UTC+8), "2026-12"), and how they were decided.
struct AdoptionPeriod {
    std::string period;
    std::int64_t adopted = 0;
    std::int64_t partly_adopted = 0;
    std::int64_t not_adopted = 0;
    std::int64_t decided() const { return adopted + partly_adopted + not_adopted; }
};

// One standing decision, wherever the suggestion was made (a thread's
// comment or a meeting's minutes): what the adoption rate counts.
struct AdoptionDecided {
    AdoptionDecision decision = AdoptionDecision::kAdopted;
    Instant decided_at;
};

// Per month, oldest first, from the marks alone (never typed in). The rate
// is adopted / decided; partly adopted ones are counted apart (docs/council.md).
std::vector<AdoptionPeriod> computeAdoptionPeriods(const std::vector<AdoptionDecided>& marks);

// A suggestion made at a 议事会 meeting, recorded by the committee in the
// meeting's minutes once it began; marked like a thread's comment (the
// latest mark stands; every mark is in the audit trace).
struct MeetingSuggestion {
    std::int64_t id = 0;
    MeetingId meeting_id;
    ProposalId proposal_id;
    CommunityId community_id;
    std::string text;
    UserId author_id;         // a verified resident of the community, or invalid
    std::string author_name;  // else a plain name ("3号楼 王阿姨"), or empty: unnamed
    UserId recorded_by;
    Instant recorded_at;
    bool marked = false;  // the fields below hold the standing mark
    AdoptionDecision decision = AdoptionDecision::kAdopted;
    std::string reason;
    UserId decided_by;
    Instant decided_at;
};

}  // namespace yishi::domain

namespace yishi::domain {

// 居民代表: a verified resident the committee designated to speak for the
// community at its meetings, from a start date until removed. Removal keeps
// the row (who, when, why): the list of past representatives stays public.
struct Representative {
    std::int64_t id = 0;
    CommunityId community_id;
    UserId user_id;
    std::string display_name;  // filled in when read
    Instant started_at;
    UserId designated_by;
    Instant ended_at;  // unset (the epoch) while serving
    std::string end_reason;
};

enum class InvitationAnswer { kPending, kAttend, kDecline };

const char* invitationAnswerName(InvitationAnswer answer);

// The audit reason of `meeting.invited` names the one invited, "<user id>
// <display name>", so that the notifications processor tells them.
std::string invitedReason(UserId user, const std::string& display_name);
UserId invitedUserOf(const std::string& reason);  // invalid when the reason names nobody
bool parseInvitationAnswer(const std::string& text, InvitationAnswer* answer);

// One person invited to a 议事会 meeting, their answer, and whether they came
// (recorded by the committee once the meeting began).
struct Invitation {
    MeetingId meeting_id;
    UserId user_id;
    std::string display_name;  // filled in when read
    CommunityId community_id;
    bool representative = false;  // a serving representative when invited
    InvitationAnswer answer = InvitationAnswer::kPending;
    Instant invited_at;
    Instant answered_at;  // unset until answered
    int attended = -1;    // -1: not recorded; 0: did not come; 1: came
};

}  // namespace yishi::domain
