#include "yishi/domain/grid_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/grids_changes.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxName = 60;

Status noCommunity() { return Status::notFound("community.not_found", "There is no such community."); }
Status noGrid() { return Status::notFound("grid.not_found", "There is no such grid."); }
Status noProposal() { return Status::notFound("proposal.not_found", "There is no such proposal."); }

Status mayManage(const Actor& actor, const Community& community) {
    if (actor.isAuthenticated() && actor.canManage(community)) return Status::ok();
    return Status::forbidden("grid.forbidden", "Only this community's committee manages its estates and grids.");
}

// The author may place their topic until the committee has decided on it.
bool authorMayPlace(const Actor& actor, const Proposal& p) {
    return actor.isAuthenticated() && actor.userId() == p.author_id &&
           (p.state == ProposalState::kDraft || p.state == ProposalState::kSubmitted ||
            p.state == ProposalState::kScreening || p.state == ProposalState::kNeedsRevision);
}

bool mayPlace(const Actor& actor, const Proposal& p, const Community& community) {
    return authorMayPlace(actor, p) || (actor.isAuthenticated() && actor.canManage(community));
}

// A 网格员 is someone the community knows: a verified resident or a member
// of its committee.
bool mayWorkIn(Stores& s, UserId user, CommunityId community) {
    std::optional<Membership> m = s.users.membership(user, community);
    if (m && m->status == MembershipStatus::kVerified) return true;
    for (const RoleGrant& g : s.users.grants(user)) {
        if (g.role == Role::kCommittee && g.scope == ScopeRef{ScopeKind::kCommunity, community.value}) return true;
    }
    return false;
}

Status estateOf(Stores& s, CommunityId community, std::int64_t estate_id, std::optional<Estate>* out) {
    if (estate_id == 0) return Status::ok();
    std::optional<Estate> e = s.get<GridStore>().estate(estate_id);
    if (!e || e->community_id != community) {
        return Status::invalid("place.estate", "estate_id names no estate (小区) of this community.");
    }
    *out = std::move(e);
    return Status::ok();
}

Status gridOf(Stores& s, CommunityId community, std::int64_t grid_id, std::optional<Grid>* out) {
    if (grid_id == 0) return Status::ok();
    std::optional<Grid> g = s.get<GridStore>().grid(grid_id);
    if (!g || g->community_id != community) {
        return Status::invalid("place.grid", "grid_id names no grid (网格) of this community.");
    }
    *out = std::move(g);
    return Status::ok();
}

GridService::PlaceView placeView(Stores& s, const Actor& actor, const Proposal& p, const Community& community) {
    GridService::PlaceView v;
    v.proposal_id = p.id;
    v.may_change = mayPlace(actor, p, community);
    if (std::optional<ProposalPlace> place = s.get<GridStore>().place(p.id)) {
        if (place->estate_id != 0) v.estate = s.get<GridStore>().estate(place->estate_id);
        if (place->grid_id != 0) v.grid = s.get<GridStore>().grid(place->grid_id);
    }
    return v;
}

std::string placeText(const std::optional<Estate>& estate, const std::optional<Grid>& grid) {
    std::string text = estate ? estate->name : "";
    if (grid) text += (text.empty() ? "" : " / ") + grid->name;
    return text;
}

// Grid `grid_id`, when `actor` may manage its community.
Result<Grid> managedGrid(Stores& s, const Actor& actor, std::int64_t grid_id) {
    std::optional<Grid> g = s.get<GridStore>().grid(grid_id);
    if (!g) return noGrid();
    std::optional<Community> c = s.scopes.community(g->community_id);
    if (!c) return noGrid();
    YISHI_RETURN_IF_ERROR(mayManage(actor, *c));
    return *g;
}

}  // namespace

GridService::GridService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<GridService::Overview> GridService::overview(CommunityId community) {
    Overview out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community)) return noCommunity();
        out.estates = s.get<GridStore>().estates(community);
        out.grids = s.get<GridStore>().grids(community);
        return Status::ok();
    }));
    return out;
}

Result<Estate> GridService::createEstate(const Actor& actor, CommunityId community, const std::string& name) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("name", name, kMaxName));
    Estate e;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return noCommunity();
        YISHI_RETURN_IF_ERROR(mayManage(actor, *c));
        e = {0, community, name, clock_.now()};
        if (!s.get<GridStore>().insertEstate(e)) {
            return Status::conflict("estate.exists", "This community has an estate (小区) of that name already.");
        }
        s.record({changes::kEstateCreated, e.created_at, actor.userId(), e.id, community, name});
        return Status::ok();
    }));
    return e;
}

Result<Grid> GridService::createGrid(const Actor& actor, CommunityId community, const std::string& name) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("name", name, kMaxName));
    Grid g;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return noCommunity();
        YISHI_RETURN_IF_ERROR(mayManage(actor, *c));
        g = {0, community, name, clock_.now(), {}};
        if (!s.get<GridStore>().insertGrid(g)) {
            return Status::conflict("grid.exists", "This community has a grid (网格) of that name already.");
        }
        s.record({changes::kGridCreated, g.created_at, actor.userId(), g.id, community, name});
        return Status::ok();
    }));
    return g;
}

Result<Grid> GridService::addWorker(const Actor& actor, std::int64_t grid_id, UserId worker) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Grid out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(const Grid g, managedGrid(s, actor, grid_id));
        std::optional<User> who = s.users.user(worker);
        if (!who || !mayWorkIn(s, worker, g.community_id)) {
            return Status::invalid(
                "grid.worker", "A 网格员 is a verified resident or a committee member of this community (user_id).");
        }
        const Instant now = clock_.now();
        if (!s.get<GridStore>().addWorker(grid_id, worker, now)) {
            return Status::conflict("grid.worker_exists", "This person works this grid already.");
        }
        s.record({changes::kGridWorkerAdded, now, actor.userId(), grid_id, g.community_id, who->display_name});
        out = *s.get<GridStore>().grid(grid_id);
        return Status::ok();
    }));
    return out;
}

Result<Grid> GridService::removeWorker(const Actor& actor, std::int64_t grid_id, UserId worker) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Grid out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(const Grid g, managedGrid(s, actor, grid_id));
        if (!s.get<GridStore>().removeWorker(grid_id, worker)) {
            return Status::conflict("grid.not_worker", "This person does not work this grid.");
        }
        std::optional<User> who = s.users.user(worker);
        s.record({changes::kGridWorkerRemoved, clock_.now(), actor.userId(), grid_id, g.community_id,
                  who ? who->display_name : ""});
        out = *s.get<GridStore>().grid(grid_id);
        return Status::ok();
    }));
    return out;
}

Result<GridService::PlaceView> GridService::place(const Actor& actor, ProposalId proposal) {
    PlaceView out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(proposal);
        if (!p || !proposalVisibleTo(*p, actor.userId())) return noProposal();
        std::optional<Community> c = s.scopes.community(p->community_id);
        if (!c) return noProposal();
        out = placeView(s, actor, *p, *c);
        return Status::ok();
    }));
    return out;
}

Result<GridService::PlaceView> GridService::setPlace(const Actor& actor, ProposalId proposal, std::int64_t estate_id,
                                                     std::int64_t grid_id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    PlaceView out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(proposal);
        if (!p || !proposalVisibleTo(*p, actor.userId())) return noProposal();
        std::optional<Community> c = s.scopes.community(p->community_id);
        if (!c) return noProposal();
        if (!mayPlace(actor, *p, *c)) {
            return Status::forbidden("place.forbidden",
                                     "Only the topic's author (until it is decided on) or the committee says where "
                                     "it is.");
        }
        std::optional<Estate> estate;
        std::optional<Grid> grid;
        YISHI_RETURN_IF_ERROR(estateOf(s, p->community_id, estate_id, &estate));
        YISHI_RETURN_IF_ERROR(gridOf(s, p->community_id, grid_id, &grid));
        s.get<GridStore>().savePlace({p->id, estate_id, grid_id});
        // A draft's place is the author's business until it is submitted.
        if (proposalIsPublic(*p)) {
            s.record({changes::kProposalPlaced, clock_.now(), actor.userId(), p->id.value, p->community_id,
                      placeText(estate, grid)});
        }
        out = placeView(s, actor, *p, *c);
        return Status::ok();
    }));
    return out;
}

Result<Page<GridService::Topic>> GridService::topicsIn(CommunityId community, std::int64_t estate_id,
                                                       PageRequest page) {
    Page<Topic> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Estate> e = s.get<GridStore>().estate(estate_id);
        if (!e || e->community_id != community) {
            return Status::notFound("estate.not_found", "There is no such estate (小区) in this community.");
        }
        Page<ProposalId> ids = s.get<GridStore>().proposalsIn(estate_id, page.clamped());
        out.next_after = ids.next_after;
        for (ProposalId id : ids.items) {
            std::optional<Proposal> p = s.get<ProposalStore>().proposal(id);
            // Drafts are placed too, but listed for nobody.
            if (!p || !proposalIsPublic(*p)) continue;
            out.items.push_back({p->id, p->title, p->kind, p->state, p->created_at});
        }
        return Status::ok();
    }));
    return out;
}

Result<std::int64_t> GridService::myEstate(const Actor& actor, CommunityId community) {
    YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(community));
    std::int64_t out = 0;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        out = s.get<GridStore>().residentEstate(actor.userId(), community);
        return Status::ok();
    }));
    return out;
}

Result<std::int64_t> GridService::setMyEstate(const Actor& actor, CommunityId community, std::int64_t estate_id) {
    YISHI_RETURN_IF_ERROR(actor.requireVerifiedResident(community));
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Estate> unused;
        YISHI_RETURN_IF_ERROR(estateOf(s, community, estate_id, &unused));
        // Where one lives is the resident's own: it is kept, not traced.
        s.get<GridStore>().saveResidentEstate(actor.userId(), community, estate_id);
        return Status::ok();
    }));
    return estate_id;
}

std::optional<User> GridService::defaultAssignee(Stores& s, const Proposal& problem) {
    std::optional<ProposalPlace> place = s.get<GridStore>().place(problem.id);
    if (!place || place->grid_id == 0) return std::nullopt;
    std::optional<Grid> grid = s.get<GridStore>().grid(place->grid_id);
    if (!grid || grid->workers.empty()) return std::nullopt;
    return grid->workers.front();
}

std::vector<User> GridService::otherAssignees(Stores& s, CommunityId community) {
    std::vector<User> out;
    for (Grid& g : s.get<GridStore>().grids(community)) {
        for (User& u : g.workers) {
            if (std::none_of(out.begin(), out.end(), [&](const User& o) { return o.id == u.id; })) {
                out.push_back(std::move(u));
            }
        }
    }
    return out;
}

}  // namespace yishi::domain
