#include "yishi/domain/assistance_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/assistance.h"
#include "yishi/domain/case_store.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxNote = 500;
constexpr int kMaxActs = 200;

Status forbidden() {
    return Status::forbidden("assist.forbidden",
                             "Only this community's committee, its 网格员 or 楼栋长 act for a resident (帮办代办).");
}

// The role under which `helper` may act for `resident` in `community`:
// "committee" anywhere; "grid_worker" in one of their grids, the one the act
// names or, when it names none, the one the resident is recorded in (a
// resident recorded in a grid is acted for in that grid only);
// "building_head" for a resident recorded in one of the helper's buildings
// (the act may name it: then it must be that one). Fills in the grid and
// the resident's estate where the act raises a topic.
Result<std::string> helperRole(Stores& s, const Actor& helper, const Community& community, UserId resident,
                               std::int64_t* grid_id, std::int64_t* estate_id, const std::string& building) {
    std::optional<ResidentPlace> lives = s.get<GridStore>().residentPlace(resident, community.id);
    if (helper.canManage(community)) {
        if (*grid_id != 0) {
            std::optional<Grid> g = s.get<GridStore>().grid(*grid_id);
            if (!g || g->community_id != community.id) {
                return Status::invalid("place.grid", "grid_id names no grid (网格) of this community.");
            }
        }
        return std::string("committee");
    }
    const GridService::Scope scope = GridService::scopeOf(s, helper.userId(), community.id);
    if (scope.empty()) return forbidden();
    if (!scope.grids.empty()) {
        const std::int64_t recorded = lives ? lives->grid_id : 0;
        const std::int64_t where = *grid_id != 0 ? *grid_id : recorded;
        if (scope.hasGrid(where) && (recorded == 0 || recorded == where)) {
            *grid_id = where;
            return std::string("grid_worker");
        }
    }
    if (!scope.buildings.empty() && lives && scope.hasBuilding(*lives) &&
        (*estate_id == 0 || *estate_id == lives->estate_id) && (building.empty() || building == lives->building)) {
        *estate_id = lives->estate_id;
        *grid_id = 0;  // the topic is placed in the resident's estate, not in a grid on the head's word
        return std::string("building_head");
    }
    if (!scope.grids.empty()) {
        return Status::forbidden("assist.outside_grid",
                                 "A 网格员 acts for residents of their own grids only: name one of them (grid_id); a "
                                 "resident recorded in another grid is that grid's.");
    }
    return Status::forbidden("assist.outside_building",
                             "A 楼栋长 acts for residents recorded in their own building only.");
}

Status validConsent(const std::string& consent, const std::string& note) {
    if (consent != "present" && consent != "consent" && consent != "paper") {
        return Status::invalid("assist.consent",
                               "consent is present (the resident is here), consent (they agreed) or paper.");
    }
    if (consent == "consent" && note.empty()) {
        return Status::invalid("assist.consent_note", "Say how and when the resident gave their consent.");
    }
    return validateText("consent_note", note, kMaxNote);
}

}  // namespace

const char* assistKindName(AssistanceService::Kind kind) {
    switch (kind) {
        case AssistanceService::Kind::kRaise: return "raise";
        case AssistanceService::Kind::kComment: return "comment";
        case AssistanceService::Kind::kSupport: return "support";
        case AssistanceService::Kind::kNotSolved: return "not_solved";
        case AssistanceService::Kind::kBallot: return "ballot";
    }
    return "comment";
}

bool parseAssistKind(const std::string& text, AssistanceService::Kind* kind) {
    for (AssistanceService::Kind k :
         {AssistanceService::Kind::kRaise, AssistanceService::Kind::kComment, AssistanceService::Kind::kSupport,
          AssistanceService::Kind::kNotSolved, AssistanceService::Kind::kBallot}) {
        if (text == assistKindName(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

AssistanceService::AssistanceService(Database& db, ProposalService& proposals, ConsultationService& consultation,
                                     CaseService& cases, GridService& grids)
    : db_(db), proposals_(proposals), consultation_(consultation), cases_(cases), grids_(grids) {}

Result<AssistanceService::Done> AssistanceService::act(const Actor& helper, const Request& r) {
    YISHI_RETURN_IF_ERROR(helper.requireSignedIn());
    if (r.kind == Kind::kBallot) {
        return Status::forbidden("assist.ballot_refused",
                                 "A helper never casts a ballot in an encrypted election: the voter's credential "
                                 "stays on their own device.");
    }
    YISHI_RETURN_IF_ERROR(validConsent(r.consent, r.note));
    if (r.resident == helper.userId()) {
        return Status::invalid("assist.self", "A helper acts for someone else; do it yourself as yourself.");
    }

    // Who may act, for whom, where: read first, then the act as the resident.
    Assistance assistance{r.resident, helper.userId(), "", r.consent, r.note};
    std::optional<Actor> resident;
    CommunityId community = r.community;
    std::int64_t grid_id = r.grid_id;
    std::int64_t estate_id = r.estate_id;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (r.kind == Kind::kNotSolved) {
            std::optional<Case> k = s.get<CaseStore>().byId(r.case_id);
            if (!k) return Status::notFound("case.not_found", "There is no such case.");
            community = k->community_id;
        } else if (r.kind != Kind::kRaise) {
            std::optional<Proposal> p = s.get<ProposalStore>().proposal(r.proposal);
            if (!p || !proposalIsPublic(*p)) {
                return Status::notFound("proposal.not_found", "There is no such proposal.");
            }
            community = p->community_id;
        }
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        YISHI_ASSIGN_OR_RETURN(assistance.helper_role,
                               helperRole(s, helper, *c, r.resident, &grid_id, &estate_id, r.building));
        std::optional<User> u = s.users.user(r.resident);
        std::optional<Membership> m = u ? s.users.membership(u->id, community) : std::nullopt;
        if (!m || m->status != MembershipStatus::kVerified) {
            return Status::invalid("assist.resident", "resident_id names no verified resident of this community.");
        }
        resident.emplace(*u, s.users.grants(u->id), s.users.memberships(u->id));
        return Status::ok();
    }));

    // Every write below is the resident's, marked with the helper's hand.
    const AssistanceScope scope(assistance);
    Done done{r.kind, 0, assistance.helper_role};
    switch (r.kind) {
        case Kind::kRaise: {
            ProposalService::Draft draft;
            draft.kind = r.proposal_kind;
            draft.title = r.title;
            draft.body = r.body;
            draft.submit = true;
            YISHI_ASSIGN_OR_RETURN(ProposalService::View v, proposals_.create(*resident, community, draft));
            done.subject_id = v.proposal.id.value;
            // Raised where the helper met the resident (a 楼栋长: the
            // resident's estate). The topic stands even if this fails (it
            // cannot, but for a vanished grid): it is placed later.
            if (grid_id != 0 || estate_id != 0) (void)grids_.setPlace(*resident, v.proposal.id, estate_id, grid_id);
            break;
        }
        case Kind::kComment: {
            ConsultationService::NewComment comment;
            comment.body = r.body;
            comment.stance = r.stance;
            YISHI_ASSIGN_OR_RETURN(ConsultationService::CommentView v,
                                   consultation_.post(*resident, r.proposal, comment));
            done.subject_id = v.comment.id.value;
            break;
        }
        case Kind::kSupport: {
            YISHI_RETURN_IF_ERROR(consultation_.support(*resident, r.proposal).status());
            done.subject_id = r.proposal.value;
            break;
        }
        case Kind::kNotSolved: {
            YISHI_RETURN_IF_ERROR(cases_.notSolved(*resident, r.case_id, r.body).status());
            done.subject_id = r.case_id.value;
            break;
        }
        case Kind::kBallot: break;  // refused above
    }
    return done;
}

Result<std::vector<AssistanceService::Act>> AssistanceService::actsFor(const Actor& actor) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::vector<Act> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        out = s.get<GridStore>().assistedActsFor(actor.userId(), kMaxActs);
        return Status::ok();
    }));
    return out;
}

Result<std::vector<AssistanceService::Person>> AssistanceService::residents(const Actor& helper,
                                                                            CommunityId community) {
    YISHI_RETURN_IF_ERROR(helper.requireSignedIn());
    std::vector<Person> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return Status::notFound("community.not_found", "There is no such community.");
        if (!helper.canManage(*c)) {
            const GridService::Scope scope = GridService::scopeOf(s, helper.userId(), community);
            if (scope.empty()) return forbidden();
            if (scope.grids.empty()) {
                // A 楼栋长 acts for the residents recorded in their buildings.
                for (const ResidentPlace& p : s.get<GridStore>().residentPlaces(community)) {
                    if (scope.hasBuilding(p) && p.user != helper.userId()) out.push_back({p.user, p.display_name});
                }
                return Status::ok();
            }
        }
        PageRequest page{0, PageRequest::kMaxLimit};
        for (;;) {
            Page<MemberSummary> members = s.users.members(community, MembershipStatus::kVerified, page);
            for (const MemberSummary& m : members.items) {
                if (m.membership.user_id != helper.userId()) out.push_back({m.membership.user_id, m.display_name});
            }
            if (members.next_after == 0) break;
            page.after = members.next_after;
        }
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
