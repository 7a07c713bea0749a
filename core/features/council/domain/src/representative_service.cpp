#include "yishi/domain/representative_service.h"

#include <algorithm>

#include "council_support.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/council_changes.h"
#include "yishi/domain/council_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status forbidden(const char* code) { return Status::forbidden(code, "Only this community's committee does this."); }

using council_support::nameOf;
using council_support::verifiedResident;

std::vector<Invitation> namedInvitations(Stores& s, MeetingId meeting) {
    std::vector<Invitation> out = s.get<CouncilStore>().invitations(meeting);
    for (Invitation& i : out) i.display_name = nameOf(s, i.user_id);
    return out;
}

// The meeting and whether the actor runs its community.
Result<Meeting> managedMeeting(Stores& s, const Actor& actor, MeetingId id) {
    std::optional<Meeting> m = s.get<ConsultationStore>().meeting(id);
    if (!m) return Status::notFound("meeting.not_found", "There is no such meeting.");
    std::optional<Community> c = s.scopes.community(m->community_id);
    if (!c || !actor.canManage(*c)) return forbidden("invitation.forbidden");
    return *m;
}

}  // namespace

RepresentativeService::RepresentativeService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<std::vector<Representative>> RepresentativeService::list(CommunityId community) {
    std::vector<Representative> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community))
            return Status::notFound("community.not_found", "There is no such community.");
        out = s.get<CouncilStore>().representatives(community);
        for (Representative& r : out) r.display_name = nameOf(s, r.user_id);
        return Status::ok();
    }));
    return out;
}

Result<Representative> RepresentativeService::designate(const Actor& actor, CommunityId community, UserId user) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Representative out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        if (!actor.canManage(*c)) return forbidden("representative.forbidden");
        if (!s.users.user(user)) return Status::notFound("user.not_found", "There is no such user.");
        if (!verifiedResident(s, user, community)) {
            return Status::invalid("representative.not_resident",
                                   "A representative is a verified resident of the community.");
        }
        CouncilStore& store = s.get<CouncilStore>();
        if (store.servingRepresentative(community, user)) {
            return Status::conflict("representative.exists", "This resident is a representative already.");
        }
        const Instant now = clock_.now();
        out.community_id = community;
        out.user_id = user;
        out.started_at = now;
        out.designated_by = actor.userId();
        out.id = store.insertRepresentative(out);
        out.display_name = nameOf(s, user);
        s.record({changes::kRepresentativeDesignated, now, actor.userId(), out.id, community, out.display_name, user});
        return Status::ok();
    }));
    return out;
}

Result<Representative> RepresentativeService::end(const Actor& actor, std::int64_t id, const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("reason", reason, 500));
    Representative out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        CouncilStore& store = s.get<CouncilStore>();
        std::optional<Representative> r = store.representative(id);
        if (!r) return Status::notFound("representative.not_found", "There is no such representative.");
        std::optional<Community> c = s.scopes.community(r->community_id);
        if (!c || !actor.canManage(*c)) return forbidden("representative.forbidden");
        if (r->ended_at != Instant()) {
            return Status::conflict("representative.ended", "This representative's term has ended already.");
        }
        const Instant now = clock_.now();
        store.endRepresentative(id, now, reason);
        r->ended_at = now;
        r->end_reason = reason;
        r->display_name = nameOf(s, r->user_id);
        s.record({changes::kRepresentativeEnded, now, actor.userId(), id, r->community_id, reason, r->user_id});
        out = std::move(*r);
        return Status::ok();
    }));
    return out;
}

Result<std::vector<Invitation>> RepresentativeService::invitations(MeetingId meeting) {
    std::vector<Invitation> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.get<ConsultationStore>().meeting(meeting))
            return Status::notFound("meeting.not_found", "There is no such meeting.");
        out = namedInvitations(s, meeting);
        return Status::ok();
    }));
    return out;
}

Result<std::vector<Invitation>> RepresentativeService::invite(const Actor& actor, MeetingId meeting,
                                                              bool all_representatives,
                                                              const std::vector<UserId>& users) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::vector<Invitation> out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Meeting m, managedMeeting(s, actor, meeting));
        const Instant now = clock_.now();
        if (now >= m.starts_at) {
            return Status::conflict("invitation.too_late", "The meeting has begun: invitations are closed.");
        }
        CouncilStore& store = s.get<CouncilStore>();
        std::vector<UserId> invitees;
        if (all_representatives) {
            for (const Representative& r : store.representatives(m.community_id)) {
                if (r.ended_at == Instant()) invitees.push_back(r.user_id);
            }
        }
        for (UserId u : users) {
            if (!verifiedResident(s, u, m.community_id)) {
                return Status::invalid("invitation.not_resident",
                                       "Those invited are verified residents of the community.");
            }
            invitees.push_back(u);
        }
        for (UserId u : invitees) {
            Invitation i;
            i.meeting_id = meeting;
            i.user_id = u;
            i.community_id = m.community_id;
            i.representative = store.servingRepresentative(m.community_id, u).has_value();
            i.invited_at = now;
            if (store.insertInvitation(i)) {
                s.record({changes::kMeetingInvited, now, actor.userId(), meeting.value, m.community_id,
                          invitedReason(u, nameOf(s, u)), u});
            }
        }
        out = namedInvitations(s, meeting);
        return Status::ok();
    }));
    return out;
}

Result<Invitation> RepresentativeService::answer(const Actor& actor, MeetingId meeting, InvitationAnswer answer) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (answer == InvitationAnswer::kPending) {
        return Status::invalid("invitation.answer", "Answer \"attend\" or \"decline\".");
    }
    Invitation out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        CouncilStore& store = s.get<CouncilStore>();
        std::optional<Invitation> i = store.invitation(meeting, actor.userId());
        if (!i) return Status::notFound("invitation.not_found", "You are not invited to this meeting.");
        std::optional<Meeting> m = s.get<ConsultationStore>().meeting(meeting);
        const Instant now = clock_.now();
        if (!m || now >= m->starts_at) {
            return Status::conflict("invitation.too_late", "The meeting has begun: answers are closed.");
        }
        store.answerInvitation(meeting, actor.userId(), answer, now);
        s.record({changes::kInvitationAnswered, now, actor.userId(), meeting.value, i->community_id,
                  invitationAnswerName(answer), actor.userId()});
        i->answer = answer;
        i->answered_at = now;
        i->display_name = nameOf(s, i->user_id);
        out = std::move(*i);
        return Status::ok();
    }));
    return out;
}

Result<std::vector<Invitation>> RepresentativeService::recordAttendance(const Actor& actor, MeetingId meeting,
                                                                        const std::vector<UserId>& attended) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::vector<Invitation> out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(Meeting m, managedMeeting(s, actor, meeting));
        const Instant now = clock_.now();
        if (now < m.starts_at) {
            return Status::conflict("meeting.not_started", "Attendance is recorded after the meeting begins.");
        }
        CouncilStore& store = s.get<CouncilStore>();
        std::vector<Invitation> invited = store.invitations(meeting);
        for (UserId u : attended) {
            const bool found =
                std::any_of(invited.begin(), invited.end(), [&](const Invitation& i) { return i.user_id == u; });
            if (!found) {
                return Status::invalid("invitation.not_invited", "Attendance is recorded for those invited.");
            }
        }
        std::int64_t came = 0;
        for (const Invitation& i : invited) {
            const bool here = std::find(attended.begin(), attended.end(), i.user_id) != attended.end();
            store.setAttended(meeting, i.user_id, here);
            came += here ? 1 : 0;
        }
        s.record({changes::kAttendanceRecorded, now, actor.userId(), meeting.value, m.community_id,
                  std::to_string(came) + " of " + std::to_string(invited.size()) + " invited came"});
        out = namedInvitations(s, meeting);
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
