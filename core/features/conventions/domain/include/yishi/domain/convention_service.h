#pragma once

#include <cstdint>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/convention.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/proposal_outcome.h"

namespace yishi::domain {

// 建立公约: conventions with their version history, line diffs between
// versions, and residents' acknowledgement of the current version.
// Conventions are made and amended by ProposalService's form_convention
// step, which it hands over to this service (a ProposalOutcome). Reading is
// public. Thread-safe.
class ConventionService final : public ProposalOutcome {
  public:
    struct View {
        Convention convention;
        ConventionVersion current;
        std::vector<ConventionVersion> versions;  // oldest first
        std::int64_t acknowledgements = 0;        // of the current version
        bool acknowledged_by_me = false;
    };

    ConventionService(Database& db, const Clock& clock);

    Result<View> get(const Actor& actor, ConventionId id);
    Result<Page<Convention>> list(CommunityId community, PageRequest page);
    // not_found "convention.version_not_found".
    Result<ConventionVersion> version(ConventionId id, int version);
    Result<std::vector<DiffLine>> diff(ConventionId id, int from, int to);
    // A verified resident acknowledges the current version.
    // conflict "acknowledgement.exists".
    Result<View> acknowledge(const Actor& actor, ConventionId id);

    // ProposalOutcome: a rule becomes a new convention, or the next version
    // of the one it amends (which must be its community's).
    Status checkDraft(Stores& stores, const Proposal& draft) override;
    Result<std::int64_t> form(Stores& stores, const Proposal& proposal, const ProposalOutcome::Input& input,
                              Instant now) override;

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
