#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/page.h"
#include "yishi/domain/project.h"

// Where projects, their progress, expenses and ratings are kept. The store port of this feature; its SQLite
// implementation lives beside it in storage/. A service reaches it inside a transaction as stores.get<...>(). Throws
// only when the store itself is broken.
namespace yishi::domain {

class ProjectStore {
  public:
    virtual ~ProjectStore() = default;
    virtual std::optional<Project> project(ProjectId id) = 0;
    virtual std::optional<Project> projectOfProposal(ProposalId proposal) = 0;
    virtual ProjectId insertProject(const Project& project) = 0;
    // Saves progress_percent, completed and completed_at.
    virtual void updateProject(const Project& project) = 0;
    virtual Page<Project> projects(CommunityId community, PageRequest page) = 0;
    virtual void insertProgress(const ProgressUpdate& update) = 0;
    virtual std::vector<ProgressUpdate> progress(ProjectId project) = 0;
    virtual void insertExpense(const Expense& expense) = 0;
    virtual std::vector<Expense> expenses(ProjectId project) = 0;
    // One per resident: false when `rating.user_id` rated it already.
    virtual bool insertRating(const Rating& rating) = 0;
    virtual std::vector<Rating> ratings(ProjectId project) = 0;
};

}  // namespace yishi::domain
