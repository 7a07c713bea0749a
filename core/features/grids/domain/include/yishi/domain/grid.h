#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"
#include "yishi/domain/page.h"
#include "yishi/domain/people.h"
#include "yishi/domain/proposal.h"

// 小区 (estates) and 网格 (grids) inside a community, their 网格员, where a
// topic is and which estate a resident lives in (docs/grids.md).
namespace yishi::domain {

// A residential estate (小区) of a community.
struct Estate {
    std::int64_t id = 0;
    CommunityId community_id;
    std::string name;
    Instant created_at;
};

// A grid (网格) of a community: the area one or more 网格员 look after.
// Independent of the estates: a grid may cover parts of several.
struct Grid {
    std::int64_t id = 0;
    CommunityId community_id;
    std::string name;
    Instant created_at;
    std::vector<User> workers;  // its 网格员, in the order they were assigned
};

// Where a topic is: an estate, a grid, or both (0: none).
struct ProposalPlace {
    ProposalId proposal_id;
    std::int64_t estate_id = 0;
    std::int64_t grid_id = 0;
};

// A 楼栋长 (building head): a person the committee appointed for one
// building of an estate. A building is a label within the estate ("3号楼").
struct BuildingHead {
    std::int64_t id = 0;
    std::int64_t estate_id = 0;
    std::string building;
    User person;
    Instant appointed_at;
};

// Where a resident lives, as the staff recorded it (the household roster):
// a grid, an estate and a building in it (0 and "": not recorded).
struct ResidentPlace {
    UserId user;
    std::string display_name;  // read back only
    CommunityId community;
    std::int64_t grid_id = 0;
    std::int64_t estate_id = 0;
    std::string building;
    Instant recorded_at;
    UserId recorded_by;
};

// An act a helper made for a resident (帮办代办), as the audit keeps it.
struct AssistedAct {
    Instant at;
    std::string action;  // the audit action, e.g. "comment.posted"
    std::string subject_kind;
    std::int64_t subject_id = 0;
    std::string helper_name;
    std::string helper_role;  // "grid_worker", "building_head" or "committee"
    std::string consent;      // "present", "consent" or "paper"
    std::string note;
};

// The store port of this feature; its SQLite implementation lives in
// storage/. Reached inside a transaction as stores.get<GridStore>(). Throws
// only when the store itself is broken.
class GridStore {
  public:
    virtual ~GridStore() = default;
    // False when the community has an estate (a grid) of that name already.
    virtual bool insertEstate(Estate& estate) = 0;
    virtual bool insertGrid(Grid& grid) = 0;
    virtual std::optional<Estate> estate(std::int64_t id) = 0;
    // With its workers.
    virtual std::optional<Grid> grid(std::int64_t id) = 0;
    virtual std::vector<Estate> estates(CommunityId community) = 0;
    // With their workers, by id.
    virtual std::vector<Grid> grids(CommunityId community) = 0;
    // False when the person works the grid already (for add) or did not (for remove).
    virtual bool addWorker(std::int64_t grid_id, UserId user, Instant at) = 0;
    virtual bool removeWorker(std::int64_t grid_id, UserId user) = 0;
    // The grids `user` works, in every community.
    virtual std::vector<std::int64_t> gridsOfWorker(UserId user) = 0;

    virtual std::optional<ProposalPlace> place(ProposalId proposal) = 0;
    // A place with neither estate nor grid removes the row.
    virtual void savePlace(const ProposalPlace& place) = 0;
    // The ids of the topics placed in `estate`, newest first, paged by id.
    virtual Page<ProposalId> proposalsIn(std::int64_t estate_id, PageRequest page) = 0;

    // The estate `user` lives in within `community` (0: not said).
    virtual std::int64_t residentEstate(UserId user, CommunityId community) = 0;
    // estate_id 0 forgets it.
    virtual void saveResidentEstate(UserId user, CommunityId community, std::int64_t estate_id) = 0;

    // 楼栋长. False when the person heads that building already.
    virtual bool addBuildingHead(BuildingHead& head) = 0;
    virtual std::optional<BuildingHead> buildingHead(std::int64_t id) = 0;
    virtual void removeBuildingHead(std::int64_t id) = 0;
    // The heads of the community's estates, by estate, building, appointment.
    virtual std::vector<BuildingHead> buildingHeads(CommunityId community) = 0;
    // The buildings `user` heads, in every community.
    virtual std::vector<BuildingHead> buildingsOfHead(UserId user) = 0;

    // The household roster.
    virtual std::optional<ResidentPlace> residentPlace(UserId user, CommunityId community) = 0;
    // A place with neither grid nor estate removes the row.
    virtual void saveResidentPlace(const ResidentPlace& place) = 0;
    // With the residents' names, by name.
    virtual std::vector<ResidentPlace> residentPlaces(CommunityId community) = 0;

    // The acts helpers made for `resident`, newest first, read from the audit log.
    virtual std::vector<AssistedAct> assistedActsFor(UserId resident, int limit) = 0;
};

}  // namespace yishi::domain
