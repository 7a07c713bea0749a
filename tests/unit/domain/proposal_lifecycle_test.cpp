#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "unit/domain/domain_world.h"
#include "yishi/domain/proposal_store.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::draft;
using yishi::testing::step;
using yishi::testing::World;

namespace {

constexpr ProposalState kAllStates[] = {
    ProposalState::kDraft,        ProposalState::kSubmitted, ProposalState::kScreening, ProposalState::kNeedsRevision,
    ProposalState::kAccepted,     ProposalState::kMerged,    ProposalState::kRejected,  ProposalState::kWithdrawn,
    ProposalState::kConsultation, ProposalState::kVoting,    ProposalState::kClosed,    ProposalState::kAdopted,
    ProposalState::kNotAdopted,   ProposalState::kProject,   ProposalState::kConvention};
constexpr ProposalAction kAllActions[] = {
    ProposalAction::kSubmit,     ProposalAction::kWithdraw,         ProposalAction::kStartScreening,
    ProposalAction::kAccept,     ProposalAction::kRequestRevision,  ProposalAction::kMerge,
    ProposalAction::kReject,     ProposalAction::kResubmit,         ProposalAction::kOpenConsultation,
    ProposalAction::kSendToVote, ProposalAction::kCloseWithoutVote, ProposalAction::kAdopt,
    ProposalAction::kNotAdopt,   ProposalAction::kFormProject,      ProposalAction::kFormConvention};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(' ');
    const auto e = s.find_last_not_of(' ');
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The rows of the table in docs/proposal-lifecycle.md, as "state action role next reason kinds".
std::set<std::string> documentedRows() {
    std::ifstream in(std::string(YISHI_SOURCE_DIR) + "/docs/proposal-lifecycle.md");
    BOOST_REQUIRE(in.good());
    std::set<std::string> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("| ", 0) != 0 || line.find("---") != std::string::npos) continue;
        std::vector<std::string> cells;
        std::stringstream ss(line.substr(1));
        std::string cell;
        while (std::getline(ss, cell, '|')) cells.push_back(trim(cell));
        if (cells.size() < 6 || cells[0] == "state") continue;
        rows.insert(cells[0] + " " + cells[1] + " " + cells[2] + " " + cells[3] + " " + cells[4] + " " + cells[5]);
    }
    return rows;
}

struct Lifecycle : World {
    UserId author;
    Actor authorActor() { return actor(author); }

    Lifecycle() {
        auto joined = signUpResident("author.one");
        BOOST_REQUIRE(
            communities.decide(actor(committee_a), a.id, joined.user.id, VerificationDecision::kVerify, "").isOk());
        author = joined.user.id;
    }

    ProposalId insert(ProposalState state, ProposalKind kind) {
        ProposalId id;
        BOOST_REQUIRE(db->write([&](Stores& s) {
                            Proposal p;
                            p.community_id = a.id;
                            p.author_id = author;
                            p.kind = kind;
                            p.title = "t";
                            p.state = state;
                            p.created_at = p.updated_at = clock.now();
                            // Every state past a draft was reached through a submission.
                            if (state != ProposalState::kDraft) p.submitted_at = clock.now();
                            id = s.get<ProposalStore>().insertProposal(p);
                            return Status::ok();
                        }).isOk());
        return id;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(proposal_lifecycle)

BOOST_AUTO_TEST_CASE(the_documented_table_is_the_code_table) {
    std::set<std::string> code;
    for (const ProposalTransition& t : proposalTransitions()) {
        std::string kinds;
        for (ProposalKind k : t.kinds) kinds += (kinds.empty() ? "" : ", ") + std::string(proposalKindName(k));
        code.insert(std::string(proposalStateName(t.from)) + " " + proposalActionName(t.action) + " " +
                    proposalRoleName(t.role) + " " + proposalStateName(t.to) + " " +
                    (t.reason_required ? "required" : "optional") + " " + (kinds.empty() ? "any" : kinds));
    }
    const std::set<std::string> docs = documentedRows();
    for (const std::string& row : code) BOOST_TEST(docs.count(row) == 1u, "not in the docs: " << row);
    for (const std::string& row : docs) BOOST_TEST(code.count(row) == 1u, "not in the code: " << row);
}

BOOST_AUTO_TEST_CASE(every_state_action_and_role_behaves_as_the_table_says) {
    Lifecycle w;
    int allowed = 0, forbidden = 0, conflicts = 0;
    for (ProposalState state : kAllStates) {
        for (ProposalAction action : kAllActions) {
            for (ProposalRole role : {ProposalRole::kAuthor, ProposalRole::kCommittee}) {
                BOOST_TEST_CONTEXT(proposalStateName(state)
                                   << " + " << proposalActionName(action) << " by " << proposalRoleName(role)) {
                    const ProposalKind kind =
                        action == ProposalAction::kFormConvention ? ProposalKind::kRule : ProposalKind::kWish;
                    const ProposalId id = w.insert(state, kind);
                    ProposalService::ActionInput input;
                    input.action = action;
                    input.reason = "a public reason";
                    input.merge_target = w.insert(ProposalState::kAccepted, ProposalKind::kWish);
                    input.consultation_ends_at = w.clock.now() + Duration::hours(1);
                    input.budget_fen = 100'000;
                    input.responsible = "物业";
                    const Actor actor = role == ProposalRole::kAuthor ? w.authorActor() : w.actor(w.committee_a);
                    auto result = w.proposals.act(actor, id, input);

                    const auto row = findTransition(state, action, role);
                    const ProposalRole other =
                        role == ProposalRole::kAuthor ? ProposalRole::kCommittee : ProposalRole::kAuthor;
                    if (state == ProposalState::kDraft && role == ProposalRole::kCommittee) {
                        BOOST_TEST(result.status().code() == "proposal.not_found");  // drafts are private
                    } else if (row) {
                        BOOST_REQUIRE_MESSAGE(result.isOk(), result.status().toString());
                        BOOST_TEST(proposalStateName(result->proposal.state) == proposalStateName(row->to));
                        ++allowed;
                    } else if (findTransition(state, action, other)) {
                        BOOST_TEST(result.status().code() == "proposal.forbidden");
                        ++forbidden;
                    } else {
                        BOOST_TEST(result.status().code() == "proposal.action_not_allowed");
                        BOOST_TEST(result.status().message().find(proposalStateName(state)) != std::string::npos);
                        // An action's name is not a verb form ("cannot be accept").
                        BOOST_TEST(result.status().message().find("does not allow the action") != std::string::npos,
                                   result.status().message());
                        ++conflicts;
                    }
                }
            }
        }
    }
    BOOST_TEST(allowed == static_cast<int>(proposalTransitions().size()));
    BOOST_TEST(forbidden > 0);
    BOOST_TEST(conflicts > 0);
}

// Issue 9, item 8: allowed_actions offered form_convention on an adopted
// problem, which then failed. For every state, kind and kind of caller (the
// author, the committee, a committee member who wrote it, another
// resident), every offered action succeeds with a complete input, and every
// action not offered fails: the offer and the checks cannot disagree.
BOOST_AUTO_TEST_CASE(every_offered_action_succeeds_and_no_other_does) {
    Lifecycle w;
    auto other = w.signUpResident("someone.else");
    BOOST_REQUIRE(
        w.communities.decide(w.actor(w.committee_a), w.a.id, other.user.id, VerificationDecision::kVerify, "").isOk());
    struct Caller {
        const char* name;
        UserId id;
        UserId author;
    };
    const Caller callers[] = {{"author", w.author, w.author},
                              {"committee", w.committee_a, w.author},
                              {"committee author", w.committee_a, w.committee_a},
                              {"district admin", w.admin_id, w.author},
                              {"other resident", other.user.id, w.author}};
    int offered_total = 0;
    for (ProposalState state : kAllStates) {
        for (ProposalKind kind : {ProposalKind::kProblem, ProposalKind::kWish, ProposalKind::kRule}) {
            for (const Caller& caller : callers) {
                for (ProposalAction action : kAllActions) {
                    BOOST_TEST_CONTEXT(proposalStateName(state)
                                       << " " << proposalKindName(kind) << " + " << proposalActionName(action) << " by "
                                       << caller.name) {
                        const UserId saved_author = w.author;
                        w.author = caller.author;
                        const ProposalId id = w.insert(state, kind);
                        w.author = saved_author;
                        const Actor actor = w.actor(caller.id);
                        auto view = w.proposals.get(actor, id);
                        if (!view.isOk()) {  // a draft of someone else
                            BOOST_TEST(view.status().code() == "proposal.not_found");
                            continue;
                        }
                        const auto& offered = view->allowed_actions;
                        const bool is_offered = std::find(offered.begin(), offered.end(), action) != offered.end();
                        ProposalService::ActionInput input;
                        input.action = action;
                        input.reason = "a public reason";
                        input.early_end_reason =
                            action == ProposalAction::kSendToVote || action == ProposalAction::kCloseWithoutVote
                                ? "agreed early"
                                : "";
                        input.merge_target = w.insert(ProposalState::kAccepted, ProposalKind::kWish);
                        input.consultation_ends_at = w.clock.now() + Duration::hours(1);
                        input.budget_fen = 100'000;
                        input.responsible = "物业";
                        auto result = w.proposals.act(actor, id, input);
                        if (is_offered) {
                            ++offered_total;
                            BOOST_TEST(result.isOk(), result.status().toString());
                        } else {
                            BOOST_TEST(!result.isOk());
                        }
                    }
                }
            }
        }
    }
    BOOST_TEST(offered_total > 0);
}

// Issue 9, item 10: nobody takes the committee's steps on a proposal they wrote.
BOOST_AUTO_TEST_CASE(a_committee_member_does_not_decide_on_their_own_proposal) {
    Lifecycle w;
    auto own = w.proposals.create(w.actor(w.committee_a), w.a.id, draft(ProposalKind::kWish, "居委的心愿", "", true));
    BOOST_REQUIRE(own.isOk());
    BOOST_TEST(own->allowed_actions == std::vector<ProposalAction>{ProposalAction::kWithdraw});
    auto refused = w.proposals.act(w.actor(w.committee_a), own->proposal.id, step(ProposalAction::kStartScreening));
    BOOST_TEST(refused.status().code() == "proposal.own_proposal");
    BOOST_TEST(static_cast<int>(refused.status().kind()) == static_cast<int>(ErrorKind::kForbidden));
    BOOST_TEST(w.proposals.act(w.actor(w.admin_id), own->proposal.id, step(ProposalAction::kStartScreening)).isOk());
}

BOOST_AUTO_TEST_CASE(decisions_need_a_reason) {
    Lifecycle w;
    for (const ProposalTransition& t : proposalTransitions()) {
        if (!t.reason_required) continue;
        BOOST_TEST_CONTEXT(proposalActionName(t.action)) {
            const ProposalId id = w.insert(t.from, ProposalKind::kWish);
            ProposalService::ActionInput input;
            input.action = t.action;
            input.merge_target = w.insert(ProposalState::kAccepted, ProposalKind::kWish);
            auto result = w.proposals.act(w.actor(w.committee_a), id, input);
            BOOST_TEST(result.status().code() == "proposal.reason_required");
        }
    }
}

BOOST_AUTO_TEST_CASE(action_parameters_and_kinds_are_checked) {
    Lifecycle w;
    const Actor committee = w.actor(w.committee_a);
    ProposalService::ActionInput merge = step(ProposalAction::kMerge, "duplicate");
    const ProposalId a = w.insert(ProposalState::kScreening, ProposalKind::kWish);
    merge.merge_target = a;
    BOOST_TEST(w.proposals.act(committee, a, merge).status().code() == "proposal.merge_target");  // itself
    merge.merge_target = w.insert(ProposalState::kRejected, ProposalKind::kWish);
    BOOST_TEST(w.proposals.act(committee, a, merge).status().code() == "proposal.merge_target");
    const ProposalId target = w.insert(ProposalState::kAccepted, ProposalKind::kWish);
    merge.merge_target = target;
    BOOST_REQUIRE(w.proposals.act(committee, a, merge).isOk());
    auto target_view = w.proposals.get(committee, target);
    BOOST_REQUIRE(target_view->merged_from.size() == 1u);
    BOOST_TEST(target_view->merged_from[0].value == a.value);
    BOOST_TEST(w.proposals.get(committee, a)->proposal.merged_into.value == target.value);

    ProposalService::ActionInput open = step(ProposalAction::kOpenConsultation, "");
    open.consultation_ends_at = w.clock.now() - Duration::seconds(1);
    BOOST_TEST(
        w.proposals.act(committee, w.insert(ProposalState::kAccepted, ProposalKind::kWish), open).status().code() ==
        "proposal.consultation_end");

    ProposalService::ActionInput project = step(ProposalAction::kFormProject, "");
    BOOST_TEST(
        w.proposals.act(committee, w.insert(ProposalState::kAdopted, ProposalKind::kRule), project).status().code() ==
        "proposal.kind_mismatch");
    ProposalService::ActionInput convention = step(ProposalAction::kFormConvention, "");
    BOOST_TEST(w.proposals.act(committee, w.insert(ProposalState::kAdopted, ProposalKind::kProblem), convention)
                   .status()
                   .code() == "proposal.kind_mismatch");
}

BOOST_AUTO_TEST_CASE(each_change_leaves_an_audit_entry_and_one_event) {
    Lifecycle w;
    auto created =
        w.proposals.create(w.authorActor(), w.a.id, draft(ProposalKind::kWish, "加装电梯", "六楼老人上下楼难", true));
    BOOST_REQUIRE(created.isOk());
    const ProposalId id = created->proposal.id;
    BOOST_REQUIRE(w.proposals.act(w.actor(w.committee_a), id, step(ProposalAction::kStartScreening, "")).isOk());
    BOOST_REQUIRE(w.proposals.act(w.actor(w.committee_a), id, step(ProposalAction::kAccept, "居民普遍关心")).isOk());
    std::vector<DomainEvent> events;
    w.db->read([&](Stores& s) {
        events = s.outbox.eventsAfter(0, 100);
        return Status::ok();
    });
    BOOST_REQUIRE(events.size() == 3u);
    BOOST_TEST(events[0].type == "proposal.submitted");
    BOOST_TEST(events[1].type == "proposal.screening");
    BOOST_TEST(events[2].type == "proposal.accepted");
    BOOST_TEST(events[0].id < events[1].id);
    BOOST_TEST(events[2].subject_owner.value == w.author.value);
    auto history = w.proposals.history(Actor::anonymous(), id);
    BOOST_REQUIRE(history.isOk());
    BOOST_REQUIRE(history->size() == 4u);  // created, submit, start_screening, accept
    BOOST_TEST(history->back().action == "proposal.accept");
    BOOST_TEST(history->back().reason == "居民普遍关心");
    BOOST_TEST(history->back().actor_role == "committee");
    BOOST_TEST(history->front().actor_role == "resident");
    BOOST_TEST(history->front().actor_name == "赵大爷");
}

BOOST_AUTO_TEST_CASE(who_may_raise_a_topic) {
    Lifecycle w;
    auto pending = w.signUpResident("still.pending");
    BOOST_TEST(w.proposals.create(w.actor(pending.user.id), w.a.id, draft(ProposalKind::kProblem, "路灯坏了", "", true))
                   .status()
                   .code() == "membership.pending");
    BOOST_TEST(w.proposals.create(w.authorActor(), w.b.id, draft(ProposalKind::kProblem, "路灯坏了", "", true))
                   .status()
                   .code() == "membership.none");
    BOOST_TEST(
        w.proposals.create(Actor::anonymous(), w.a.id, draft(ProposalKind::kProblem, "x", "", true)).status().code() ==
        "session.required");
    BOOST_TEST(
        w.proposals.create(w.authorActor(), w.a.id, draft(ProposalKind::kProblem, "", "", true)).status().code() ==
        "title.invalid");
    BOOST_TEST(
        w.proposals.create(w.authorActor(), w.a.id, draft(ProposalKind::kProblem, std::string(101, 'x'), "", true))
            .status()
            .code() == "title.invalid");
    auto kept = w.proposals.create(w.authorActor(), w.a.id, draft(ProposalKind::kRule, "垃圾分类公约", "草稿", false));
    BOOST_REQUIRE(kept.isOk());
    BOOST_TEST(proposalStateName(kept->proposal.state) == std::string("draft"));
    // Drafts are the author's alone.
    BOOST_TEST(w.proposals.get(w.actor(w.committee_a), kept->proposal.id).status().code() == "proposal.not_found");
    auto listed = w.proposals.list(w.actor(w.committee_a), w.a.id, {}, {});
    BOOST_TEST(listed->page.items.empty());
    BOOST_TEST(w.proposals.list(w.authorActor(), w.a.id, {}, {})->page.items.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
