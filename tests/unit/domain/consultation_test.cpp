#include <boost/test/unit_test.hpp>

#include "unit/domain/domain_world.h"
#include "yishi/domain/consultation_store.h"
#include "yishi/domain/proposal_store.h"

using namespace yishi;
using namespace yishi::domain;
using yishi::testing::draft;
using yishi::testing::step;
using Moderation = yishi::domain::ConsultationService::Moderation;

namespace {

struct Consultation : yishi::testing::World {
    ConsultationService consultation{*db, clock, {Duration::minutes(15), 3}};
    std::vector<UserId> residents;
    ProposalId proposal;

    Consultation() {
        for (int i = 0; i < 4; ++i) {
            auto joined = signUpResident("resident" + std::to_string(i));
            BOOST_REQUIRE(
                communities.decide(actor(committee_a), a.id, joined.user.id, VerificationDecision::kVerify, "").isOk());
            residents.push_back(joined.user.id);
        }
        auto p = proposals.create(resident(0), a.id, draft(ProposalKind::kWish, "加装电梯", "", true));
        BOOST_REQUIRE(p.isOk());
        proposal = p->proposal.id;
    }
    Actor resident(int i) { return actor(residents[i]); }
    ConsultationService::CommentView post(int who, const std::string& body, CommentId parent = CommentId()) {
        auto r = consultation.post(resident(who), proposal, {body, Stance::kFor, parent});
        BOOST_REQUIRE_MESSAGE(r.isOk(), r.status().toString());
        return r.value();
    }
    void moveTo(ProposalState state) {
        BOOST_REQUIRE(db->write([&](Stores& s) {
                            Proposal p = *s.get<ProposalStore>().proposal(proposal);
                            p.state = state;
                            s.get<ProposalStore>().updateProposal(p);
                            return Status::ok();
                        }).isOk());
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(consultation)

BOOST_AUTO_TEST_CASE(threads_go_three_levels_deep) {
    Consultation w;
    auto top = w.post(1, "同意");
    auto second = w.post(2, "也同意", top.comment.id);
    auto third = w.post(3, "补充", second.comment.id);
    BOOST_TEST(third.comment.depth == 3);
    auto fourth = w.consultation.post(w.resident(1), w.proposal, {"再补充", Stance::kNeutral, third.comment.id});
    BOOST_TEST(fourth.status().code() == "comment.too_deep");
    BOOST_TEST(
        w.consultation.post(w.resident(1), w.proposal, {"x", Stance::kNeutral, CommentId(999)}).status().code() ==
        "comment.not_found");
    BOOST_TEST(w.consultation.thread(Actor::anonymous(), w.proposal)->size() == 3u);
}

BOOST_AUTO_TEST_CASE(edits_only_by_the_author_within_the_window) {
    Consultation w;
    auto c = w.post(1, "初稿");
    BOOST_TEST(w.consultation.edit(w.resident(2), c.comment.id, "改", Stance::kAgainst).status().code() ==
               "comment.not_yours");
    auto edited = w.consultation.edit(w.resident(1), c.comment.id, "修改后", Stance::kAgainst);
    BOOST_REQUIRE(edited.isOk());
    BOOST_TEST(edited->comment.body == "修改后");
    BOOST_TEST(edited->comment.edited_at > Instant());
    w.clock.advance(Duration::minutes(15) + Duration::seconds(1));
    BOOST_TEST(w.consultation.edit(w.resident(1), c.comment.id, "太晚", Stance::kFor).status().code() ==
               "comment.edit_window_over");
}

// Defect: an edit that does not mention the stance reset it to neutral.
BOOST_AUTO_TEST_CASE(an_edit_without_a_stance_keeps_the_stance) {
    Consultation w;
    auto c = w.consultation.post(w.resident(1), w.proposal, {"反对加装", Stance::kAgainst, {}});
    BOOST_REQUIRE(c.isOk());
    auto edited = w.consultation.edit(w.resident(1), c->comment.id, "还是反对，理由如下", std::nullopt);
    BOOST_REQUIRE(edited.isOk());
    BOOST_TEST((edited->comment.stance == Stance::kAgainst));
    auto changed = w.consultation.edit(w.resident(1), c->comment.id, "改为支持", Stance::kFor);
    BOOST_REQUIRE(changed.isOk());
    BOOST_TEST((changed->comment.stance == Stance::kFor));
}

// Defect: an author could support their own proposal (and earn points for
// it) and report their own comment toward auto-hide.
BOOST_AUTO_TEST_CASE(nobody_supports_their_own_proposal_or_reports_their_own_comment) {
    Consultation w;  // resident 0 wrote the proposal
    BOOST_TEST(w.consultation.support(w.resident(0), w.proposal).status().code() == "support.own_proposal");
    BOOST_TEST(w.consultation.supports(Actor::anonymous(), w.proposal)->count == 0);
    auto c = w.post(1, "我的意见");
    BOOST_TEST(w.consultation.report(w.resident(1), c.comment.id, "自己举报").status().code() == "report.own_comment");
    BOOST_TEST(w.consultation.report(w.resident(2), c.comment.id, "不实").isOk());
}

BOOST_AUTO_TEST_CASE(withdrawn_comments_stay_as_markers) {
    Consultation w;
    auto c = w.post(1, "说错了");
    auto reply = w.post(2, "回复", c.comment.id);
    BOOST_REQUIRE(w.consultation.withdraw(w.resident(1), c.comment.id).isOk());
    BOOST_TEST(w.consultation.withdraw(w.resident(1), c.comment.id).status().code() == "comment.withdrawn");
    auto thread = w.consultation.thread(Actor::anonymous(), w.proposal).value();
    BOOST_REQUIRE(thread.size() == 2u);
    BOOST_TEST(thread[0].comment.withdrawn);
    BOOST_TEST(!thread[0].body_shown);
    BOOST_TEST(thread[0].comment.body.empty());
    BOOST_TEST(thread[1].comment.body == "回复");
}

BOOST_AUTO_TEST_CASE(three_reports_hide_and_the_committee_restores_with_a_reason) {
    Consultation w;
    auto c = w.post(0, "有争议的话");
    BOOST_TEST(w.consultation.report(w.resident(1), c.comment.id, "").status().code() == "report.reason_required");
    BOOST_REQUIRE(w.consultation.report(w.resident(1), c.comment.id, "人身攻击").isOk());
    BOOST_TEST(w.consultation.report(w.resident(1), c.comment.id, "again").status().code() ==
               "comment.already_reported");
    BOOST_TEST(!w.consultation.report(w.resident(2), c.comment.id, "不文明")->comment.hidden);
    auto hidden = w.consultation.report(w.resident(3), c.comment.id, "广告");
    BOOST_REQUIRE(hidden.isOk());
    BOOST_TEST(hidden->comment.hidden);
    // The public sees the notice, not the body; the author and the committee still see it.
    auto public_view = w.consultation.thread(Actor::anonymous(), w.proposal).value()[0];
    BOOST_TEST(!public_view.body_shown);
    BOOST_TEST(!public_view.comment.hidden_reason.empty());
    BOOST_TEST(w.consultation.thread(w.resident(0), w.proposal).value()[0].comment.body == "有争议的话");
    BOOST_TEST(w.consultation.thread(w.actor(w.committee_a), w.proposal).value()[0].body_shown);

    BOOST_TEST(w.consultation.moderate(w.resident(1), c.comment.id, Moderation::kRestore, "x").status().code() ==
               "community.forbidden");
    BOOST_TEST(
        w.consultation.moderate(w.actor(w.committee_b), c.comment.id, Moderation::kRestore, "x").status().code() ==
        "community.forbidden");
    BOOST_TEST(
        w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kRestore, "").status().code() ==
        "moderation.reason_required");
    auto restored =
        w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kRestore, "经核实无不当内容");
    BOOST_REQUIRE(restored.isOk());
    BOOST_TEST(!restored->comment.hidden);
    BOOST_TEST(
        w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kRestore, "again").status().code() ==
        "comment.not_hidden");

    auto log = w.consultation.moderationLog(w.a.id, 100).value();
    BOOST_REQUIRE(log.size() == 2u);
    BOOST_TEST(log[0].action == "moderation.restored");
    BOOST_TEST(log[0].moderator_role == "committee");
    BOOST_TEST(log[1].action == "moderation.auto_hidden");
    BOOST_TEST(log[1].moderator_role == "automatic");
    BOOST_TEST(log[1].proposal_id.value == w.proposal.value);
}

// Defect (issue 9 item 7): after the committee restored a reported comment,
// one new report hid it again, because the reports before the review still
// counted. A review starts the count afresh.
BOOST_AUTO_TEST_CASE(only_reports_after_the_last_review_count_toward_hiding) {
    Consultation w;
    for (int i = 0; i < 3; ++i) {
        auto joined = w.signUpResident("late" + std::to_string(i));
        BOOST_REQUIRE(
            w.communities.decide(w.actor(w.committee_a), w.a.id, joined.user.id, VerificationDecision::kVerify, "")
                .isOk());
        w.residents.push_back(joined.user.id);  // residents 4, 5, 6
    }
    auto c = w.post(0, "有争议的话");
    for (int i = 1; i <= 3; ++i) BOOST_REQUIRE(w.consultation.report(w.resident(i), c.comment.id, "不实").isOk());
    auto restored =
        w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kRestore, "经核实无不当内容");
    BOOST_REQUIRE(restored.isOk());
    BOOST_TEST(restored->comment.reports == 0);

    auto one = w.consultation.report(w.resident(4), c.comment.id, "还是不实");
    BOOST_REQUIRE(one.isOk());
    BOOST_TEST(!one->comment.hidden);
    BOOST_TEST(one->comment.reports == 1);
    BOOST_TEST(!w.consultation.report(w.resident(5), c.comment.id, "不实")->comment.hidden);
    BOOST_TEST(w.consultation.report(w.resident(6), c.comment.id, "不实")->comment.hidden);
}

// A reported comment the committee finds fine stays visible and leaves the
// queue: before "keep", only hiding it took it off the queue.
BOOST_AUTO_TEST_CASE(keeping_a_reported_comment_clears_it_from_the_queue_and_logs_why) {
    Consultation w;
    auto c = w.post(0, "物业费该公开");
    BOOST_TEST(
        w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kKeep, "无举报").status().code() ==
        "moderation.not_reported");
    BOOST_REQUIRE(w.consultation.report(w.resident(1), c.comment.id, "不实").isOk());
    BOOST_TEST(w.consultation.reviewQueue(w.actor(w.committee_a), w.a.id, PageRequest{}).value().items.size() == 1u);
    BOOST_TEST(w.consultation.moderate(w.resident(2), c.comment.id, Moderation::kKeep, "x").status().code() ==
               "community.forbidden");
    BOOST_TEST(w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kKeep, "").status().code() ==
               "moderation.reason_required");
    auto kept = w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kKeep, "意见正当，保留");
    BOOST_REQUIRE(kept.isOk());
    BOOST_TEST(!kept->comment.hidden);
    BOOST_TEST(kept->comment.reports == 0);
    BOOST_TEST(w.consultation.reviewQueue(w.actor(w.committee_a), w.a.id, PageRequest{}).value().items.empty());
    auto log = w.consultation.moderationLog(w.a.id, 100).value();
    BOOST_REQUIRE(log.size() == 1u);
    BOOST_TEST(log[0].action == "moderation.kept");
    BOOST_TEST(log[0].reason == "意见正当，保留");

    BOOST_REQUIRE(
        w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kHide, "含个人信息").isOk());
    BOOST_TEST(w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kKeep, "x").status().code() ==
               "comment.already_hidden");
}

// Defect (issue 9 item 3): the author could rewrite a comment that moderation
// hid, so the text that was reported was gone.
BOOST_AUTO_TEST_CASE(a_hidden_comment_cannot_be_edited) {
    Consultation w;
    auto c = w.post(1, "原话");
    BOOST_REQUIRE(
        w.consultation.moderate(w.actor(w.committee_a), c.comment.id, Moderation::kHide, "含个人信息").isOk());
    BOOST_TEST(w.consultation.edit(w.resident(1), c.comment.id, "改过", std::nullopt).status().code() ==
               "comment.hidden");
    BOOST_TEST(w.consultation.thread(w.actor(w.committee_a), w.proposal).value()[0].comment.body == "原话");
}

BOOST_AUTO_TEST_CASE(every_edit_keeps_the_text_it_replaces_for_the_committee) {
    Consultation w;
    auto c = w.post(1, "第一稿");
    w.clock.advance(Duration::minutes(1));
    BOOST_REQUIRE(w.consultation.edit(w.resident(1), c.comment.id, "第二稿", Stance::kAgainst).isOk());
    w.clock.advance(Duration::minutes(1));
    BOOST_REQUIRE(w.consultation.edit(w.resident(1), c.comment.id, std::nullopt, Stance::kNeutral).isOk());
    BOOST_TEST(w.consultation.edit(w.resident(1), c.comment.id, std::nullopt, std::nullopt).status().code() ==
               "comment.nothing_to_change");

    auto revisions = w.consultation.revisions(w.actor(w.committee_a), c.comment.id);
    BOOST_REQUIRE(revisions.isOk());
    BOOST_REQUIRE(revisions->size() == 2u);
    BOOST_TEST((*revisions)[0].revision == 1);
    BOOST_TEST((*revisions)[0].body == "第一稿");
    BOOST_TEST(((*revisions)[0].stance == Stance::kFor));
    BOOST_TEST((*revisions)[0].written_at == c.comment.created_at);
    BOOST_TEST((*revisions)[1].body == "第二稿");
    BOOST_TEST(((*revisions)[1].stance == Stance::kAgainst));
    BOOST_TEST((*revisions)[1].written_at == (*revisions)[0].replaced_at);
    BOOST_TEST(w.consultation.thread(Actor::anonymous(), w.proposal).value()[0].comment.body == "第二稿");

    BOOST_TEST(w.consultation.revisions(w.resident(1), c.comment.id).status().code() == "community.forbidden");
    BOOST_TEST(w.consultation.revisions(w.actor(w.committee_b), c.comment.id).status().code() == "community.forbidden");
    BOOST_TEST(w.consultation.revisions(w.actor(w.admin_id), c.comment.id).isOk());
}

BOOST_AUTO_TEST_CASE(one_support_per_resident_until_consultation_closes) {
    Consultation w;
    BOOST_TEST(w.consultation.support(w.resident(1), w.proposal)->count == 1);
    BOOST_TEST(w.consultation.support(w.resident(1), w.proposal).status().code() == "support.exists");
    BOOST_TEST(w.consultation.support(w.resident(2), w.proposal)->count == 2);
    BOOST_TEST(w.consultation.supports(w.resident(2), w.proposal)->mine);
    BOOST_TEST(!w.consultation.supports(w.resident(3), w.proposal)->mine);
    BOOST_TEST(w.consultation.withdrawSupport(w.resident(2), w.proposal)->count == 1);
    BOOST_TEST(w.consultation.withdrawSupport(w.resident(2), w.proposal).status().code() == "support.none");
    BOOST_TEST(w.consultation.support(w.actor(w.committee_a), w.proposal).status().code() == "membership.none");

    w.moveTo(ProposalState::kVoting);
    BOOST_TEST(w.consultation.support(w.resident(3), w.proposal).status().code() == "proposal.closed_for_consultation");
    BOOST_TEST(w.consultation.withdrawSupport(w.resident(1), w.proposal).status().code() ==
               "proposal.closed_for_consultation");
    BOOST_TEST(w.consultation.post(w.resident(1), w.proposal, {"晚了", Stance::kFor, {}}).status().code() ==
               "proposal.closed_for_consultation");
    BOOST_TEST(w.consultation.supports(Actor::anonymous(), w.proposal)->count == 1);
}

BOOST_AUTO_TEST_CASE(consultation_closes_at_its_end_date_and_the_proposal_turns_overdue) {
    Consultation w;
    BOOST_REQUIRE(w.proposals.act(w.actor(w.committee_a), w.proposal, step(ProposalAction::kStartScreening)).isOk());
    BOOST_REQUIRE(w.proposals.act(w.actor(w.committee_a), w.proposal, step(ProposalAction::kAccept, "好")).isOk());
    auto open = step(ProposalAction::kOpenConsultation);
    open.consultation_ends_at = w.clock.now() + Duration::days(3);
    BOOST_REQUIRE(w.proposals.act(w.actor(w.committee_a), w.proposal, open).isOk());
    BOOST_TEST(w.consultation.support(w.resident(1), w.proposal).isOk());
    BOOST_TEST(w.consultation.post(w.resident(2), w.proposal, {"赞成", Stance::kFor, {}}).isOk());
    BOOST_TEST(w.proposals.get(w.resident(1), w.proposal)->overdue.empty());

    w.clock.advance(Duration::days(3) + Duration::seconds(1));
    BOOST_TEST(w.consultation.support(w.resident(2), w.proposal).status().code() == "proposal.closed_for_consultation");
    BOOST_TEST(w.consultation.withdrawSupport(w.resident(1), w.proposal).status().code() ==
               "proposal.closed_for_consultation");
    BOOST_TEST(w.consultation.post(w.resident(3), w.proposal, {"晚了", Stance::kFor, {}}).status().code() ==
               "proposal.closed_for_consultation");
    auto view = w.proposals.get(w.resident(1), w.proposal);
    BOOST_REQUIRE(view.isOk());
    BOOST_REQUIRE(view->overdue.size() == 1u);
    BOOST_TEST(view->overdue.front() == "consultation_ended");
    ProposalFilter filter;
    filter.overdue_only = true;
    auto overdue = w.proposals.list(w.actor(w.committee_a), w.a.id, filter, {});
    BOOST_REQUIRE(overdue.isOk());
    BOOST_TEST(overdue->page.items.size() == 1u);
}

BOOST_AUTO_TEST_CASE(meetings_are_scheduled_then_recorded_by_the_committee) {
    Consultation w;
    const Instant at = w.clock.now() + Duration::hours(1);
    BOOST_TEST(w.consultation.scheduleMeeting(w.resident(1), w.proposal, MeetingMode::kHybrid, at, "居委会议室")
                   .status()
                   .code() == "community.forbidden");
    auto m = w.consultation.scheduleMeeting(w.actor(w.committee_a), w.proposal, MeetingMode::kHybrid, at, "居委会议室");
    BOOST_REQUIRE(m.isOk());
    BOOST_TEST(w.consultation.recordMeeting(w.actor(w.committee_a), m->id, "纪要", 12).status().code() ==
               "meeting.not_started");
    w.clock.advance(Duration::hours(2));
    BOOST_TEST(w.consultation.recordMeeting(w.actor(w.committee_a), m->id, "纪要", -1).status().code() ==
               "meeting.attendance");
    auto recorded = w.consultation.recordMeeting(w.actor(w.committee_a), m->id, "同意加装，费用分摊待议", 23);
    BOOST_REQUIRE(recorded.isOk());
    BOOST_TEST(recorded->attendance == 23);
    BOOST_TEST(w.consultation.recordMeeting(w.actor(w.committee_a), m->id, "again", 1).status().code() ==
               "meeting.already_recorded");
    BOOST_TEST(w.consultation.meetings(Actor::anonymous(), w.proposal)->size() == 1u);
}

BOOST_AUTO_TEST_CASE(comments_and_supports_reach_the_outbox) {
    Consultation w;
    w.post(1, "同意");
    w.consultation.support(w.resident(2), w.proposal);
    std::vector<DomainEvent> events;
    w.db->read([&](Stores& s) {
        events = s.outbox.eventsAfter(0, 100);
        return Status::ok();
    });
    BOOST_REQUIRE(events.size() == 3u);  // proposal.submitted, comment.posted, support.given
    BOOST_TEST(events[1].type == "comment.posted");
    BOOST_TEST(events[1].subject_owner.value == w.residents[1].value);
    BOOST_TEST(events[2].type == "support.given");
    BOOST_TEST(events[2].actor.value == w.residents[2].value);
}

BOOST_AUTO_TEST_SUITE_END()
