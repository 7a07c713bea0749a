#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/case_routing.h"
#include "yishi/domain/grid.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// 小区 and 网格 of a community (docs/grids.md). The committee (or an admin
// of the district) names the estates and grids and assigns each grid its
// 网格员; a topic's author (while it is being screened at the latest) or the
// committee says which estate and grid it is in; a resident says which estate
// they live in and reads the topics of it. As the cases' CaseRouting, a
// problem accepted in a grid goes to that grid's worker. Reading is public.
// Thread-safe.
class GridService final : public CaseRouting {
  public:
    struct Overview {
        std::vector<Estate> estates;               // by id
        std::vector<Grid> grids;                   // by id, with their workers
        std::vector<BuildingHead> building_heads;  // by estate, building, appointment
    };

    // Who may see a roster entry or act for its resident besides the committee.
    struct Scope {
        std::vector<std::int64_t> grids;      // the grids the person works in the community
        std::vector<BuildingHead> buildings;  // the buildings they head in the community
        bool empty() const { return grids.empty() && buildings.empty(); }
        bool hasGrid(std::int64_t grid_id) const;
        // Whether `place` is in one of the buildings (estate and label).
        bool hasBuilding(const ResidentPlace& place) const;
    };

    // A topic listed under an estate.
    struct Topic {
        ProposalId id;
        std::string title;
        ProposalKind kind = ProposalKind::kProblem;
        ProposalState state = ProposalState::kSubmitted;
        Instant created_at;
    };

    struct PlaceView {
        ProposalId proposal_id;
        std::optional<Estate> estate;
        std::optional<Grid> grid;
        bool may_change = false;  // for the actor who asked
    };

    GridService(Database& db, const Clock& clock);

    // not_found "community.not_found".
    Result<Overview> overview(CommunityId community);

    // Those who run the community (else forbidden "grid.forbidden"). invalid
    // "name.invalid"; conflict "estate.exists" / "grid.exists" (the name is taken).
    Result<Estate> createEstate(const Actor& actor, CommunityId community, const std::string& name);
    Result<Grid> createGrid(const Actor& actor, CommunityId community, const std::string& name);

    // Those who run the grid's community make `worker` one of its 网格员, or
    // no longer. The worker is a verified resident or a committee member of
    // the community (else invalid "grid.worker"). not_found "grid.not_found";
    // forbidden "grid.forbidden"; conflict "grid.worker_exists" (add) or
    // "grid.not_worker" (remove).
    Result<Grid> addWorker(const Actor& actor, std::int64_t grid_id, UserId worker);
    Result<Grid> removeWorker(const Actor& actor, std::int64_t grid_id, UserId worker);

    // Those who run the estate's community appoint `person` 楼栋长 of
    // `building` (a label such as "3号楼") of the estate. The person is a
    // verified resident or a committee member of the community (else invalid
    // "building.head"). not_found "estate.not_found"; forbidden
    // "grid.forbidden"; invalid "building.invalid"; conflict
    // "building.head_exists".
    Result<BuildingHead> addBuildingHead(const Actor& actor, std::int64_t estate_id, const std::string& building,
                                         UserId person);
    // not_found "building_head.not_found" (no such appointment); forbidden "grid.forbidden".
    Result<BuildingHead> removeBuildingHead(const Actor& actor, std::int64_t head_id);

    // The household roster: where residents live, as the staff recorded
    // it. The committee sees all of it; a 网格员 the residents of their
    // grids, a 楼栋长 those of their buildings; anyone else is refused
    // (forbidden "roster.forbidden"). not_found "community.not_found".
    Result<std::vector<ResidentPlace>> roster(const Actor& actor, CommunityId community);
    // Records where `resident` (a verified resident of the community, else
    // invalid "roster.resident") lives: grid, estate and building (0 and
    // "": none; all none forgets). The committee anywhere; a 网格员 only in
    // their own grids, for a resident not recorded in another grid
    // (forbidden "roster.outside_grid"); anyone else "roster.forbidden".
    // invalid "place.grid", "place.estate", "building.invalid",
    // "roster.building" (a building needs its estate).
    Result<ResidentPlace> recordPlace(const Actor& actor, CommunityId community, const ResidentPlace& place);

    // The grids and buildings `user` looks after in `community`.
    static Scope scopeOf(Stores& stores, UserId user, CommunityId community);

    // Where a topic is. not_found "proposal.not_found" (also a draft of someone else).
    Result<PlaceView> place(const Actor& actor, ProposalId proposal);
    // Sets where a topic is (0: none): its author while it is a draft,
    // submitted or in screening, or those who run its community at any time
    // (else forbidden "place.forbidden"). invalid "place.estate" /
    // "place.grid" (not one of the topic's community).
    Result<PlaceView> setPlace(const Actor& actor, ProposalId proposal, std::int64_t estate_id, std::int64_t grid_id);

    // The public topics placed in an estate, newest first. not_found
    // "estate.not_found" (also an estate of another community).
    Result<Page<Topic>> topicsIn(CommunityId community, std::int64_t estate_id, PageRequest page);

    // The estate the actor lives in within `community` (0: not said). A
    // verified resident of it only (requireVerifiedResident's refusals).
    Result<std::int64_t> myEstate(const Actor& actor, CommunityId community);
    // invalid "place.estate" (not one of the community's); 0 forgets it.
    Result<std::int64_t> setMyEstate(const Actor& actor, CommunityId community, std::int64_t estate_id);

    // CaseRouting: the first worker of the problem's grid; every worker of
    // the community's grids.
    std::optional<User> defaultAssignee(Stores& stores, const Proposal& problem) override;
    std::vector<User> otherAssignees(Stores& stores, CommunityId community) override;

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
