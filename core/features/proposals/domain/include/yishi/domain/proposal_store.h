#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/result.h"
#include "yishi/domain/page.h"
#include "yishi/domain/proposal.h"

// Where proposals are kept. The store port of this feature; its SQLite implementation lives
// beside it in storage/. A service reaches it inside a transaction as
// stores.get<...>(). Throws only when the store itself is broken.
namespace yishi::domain {

// The orders a list of proposals can come in. Every order ends with the
// newest first among equals.
enum class ProposalSort {
    kNewest,     // by id, newest first
    kSupported,  // most supports first
    kDiscussed,  // most comments first (withdrawn comments left out)
    kDeadline,   // the nearest deadline the proposal now waits on first (see
                 // overdueRules), overdue ones included; those waiting on none last
};

const char* proposalSortName(ProposalSort sort);
bool parseProposalSort(const std::string& text, ProposalSort* sort);

// What a search looks for: the words of `text` (split at spaces, including
// the ideographic space), each of which must appear in the title or the
// body, ignoring ASCII case. Words of three characters or more are looked up
// in the full-text index (trigrams); shorter ones by a plain substring
// match over the same rows.
struct SearchTerms {
    std::vector<std::string> indexed;  // 3 characters (code points) or more
    std::vector<std::string> short_words;
};
inline constexpr std::size_t kMaxSearchBytes = 200;
inline constexpr std::size_t kMaxSearchWords = 8;
// invalid "query.q" when `text` is longer than kMaxSearchBytes or has more than kMaxSearchWords words.
Result<SearchTerms> searchTerms(const std::string& text);

struct ProposalFilter {
    std::vector<ProposalState> states;  // any of these; empty: any state
    std::optional<ProposalKind> kind;
    SearchTerms search;  // empty: no search
    ProposalSort sort = ProposalSort::kNewest;
    // Drafts are listed only for their author: with `drafts_of` set, drafts of
    // that user are included; otherwise none.
    UserId drafts_of;
    // Only proposals overdue now (see overdueReasons). ProposalService puts
    // the current time in `overdue_at`, which is what the store reads.
    bool overdue_only = false;
    Instant overdue_at;
};

struct ProposalActivity {
    std::int64_t supports = 0;
    std::int64_t comments = 0;
    // An accepted problem's case (docs/cases.md), for lists to say where its
    // handling stands: the case's state ("open", "in_progress", "done",
    // "closed"), empty without a case, and how often it was reopened.
    std::string case_state = {};
    std::int64_t case_reopened = 0;
};

class ProposalStore {
  public:
    virtual ~ProposalStore() = default;
    virtual std::optional<Proposal> proposal(ProposalId id) = 0;
    virtual ProposalId insertProposal(const Proposal& proposal) = 0;
    // Saves every field but id, community, author, kind and created_at.
    virtual void updateProposal(const Proposal& proposal) = 0;
    // In the filter's order. Newest first, a page starts below the id
    // `page.after` (0: from the newest); in any other order `page.after` is
    // how many rows earlier pages held (counts change while one reads, so a
    // position is as good a cursor as any there).
    virtual Page<Proposal> proposals(CommunityId community, const ProposalFilter& filter, PageRequest page) = 0;
    // How many supports and comments (not withdrawn) a proposal has.
    virtual ProposalActivity activity(ProposalId id) = 0;
    // How many proposals of the community are in each state (drafts left out).
    virtual std::vector<std::pair<ProposalState, std::int64_t>> countByState(CommunityId community,
                                                                             std::optional<ProposalKind> kind) = 0;
    // The proposals merged into `target`, oldest first.
    virtual std::vector<ProposalId> mergedInto(ProposalId target) = 0;
    // Who has drafts in the community, by id.
    virtual std::vector<UserId> draftAuthors(CommunityId community) = 0;
};

}  // namespace yishi::domain
