#pragma once

#include <cstdint>
#include <string>
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

    // An amendment moved onto a newer version of its convention.
    struct Rebase {
        ProposalId proposal_id;
        ConventionId convention_id;
        int from_version = 0;
        int onto_version = 0;
        std::string reason;
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

    // The committee states that an amendment written against an older version
    // stands over the current one, with a public reason; recorded in the
    // proposal's history. Its text is adopted as written: what the versions
    // in between changed stays only where that text has it too.
    // unauthenticated; forbidden "community.forbidden"; not_found
    // "proposal.not_found"; invalid "rebase.reason_required",
    // "reason.invalid"; conflict "rebase.not_an_amendment", "rebase.formed"
    // (its version exists already), "rebase.version" (`onto_version` is not
    // the current version), "rebase.not_needed" (it is based on it already).
    Result<Rebase> rebase(const Actor& actor, ProposalId proposal, int onto_version, const std::string& reason);

    // ProposalOutcome: a rule becomes a new convention, or the next version
    // of the one it amends (which must be its community's). An amendment
    // records the version it was written against: the one the author names
    // (invalid "proposal.amends" when it does not exist, conflict
    // "convention.stale_base" when it is no longer the current one), else the
    // current one. form() refuses an amendment whose base is no longer the
    // current version with conflict "convention.stale_base", so one adopted
    // amendment never silently undoes another.
    Status checkDraft(Stores& stores, Proposal& draft) override;
    Result<std::int64_t> form(Stores& stores, const Proposal& proposal, const ProposalOutcome::Input& input,
                              Instant now) override;

  private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace yishi::domain
