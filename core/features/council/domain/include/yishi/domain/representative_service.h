#pragma once

#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/council.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// 居民代表 and who is invited to a 议事会 meeting (docs/council.md). The
// committee designates verified residents as representatives and ends their
// term with a reason; it invites them (and other verified residents) to a
// meeting of the consultation feature; invitees answer until the meeting
// begins; the committee records who came. Lists are public. Each change is
// a Change in the same transaction. Thread-safe.
class RepresentativeService {
  public:
    RepresentativeService(Database& db, const Clock& clock);

    // Public: serving ones first, then past ones. not_found "community.not_found".
    Result<std::vector<Representative>> list(CommunityId community);
    // Those who run the community (forbidden "representative.forbidden")
    // designate a verified resident of it (invalid "representative.not_resident")
    // not serving already (conflict "representative.exists"), from now.
    // not_found "community.not_found", "user.not_found".
    Result<Representative> designate(const Actor& actor, CommunityId community, UserId user);
    // Those who run the community end a term, with a reason (invalid
    // "reason.invalid", 1-500 characters). conflict "representative.ended";
    // not_found "representative.not_found"; forbidden "representative.forbidden".
    Result<Representative> end(const Actor& actor, std::int64_t id, const std::string& reason);

    // Public: who was invited, their answers and who came.
    // not_found "meeting.not_found".
    Result<std::vector<Invitation>> invitations(MeetingId meeting);
    // Those who run the meeting's community (forbidden "invitation.forbidden")
    // invite the serving representatives (all_representatives) and the
    // verified residents named in `users` (invalid "invitation.not_resident");
    // those invited already are left as they are. Before the meeting begins
    // (conflict "invitation.too_late"). not_found "meeting.not_found".
    Result<std::vector<Invitation>> invite(const Actor& actor, MeetingId meeting, bool all_representatives,
                                           const std::vector<UserId>& users);
    // The invitee answers attend or decline, and may change it, until the
    // meeting begins. not_found "invitation.not_found" (not invited);
    // conflict "invitation.too_late"; invalid "invitation.answer" (pending).
    Result<Invitation> answer(const Actor& actor, MeetingId meeting, InvitationAnswer answer);
    // Those who run the community record who of the invited came, once the
    // meeting began (conflict "meeting.not_started"): those named came, the
    // other invitees did not. invalid "invitation.not_invited" (a name not
    // invited); forbidden "invitation.forbidden".
    Result<std::vector<Invitation>> recordAttendance(const Actor& actor, MeetingId meeting,
                                                     const std::vector<UserId>& attended);

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
