#include "yishi/domain/grid_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/grids_changes.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxName = 60;
constexpr std::size_t kMaxBuilding = 30;

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

std::string residentPlaceText(Stores& s, const ResidentPlace& p) {
    std::optional<Estate> estate;
    std::optional<Grid> grid;
    if (p.estate_id != 0) estate = s.get<GridStore>().estate(p.estate_id);
    if (p.grid_id != 0) grid = s.get<GridStore>().grid(p.grid_id);
    std::string text = grid ? grid->name : "";
    if (estate) text += (text.empty() ? "" : " / ") + estate->name + (p.building.empty() ? "" : " " + p.building);
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
        out.building_heads = s.get<GridStore>().buildingHeads(community);
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

bool GridService::Scope::hasGrid(std::int64_t grid_id) const {
    return grid_id != 0 && std::find(grids.begin(), grids.end(), grid_id) != grids.end();
}

bool GridService::Scope::hasBuilding(const ResidentPlace& place) const {
    return std::any_of(buildings.begin(), buildings.end(), [&](const BuildingHead& h) {
        return place.estate_id != 0 && h.estate_id == place.estate_id && h.building == place.building;
    });
}

GridService::Scope GridService::scopeOf(Stores& s, UserId user, CommunityId community) {
    Scope out;
    for (std::int64_t id : s.get<GridStore>().gridsOfWorker(user)) {
        std::optional<Grid> g = s.get<GridStore>().grid(id);
        if (g && g->community_id == community) out.grids.push_back(id);
    }
    for (BuildingHead& h : s.get<GridStore>().buildingsOfHead(user)) {
        std::optional<Estate> e = s.get<GridStore>().estate(h.estate_id);
        if (e && e->community_id == community) out.buildings.push_back(std::move(h));
    }
    return out;
}

Result<BuildingHead> GridService::addBuildingHead(const Actor& actor, std::int64_t estate_id,
                                                  const std::string& building, UserId person) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("building", building, kMaxBuilding));
    BuildingHead out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Estate> e = s.get<GridStore>().estate(estate_id);
        std::optional<Community> c = e ? s.scopes.community(e->community_id) : std::nullopt;
        if (!c) return Status::notFound("estate.not_found", "There is no such estate (小区).");
        YISHI_RETURN_IF_ERROR(mayManage(actor, *c));
        std::optional<User> who = s.users.user(person);
        if (!who || !mayWorkIn(s, person, c->id)) {
            return Status::invalid(
                "building.head", "A 楼栋长 is a verified resident or a committee member of this community (user_id).");
        }
        out = {0, estate_id, building, *who, clock_.now()};
        if (!s.get<GridStore>().addBuildingHead(out)) {
            return Status::conflict("building.head_exists", "This person heads this building already.");
        }
        s.record({changes::kBuildingHeadAdded, out.appointed_at, actor.userId(), estate_id, c->id,
                  e->name + " " + building + " · " + who->display_name});
        return Status::ok();
    }));
    return out;
}

Result<BuildingHead> GridService::removeBuildingHead(const Actor& actor, std::int64_t head_id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    BuildingHead out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<BuildingHead> h = s.get<GridStore>().buildingHead(head_id);
        std::optional<Estate> e = h ? s.get<GridStore>().estate(h->estate_id) : std::nullopt;
        std::optional<Community> c = e ? s.scopes.community(e->community_id) : std::nullopt;
        if (!c) return Status::notFound("building_head.not_found", "There is no such 楼栋长.");
        YISHI_RETURN_IF_ERROR(mayManage(actor, *c));
        s.get<GridStore>().removeBuildingHead(head_id);
        s.record({changes::kBuildingHeadRemoved, clock_.now(), actor.userId(), e->id, c->id,
                  e->name + " " + h->building + " · " + h->person.display_name});
        out = *h;
        return Status::ok();
    }));
    return out;
}

Result<std::vector<ResidentPlace>> GridService::roster(const Actor& actor, CommunityId community) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::vector<ResidentPlace> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return noCommunity();
        std::vector<ResidentPlace> all = s.get<GridStore>().residentPlaces(community);
        if (actor.canManage(*c)) {
            out = std::move(all);
            return Status::ok();
        }
        const Scope scope = scopeOf(s, actor.userId(), community);
        if (scope.empty()) {
            return Status::forbidden(
                "roster.forbidden", "Only this community's committee, its 网格员 and 楼栋长 see where residents live.");
        }
        for (ResidentPlace& p : all) {
            if (scope.hasGrid(p.grid_id) || scope.hasBuilding(p)) out.push_back(std::move(p));
        }
        return Status::ok();
    }));
    return out;
}

Result<ResidentPlace> GridService::recordPlace(const Actor& actor, CommunityId community, const ResidentPlace& place) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (!place.building.empty()) YISHI_RETURN_IF_ERROR(validateName("building", place.building, kMaxBuilding));
    if (!place.building.empty() && place.estate_id == 0) {
        return Status::invalid("roster.building", "A building (楼栋) is named within its estate: give estate_id.");
    }
    ResidentPlace out;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return noCommunity();
        std::optional<ResidentPlace> before = s.get<GridStore>().residentPlace(place.user, community);
        if (!actor.canManage(*c)) {
            const Scope scope = scopeOf(s, actor.userId(), community);
            if (scope.grids.empty()) {
                return Status::forbidden("roster.forbidden",
                                         "Only this community's committee or its 网格员 record where residents live.");
            }
            if (!scope.hasGrid(place.grid_id) || (before && before->grid_id != 0 && !scope.hasGrid(before->grid_id))) {
                return Status::forbidden("roster.outside_grid",
                                         "A 网格员 records the residents of their own grids only.");
            }
        }
        std::optional<Membership> m = s.users.membership(place.user, community);
        if (!m || m->status != MembershipStatus::kVerified) {
            return Status::invalid("roster.resident", "user_id names no verified resident of this community.");
        }
        std::optional<Estate> estate;
        std::optional<Grid> grid;
        YISHI_RETURN_IF_ERROR(estateOf(s, community, place.estate_id, &estate));
        YISHI_RETURN_IF_ERROR(gridOf(s, community, place.grid_id, &grid));
        out = place;
        out.community = community;
        out.recorded_at = clock_.now();
        out.recorded_by = actor.userId();
        s.get<GridStore>().saveResidentPlace(out);
        // Staff's record, traced; the reason stays in the audit log (no public trace reads a user's rows).
        s.record({changes::kResidentPlaceRecorded, out.recorded_at, actor.userId(), place.user.value, community,
                  residentPlaceText(s, out)});
        if (std::optional<ResidentPlace> saved = s.get<GridStore>().residentPlace(place.user, community)) {
            out = *saved;
        } else {
            std::optional<User> u = s.users.user(place.user);
            out.display_name = u ? u->display_name : "";
        }
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
