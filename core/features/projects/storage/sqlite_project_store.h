#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/domain/project_store.h"

// The feature's store port over one Connection (core/storage), for the
// length of one transaction.
namespace yishi::storage {

class Connection;

class SqliteProjectStore final : public domain::ProjectStore {
  public:
    explicit SqliteProjectStore(Connection& c) : c_(c) {}
    std::optional<domain::Project> project(domain::ProjectId id) override;
    std::optional<domain::Project> projectOfProposal(domain::ProposalId proposal) override;
    domain::ProjectId insertProject(const domain::Project& project) override;
    void updateProject(const domain::Project& project) override;
    domain::Page<domain::Project> projects(CommunityId community, domain::PageRequest page) override;
    void insertProgress(const domain::ProgressUpdate& update) override;
    std::vector<domain::ProgressUpdate> progress(domain::ProjectId project) override;
    void insertExpense(const domain::Expense& expense) override;
    std::vector<domain::Expense> expenses(domain::ProjectId project) override;
    bool insertRating(const domain::Rating& rating) override;
    std::vector<domain::Rating> ratings(domain::ProjectId project) override;

  private:
    Connection& c_;
};

}  // namespace yishi::storage
