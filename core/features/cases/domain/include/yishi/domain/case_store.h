#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/domain/case.h"
#include "yishi/domain/page.h"
#include "yishi/domain/people.h"

// Where cases and their entries are kept. The store port of this feature;
// its SQLite implementation lives beside it in storage/. A service reaches it
// inside a transaction as stores.get<CaseStore>(). Throws only when the store
// itself is broken.
namespace yishi::domain {

// A case as a list shows it: with its problem's title.
struct CaseSummary {
    Case c;
    std::string title;
};

class CaseStore {
  public:
    virtual ~CaseStore() = default;
    virtual std::optional<Case> byId(CaseId id) = 0;
    virtual std::optional<Case> ofProposal(ProposalId proposal) = 0;
    // REQUIRES: the proposal has no case yet.
    virtual CaseId insertCase(const Case& c) = 0;
    // Saves state, assignee, done_at, closed_at and reopened.
    virtual void updateCase(const Case& c) = 0;
    // Entries are never changed or removed (the table refuses it).
    virtual std::int64_t insertEntry(const CaseEntry& entry) = 0;
    // A case's entries, oldest first.
    virtual std::vector<CaseEntry> entries(CaseId id) = 0;
    // Every entry of a community's cases, each case's in order.
    virtual std::vector<CaseEntry> entriesOfCommunity(CommunityId community) = 0;
    // A community's cases by id, all states when `state` is empty.
    virtual Page<CaseSummary> list(CommunityId community, std::optional<CaseState> state, PageRequest page) = 0;
    // Who holds a committee grant on the community, by display name: those a
    // case may be assigned to (docs/cases.md). A 网格员 role scoped to grids
    // would be added here when it exists.
    virtual std::vector<User> committeeOf(CommunityId community) = 0;
};

}  // namespace yishi::domain
