#include "proposal_referendums.h"

#include <string>

namespace yishi::app {

namespace {

std::string subjectOf(const domain::Proposal& p) { return "proposal/" + std::to_string(p.id.value); }

}  // namespace

Result<std::int64_t> ProposalReferendums::openReferendum(const domain::Actor& actor, const domain::Proposal& proposal,
                                                         Instant closes_at) {
    if (!demo_trustees_) {
        return Status::conflict("proposal.no_trustees",
                                "This server does not play trustees: open the referendum with its trustees "
                                "(POST /api/v1/communities/{id}/elections, subject proposal/<id>) and send the "
                                "proposal to the vote with its election_id.");
    }
    domain::ElectionService::CreateRequest r;
    r.kind = domain::ElectionKind::kReferendum;
    r.title = proposal.title;
    r.subject = subjectOf(proposal);
    r.opens_at = elections_.now();
    r.closes_at = closes_at;
    r.demo = true;
    YISHI_ASSIGN_OR_RETURN(auto view,
                           elections_.create(actor, {domain::ScopeKind::kCommunity, proposal.community_id.value}, r));
    return view.election.id.value;
}

Status ProposalReferendums::checkAttachable(const domain::Proposal& proposal, std::int64_t election_id) {
    const auto refuse = [&](const std::string& why) {
        return Status::invalid("proposal.election_id",
                               "Election " + std::to_string(election_id) + " cannot decide this proposal: " + why);
    };
    auto view = elections_.get(domain::Actor::anonymous(), domain::ElectionId(election_id));
    if (!view.isOk()) return refuse("there is no such election.");
    const domain::Election& e = view->election;
    if (e.community_id != proposal.community_id) return refuse("it is another community's.");
    if (e.kind != domain::ElectionKind::kReferendum) return refuse("it is not a referendum.");
    if (e.subject != subjectOf(proposal)) return refuse("its subject is not " + subjectOf(proposal) + ".");
    if (e.phase != domain::ElectionPhase::kCeremony && e.phase != domain::ElectionPhase::kOpen) {
        return refuse("it has closed.");
    }
    return Status::ok();
}

Status ProposalReferendums::onPublished(domain::Stores& stores, const domain::Election& election, Instant now) {
    constexpr std::string_view kPrefix = "proposal/";
    if (election.kind != domain::ElectionKind::kReferendum || election.subject.rfind(kPrefix, 0) != 0) {
        return Status::ok();
    }
    std::int64_t id = 0;
    try {
        id = std::stoll(election.subject.substr(kPrefix.size()));
    } catch (...) {
        return Status::ok();  // a subject no proposal has
    }
    // The record's rule for a referendum (election-record.md 5.8): adopted
    // when yes (option 0) outnumbers no; the result selects {0} then.
    const bool adopted = election.selected.size() == 1 && election.selected.front() == 0;
    return proposals_.decideByVote(stores, domain::ProposalId(id), election.id.value, adopted, now);
}

}  // namespace yishi::app
