// Rules about proposals that live in one place each: the overdue rule (the
// badges and the store's overdue filter), the visibility rule, and the
// hand-over of outcomes to the features that form them.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "unit/domain/domain_world.h"
#include "yishi/domain/proposal_store.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::draft;
using yishi::testing::step;

BOOST_AUTO_TEST_SUITE(proposal_rules)

BOOST_AUTO_TEST_CASE(the_overdue_filter_finds_exactly_the_proposals_with_overdue_badges) {
    yishi::testing::World w;
    const std::vector<ProposalState> states = {ProposalState::kSubmitted, ProposalState::kScreening,
                                               ProposalState::kAccepted,  ProposalState::kConsultation,
                                               ProposalState::kVoting,    ProposalState::kNeedsRevision};
    const Instant now = Instant::fromSeconds(1'800'000'000);
    std::mt19937 random(20261202);
    // A deadline unset, past, exactly now, or in the future.
    auto deadline = [&] {
        const Instant choices[] = {Instant(), now - Duration::hours(1), now, now + Duration::hours(1)};
        return choices[random() % 4];
    };
    std::set<std::int64_t> expected;
    BOOST_REQUIRE(w.db->write([&](Stores& s) {
                          for (int i = 0; i < 300; ++i) {
                              Proposal p;
                              p.community_id = w.a.id;
                              p.author_id = w.committee_a;
                              p.title = "p" + std::to_string(i);
                              p.state = states[random() % states.size()];
                              p.response_due_at = deadline();
                              p.decision_due_at = deadline();
                              p.created_at = p.updated_at = now - Duration::hours(2);
                              p.id = s.get<ProposalStore>().insertProposal(p);
                              p.consultation_ends_at = deadline();
                              // Responses and resolved escalations end some waits.
                              p.responded_at = random() % 3 == 0 ? now - Duration::minutes(5) : Instant();
                              p.escalation_resolved_at = random() % 4 == 0 ? now - Duration::minutes(1) : Instant();
                              s.get<ProposalStore>().updateProposal(p);
                              if (!overdueReasons(p, now).empty()) expected.insert(p.id.value);
                          }
                          return Status::ok();
                      })
                      .isOk());
    BOOST_REQUIRE(!expected.empty());

    std::set<std::int64_t> listed;
    BOOST_REQUIRE(w.db->read([&](Stores& s) {
                          ProposalFilter filter;
                          filter.overdue_only = true;
                          filter.overdue_at = now;
                          PageRequest page{0, 100};
                          do {
                              Page<Proposal> got = s.get<ProposalStore>().proposals(w.a.id, filter, page);
                              for (const Proposal& p : got.items) listed.insert(p.id.value);
                              page.after = got.next_after;
                          } while (page.after != 0);
                          return Status::ok();
                      })
                      .isOk());
    BOOST_TEST(listed == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_draft_is_its_authors_alone_everywhere) {
    Proposal p;
    p.author_id = UserId(7);
    p.state = ProposalState::kDraft;
    BOOST_TEST(!proposalIsPublic(p));
    BOOST_TEST(proposalVisibleTo(p, UserId(7)));
    BOOST_TEST(!proposalVisibleTo(p, UserId(8)));
    BOOST_TEST(!proposalVisibleTo(p, UserId()));
    p.state = ProposalState::kSubmitted;
    BOOST_TEST(proposalVisibleTo(p, UserId()));
}

// Defect (issue 9, item 4): withdrawing a private draft made its title, body
// and author public. A proposal never submitted stays its author's alone.
BOOST_AUTO_TEST_CASE(a_draft_withdrawn_before_submission_stays_private) {
    yishi::testing::World w;
    auto author = w.signUpResident("resident0");
    auto other = w.signUpResident("resident1");
    for (UserId u : {author.user.id, other.user.id}) {
        BOOST_REQUIRE(
            w.communities.decide(w.actor(w.committee_a), w.a.id, u, VerificationDecision::kVerify, "").isOk());
    }
    auto created =
        w.proposals.create(w.actor(author.user.id), w.a.id, draft(ProposalKind::kProblem, "私事", "草稿", false));
    BOOST_REQUIRE(created.isOk());
    const ProposalId id = created->proposal.id;
    BOOST_REQUIRE(w.proposals.act(w.actor(author.user.id), id, step(ProposalAction::kWithdraw)).isOk());

    BOOST_TEST(w.proposals.get(w.actor(author.user.id), id).isOk());
    BOOST_TEST(w.proposals.get(w.actor(other.user.id), id).status().code() == "proposal.not_found");
    BOOST_TEST(w.proposals.get(Actor::anonymous(), id).status().code() == "proposal.not_found");
    BOOST_TEST(w.proposals.history(Actor::anonymous(), id).status().code() == "proposal.not_found");
    auto listed = w.proposals.list(Actor::anonymous(), w.a.id, {}, {});
    BOOST_REQUIRE(listed.isOk());
    for (const auto& item : listed->page.items) BOOST_TEST(item.proposal.id.value != id.value);

    // Once submitted, a withdrawal stays public: the trace of what was asked.
    auto submitted =
        w.proposals.create(w.actor(author.user.id), w.a.id, draft(ProposalKind::kProblem, "公事", "", true));
    BOOST_REQUIRE(submitted.isOk());
    BOOST_REQUIRE(
        w.proposals.act(w.actor(author.user.id), submitted->proposal.id, step(ProposalAction::kWithdraw)).isOk());
    BOOST_TEST(w.proposals.get(Actor::anonymous(), submitted->proposal.id).isOk());
}

BOOST_AUTO_TEST_CASE(a_step_with_no_feature_to_form_it_is_refused_and_changes_nothing) {
    yishi::testing::World w;
    // A proposal service that no feature handed an outcome to.
    ProposalService bare(*w.db, w.clock);
    auto resident = w.signUpResident("resident0");
    BOOST_REQUIRE(
        w.communities.decide(w.actor(w.committee_a), w.a.id, resident.user.id, VerificationDecision::kVerify, "")
            .isOk());
    auto created = bare.create(w.actor(resident.user.id), w.a.id, draft(ProposalKind::kWish, "Benches", "Two", true));
    BOOST_REQUIRE(created.isOk());
    const ProposalId id = created->proposal.id;
    const Actor committee = w.actor(w.committee_a);
    for (ProposalAction a :
         {ProposalAction::kStartScreening, ProposalAction::kAccept, ProposalAction::kOpenConsultation}) {
        auto input = step(a, "ok");
        input.consultation_ends_at = w.clock.now() + Duration::hours(1);
        BOOST_REQUIRE(bare.act(committee, id, input).isOk());
    }
    BOOST_REQUIRE(bare.act(committee, id, yishi::testing::sendToVoteEarly("vote")).isOk());
    BOOST_REQUIRE(bare.act(committee, id, step(ProposalAction::kAdopt, "yes")).isOk());
    auto form = step(ProposalAction::kFormProject);
    form.budget_fen = 100;
    form.responsible = "Committee";
    auto refused = bare.act(committee, id, form);
    BOOST_TEST(refused.status().code() == "proposal.outcome_unavailable");
    BOOST_TEST((bare.get(committee, id)->proposal.state == ProposalState::kAdopted));
    // Wired as the server wires it, the same step forms the project.
    auto formed = w.proposals.act(committee, id, form);
    BOOST_REQUIRE(formed.isOk());
    BOOST_TEST((formed->proposal.state == ProposalState::kProject));
    BOOST_TEST(formed->proposal.outcome_id > 0);
}

BOOST_AUTO_TEST_SUITE_END()
