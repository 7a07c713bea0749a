#pragma once

#include <optional>
#include <vector>

#include "yishi/domain/grid.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteGridStore final : public domain::GridStore {
  public:
    explicit SqliteGridStore(Connection& c) : c_(c) {}
    bool insertEstate(domain::Estate& estate) override;
    bool insertGrid(domain::Grid& grid) override;
    std::optional<domain::Estate> estate(std::int64_t id) override;
    std::optional<domain::Grid> grid(std::int64_t id) override;
    std::vector<domain::Estate> estates(CommunityId community) override;
    std::vector<domain::Grid> grids(CommunityId community) override;
    bool addWorker(std::int64_t grid_id, UserId user, Instant at) override;
    bool removeWorker(std::int64_t grid_id, UserId user) override;
    std::vector<std::int64_t> gridsOfWorker(UserId user) override;
    std::optional<domain::ProposalPlace> place(domain::ProposalId proposal) override;
    void savePlace(const domain::ProposalPlace& place) override;
    domain::Page<domain::ProposalId> proposalsIn(std::int64_t estate_id, domain::PageRequest page) override;
    std::int64_t residentEstate(UserId user, CommunityId community) override;
    void saveResidentEstate(UserId user, CommunityId community, std::int64_t estate_id) override;
    bool addBuildingHead(domain::BuildingHead& head) override;
    std::optional<domain::BuildingHead> buildingHead(std::int64_t id) override;
    void removeBuildingHead(std::int64_t id) override;
    std::vector<domain::BuildingHead> buildingHeads(CommunityId community) override;
    std::vector<domain::BuildingHead> buildingsOfHead(UserId user) override;
    std::optional<domain::ResidentPlace> residentPlace(UserId user, CommunityId community) override;
    void saveResidentPlace(const domain::ResidentPlace& place) override;
    std::vector<domain::ResidentPlace> residentPlaces(CommunityId community) override;
    std::vector<domain::AssistedAct> assistedActsFor(UserId resident, int limit) override;

  private:
    std::vector<domain::User> workersOf(std::int64_t grid_id);
    Connection& c_;
};

}  // namespace yishi::storage
