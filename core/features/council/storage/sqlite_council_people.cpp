// Representatives, meeting invitations and the suggestions recorded from a
// meeting: the part of SqliteCouncilStore about people and meetings (the
// rest is in sqlite_council_store.cpp).
#include "connection.h"
#include "corrupt_row.h"
#include "sqlite_council_store.h"

namespace yishi::storage {

using domain::Invitation;
using domain::MeetingId;
using domain::MeetingSuggestion;
using domain::Representative;

namespace {

#define YISHI_REPRESENTATIVE_COLUMNS "id, community_id, user_id, started_at, designated_by, ended_at, end_reason"

Representative readRepresentative(SQLite::Statement& q) {
    Representative r;
    r.id = q.getColumn(0).getInt64();
    r.community_id = CommunityId(q.getColumn(1).getInt64());
    r.user_id = UserId(q.getColumn(2).getInt64());
    r.started_at = Instant::fromSeconds(q.getColumn(3).getInt64());
    r.designated_by = UserId(q.getColumn(4).getInt64());
    r.ended_at = Instant::fromSeconds(q.getColumn(5).getInt64());
    r.end_reason = q.getColumn(6).getString();
    return r;
}

#define YISHI_INVITATION_COLUMNS \
    "meeting_id, user_id, community_id, representative, answer, invited_at, answered_at, attended"

Invitation readInvitation(SQLite::Statement& q) {
    Invitation i;
    i.meeting_id = MeetingId(q.getColumn(0).getInt64());
    i.user_id = UserId(q.getColumn(1).getInt64());
    i.community_id = CommunityId(q.getColumn(2).getInt64());
    i.representative = q.getColumn(3).getInt() != 0;
    i.answer = storedEnum(q.getColumn(4).getString(), domain::parseInvitationAnswer, "meeting_invitations", "answer");
    i.invited_at = Instant::fromSeconds(q.getColumn(5).getInt64());
    i.answered_at = Instant::fromSeconds(q.getColumn(6).getInt64());
    i.attended = q.getColumn(7).getInt();
    return i;
}

// The resident's name as it is now, else the name written down.
#define YISHI_SUGGESTION_COLUMNS                                                                                       \
    "s.id, s.meeting_id, s.proposal_id, s.community_id, s.body, s.author_id, COALESCE(u.display_name, s.author_name)," \
    " s.recorded_by, s.recorded_at, s.decision, s.reason, s.decided_by, s.decided_at"
#define YISHI_SUGGESTION_FROM " FROM meeting_suggestions s LEFT JOIN users u ON u.id = s.author_id"

MeetingSuggestion readSuggestion(SQLite::Statement& q) {
    MeetingSuggestion s;
    s.id = q.getColumn(0).getInt64();
    s.meeting_id = MeetingId(q.getColumn(1).getInt64());
    s.proposal_id = domain::ProposalId(q.getColumn(2).getInt64());
    s.community_id = CommunityId(q.getColumn(3).getInt64());
    s.text = q.getColumn(4).getString();
    s.author_id = UserId(q.getColumn(5).getInt64());
    s.author_name = q.getColumn(6).getString();
    s.recorded_by = UserId(q.getColumn(7).getInt64());
    s.recorded_at = Instant::fromSeconds(q.getColumn(8).getInt64());
    s.marked = !q.getColumn(9).isNull();
    if (s.marked) {
        s.decision =
            storedEnum(q.getColumn(9).getString(), domain::parseAdoptionDecision, "meeting_suggestions", "decision");
    }
    s.reason = q.getColumn(10).getString();
    s.decided_by = UserId(q.getColumn(11).getInt64());
    s.decided_at = Instant::fromSeconds(q.getColumn(12).getInt64());
    return s;
}

}  // namespace

std::int64_t SqliteCouncilStore::insertMeetingSuggestion(const MeetingSuggestion& s) {
    auto q = c_.prepare(
        "INSERT INTO meeting_suggestions (meeting_id, proposal_id, community_id, body, author_id, author_name,"
        " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, s.meeting_id.value);
    q->bind(2, s.proposal_id.value);
    q->bind(3, s.community_id.value);
    q->bind(4, s.text);
    if (s.author_id.valid())
        q->bind(5, s.author_id.value);
    else
        q->bind(5);
    q->bind(6, s.author_id.valid() ? std::string() : s.author_name);
    q->bind(7, s.recorded_by.value);
    q->bind(8, s.recorded_at.seconds());
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<MeetingSuggestion> SqliteCouncilStore::meetingSuggestion(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_SUGGESTION_COLUMNS YISHI_SUGGESTION_FROM " WHERE s.id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readSuggestion(*q);
}

void SqliteCouncilStore::markMeetingSuggestion(const MeetingSuggestion& s) {
    auto q = c_.prepare(
        "UPDATE meeting_suggestions SET decision = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?");
    q->bind(1, domain::adoptionDecisionName(s.decision));
    q->bind(2, s.reason);
    q->bind(3, s.decided_by.value);
    q->bind(4, s.decided_at.seconds());
    q->bind(5, s.id);
    q->exec();
}

std::vector<MeetingSuggestion> SqliteCouncilStore::meetingSuggestions(MeetingId meeting) {
    auto q =
        c_.prepare("SELECT " YISHI_SUGGESTION_COLUMNS YISHI_SUGGESTION_FROM " WHERE s.meeting_id = ? ORDER BY s.id");
    q->bind(1, meeting.value);
    std::vector<MeetingSuggestion> out;
    while (q->executeStep()) out.push_back(readSuggestion(*q));
    return out;
}

std::int64_t SqliteCouncilStore::insertRepresentative(const Representative& r) {
    auto q = c_.prepare(
        "INSERT INTO representatives (community_id, user_id, started_at, designated_by) VALUES (?, ?, ?, ?)");
    q->bind(1, r.community_id.value);
    q->bind(2, r.user_id.value);
    q->bind(3, r.started_at.seconds());
    q->bind(4, r.designated_by.value);
    q->exec();
    return c_.db().getLastInsertRowid();
}

std::optional<Representative> SqliteCouncilStore::representative(std::int64_t id) {
    auto q = c_.prepare("SELECT " YISHI_REPRESENTATIVE_COLUMNS " FROM representatives WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    return readRepresentative(*q);
}

std::optional<Representative> SqliteCouncilStore::servingRepresentative(CommunityId community, UserId user) {
    auto q = c_.prepare("SELECT " YISHI_REPRESENTATIVE_COLUMNS
                        " FROM representatives WHERE community_id = ? AND user_id = ? AND ended_at = 0");
    q->bind(1, community.value);
    q->bind(2, user.value);
    if (!q->executeStep()) return std::nullopt;
    return readRepresentative(*q);
}

void SqliteCouncilStore::endRepresentative(std::int64_t id, Instant at, const std::string& reason) {
    auto q = c_.prepare("UPDATE representatives SET ended_at = ?, end_reason = ? WHERE id = ?");
    q->bind(1, at.seconds());
    q->bind(2, reason);
    q->bind(3, id);
    q->exec();
}

std::vector<Representative> SqliteCouncilStore::representatives(CommunityId community) {
    auto q = c_.prepare("SELECT " YISHI_REPRESENTATIVE_COLUMNS
                        " FROM representatives WHERE community_id = ? ORDER BY ended_at <> 0, started_at, id");
    q->bind(1, community.value);
    std::vector<Representative> out;
    while (q->executeStep()) out.push_back(readRepresentative(*q));
    return out;
}

bool SqliteCouncilStore::insertInvitation(const Invitation& i) {
    auto q = c_.prepare(
        "INSERT INTO meeting_invitations (meeting_id, user_id, community_id, representative, invited_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    q->bind(1, i.meeting_id.value);
    q->bind(2, i.user_id.value);
    q->bind(3, i.community_id.value);
    q->bind(4, i.representative ? 1 : 0);
    q->bind(5, i.invited_at.seconds());
    return q->exec() == 1;
}

std::optional<Invitation> SqliteCouncilStore::invitation(MeetingId meeting, UserId user) {
    auto q =
        c_.prepare("SELECT " YISHI_INVITATION_COLUMNS " FROM meeting_invitations WHERE meeting_id = ? AND user_id = ?");
    q->bind(1, meeting.value);
    q->bind(2, user.value);
    if (!q->executeStep()) return std::nullopt;
    return readInvitation(*q);
}

void SqliteCouncilStore::answerInvitation(MeetingId meeting, UserId user, domain::InvitationAnswer answer, Instant at) {
    auto q =
        c_.prepare("UPDATE meeting_invitations SET answer = ?, answered_at = ? WHERE meeting_id = ? AND user_id = ?");
    q->bind(1, domain::invitationAnswerName(answer));
    q->bind(2, at.seconds());
    q->bind(3, meeting.value);
    q->bind(4, user.value);
    q->exec();
}

void SqliteCouncilStore::setAttended(MeetingId meeting, UserId user, bool attended) {
    auto q = c_.prepare("UPDATE meeting_invitations SET attended = ? WHERE meeting_id = ? AND user_id = ?");
    q->bind(1, attended ? 1 : 0);
    q->bind(2, meeting.value);
    q->bind(3, user.value);
    q->exec();
}

std::vector<Invitation> SqliteCouncilStore::invitations(MeetingId meeting) {
    auto q = c_.prepare("SELECT " YISHI_INVITATION_COLUMNS
                        " FROM meeting_invitations WHERE meeting_id = ? ORDER BY invited_at, user_id");
    q->bind(1, meeting.value);
    std::vector<Invitation> out;
    while (q->executeStep()) out.push_back(readInvitation(*q));
    return out;
}

}  // namespace yishi::storage
