#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/case_service.h"
#include "yishi/domain/consultation.h"
#include "yishi/domain/consultation_service.h"
#include "yishi/domain/grid.h"
#include "yishi/domain/grid_service.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::domain {

// 帮办代办 (docs/grids.md): a helper acts for a resident who is present, who
// consented, or whose opinion was gathered on paper. The helper is a member
// of the community's committee (anywhere in it), a 网格员 (in their own
// grids only, which the act names or the resident's recorded grid gives) or
// a 楼栋长 (for the residents recorded in their own building). The act is made through the same
// service as the resident's own, as the resident, under an Assistance
// (assistance.h), so the service's rules hold unchanged and the audit row of
// every change it records for the resident carries the helper, their role
// and the consent, in the same transaction. Thread-safe.
class AssistanceService {
  public:
    enum class Kind {
        kRaise,      // raise (and submit) a topic
        kComment,    // an opinion in the thread: said in person, or gathered on paper
        kSupport,    // support a topic
        kNotSolved,  // say a done case (of a problem the resident raised) is not solved
        kBallot,     // never: refused, see act()
    };

    struct Request {
        Kind kind = Kind::kComment;
        UserId resident;
        std::int64_t grid_id = 0;    // where the helper meets the resident (a 网格员's: one of theirs)
        std::int64_t estate_id = 0;  // a 楼栋长's: the estate of their building (0: the resident's recorded one)
        std::string building;        // a 楼栋长's: their building ("": the resident's recorded one)
        std::string consent;         // "present", "consent" or "paper"
        std::string note;            // required with "consent": how and when it was given
        CommunityId community;       // raise
        ProposalId proposal;         // comment, support
        CaseId case_id;              // not_solved (body: the reason)
        ProposalKind proposal_kind = ProposalKind::kProblem;  // raise
        std::string title;                                    // raise
        std::string body;                                     // raise, comment, not_solved
        Stance stance = Stance::kNeutral;                     // comment
    };

    struct Done {
        Kind kind = Kind::kComment;
        std::int64_t subject_id = 0;  // the topic raised or supported, the comment posted, the case
        std::string helper_role;      // "grid_worker", "building_head" or "committee"
    };

    // An act made for the caller, as their own history shows it.
    using Act = AssistedAct;

    struct Person {
        UserId id;
        std::string display_name;
    };

    AssistanceService(Database& db, ProposalService& proposals, ConsultationService& consultation, CaseService& cases,
                      GridService& grids);

    // Makes the act. Refusals, before anything is written: forbidden
    // "assist.ballot_refused" (a ballot of an encrypted election: its secret
    // stays on the voter's device), "assist.forbidden" (neither committee nor
    // a 网格员 or 楼栋长 of the community), "assist.outside_grid" (a 网格员
    // naming no grid of theirs, or for a resident recorded in another grid),
    // "assist.outside_building" (a 楼栋长 for a resident not recorded in
    // their building); invalid "assist.consent", "assist.consent_note",
    // "consent_note.invalid", "assist.resident" (not a verified resident of
    // the community), "assist.self", "place.grid"; not_found
    // "community.not_found", "proposal.not_found", "case.not_found". Then whatever the act's
    // own service answers (proposal.*, comment.*, support.*, case.*, body.invalid).
    Result<Done> act(const Actor& helper, const Request& request);

    // The acts helpers made for the caller, newest first (at most 200).
    Result<std::vector<Act>> actsFor(const Actor& actor);

    // Whom the helper may act for: the community's verified residents, by
    // name (a 楼栋长: those recorded in their buildings). The committee, the
    // community's 网格员 and 楼栋长 only ("assist.forbidden").
    Result<std::vector<Person>> residents(const Actor& helper, CommunityId community);

  private:
    Database& db_;
    ProposalService& proposals_;
    ConsultationService& consultation_;
    CaseService& cases_;
    GridService& grids_;
};

const char* assistKindName(AssistanceService::Kind kind);
bool parseAssistKind(const std::string& text, AssistanceService::Kind* kind);

}  // namespace yishi::domain
