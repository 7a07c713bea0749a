#include "demo_votes.h"

#include "yishi/domain/election_service.h"
#include "yishi/domain/proposal_service.h"

namespace yishi::app {

namespace {

Result<domain::Actor> actorOf(domain::Database& db, const std::string& login) {
    std::optional<domain::Actor> actor;
    YISHI_RETURN_IF_ERROR(db.read([&](domain::Stores& s) {
        std::optional<domain::User> user = s.users.userByLogin(login);
        if (!user) return Status::notFound("demo.user", "The demo has no user " + login + ".");
        const UserId id = user->id;
        actor.emplace(std::move(*user), s.users.grants(id), s.users.memberships(id));
        return Status::ok();
    }));
    return *actor;
}

Status referendumOnARule(FeatureContext& c, const domain::Actor& resident, const domain::Actor& committee,
                         Instant closes_at) {
    auto& proposals = c.service<domain::ProposalService>();
    domain::ProposalService::Draft draft;
    draft.kind = domain::ProposalKind::kRule;
    draft.title = "文明养犬：遛狗必须牵绳并及时清理";
    draft.body =
        "小区里遛狗不牵绳、不清理粪便的情况时有发生。建议写入居民公约：出门遛狗必须牵绳，"
        "随身携带清理用品，大型犬避开早晚高峰。";
    draft.submit = true;
    YISHI_ASSIGN_OR_RETURN(auto raised, proposals.create(resident, CommunityId(1), draft));
    const domain::ProposalId id = raised.proposal.id;
    using A = domain::ProposalAction;
    domain::ProposalService::ActionInput step;
    step.action = A::kStartScreening;
    YISHI_RETURN_IF_ERROR(proposals.act(committee, id, step).status());
    step.action = A::kAccept;
    step.reason = "多位居民反映，符合公约范围";
    YISHI_RETURN_IF_ERROR(proposals.act(committee, id, step).status());
    step = {};
    step.action = A::kOpenConsultation;
    step.consultation_ends_at = c.clock.now() + Duration::days(1);
    YISHI_RETURN_IF_ERROR(proposals.act(committee, id, step).status());
    step = {};
    step.action = A::kSendToVote;
    step.reason = "协商意见一致，交居民表决";
    step.early_end_reason = "演示：协商提前结束";
    step.vote_closes_at = closes_at;
    return proposals.act(committee, id, step).status();
}

Status wishRound(FeatureContext& c, const domain::Actor& committee, Instant closes_at) {
    domain::ElectionService::CreateRequest r;
    r.kind = domain::ElectionKind::kApproval;
    r.title = "2027 年民心项目：请选出您最希望办的实事（最多选 2 项）";
    r.subject = "round/2027";
    r.options = {{"加装 3 号楼电梯", 45'000'000},
                 {"改造小区停车棚并加装充电桩", 12'000'000},
                 {"修缮健身步道与座椅", 8'000'000},
                 {"建设老年助餐点", 20'000'000}};
    r.min = 0;
    r.max = 2;
    r.budget = 60'000'000;
    r.rule = "greedy";
    r.opens_at = c.clock.now();
    r.closes_at = closes_at;
    r.demo = true;
    return c.service<domain::ElectionService>().create(committee, CommunityId(1), r).status();
}

}  // namespace

Status seedDemoVotes(FeatureContext& c) {
    YISHI_ASSIGN_OR_RETURN(domain::Actor resident, actorOf(c.db, "resident1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor committee, actorOf(c.db, "committee1"));
    const Instant closes_at = c.clock.now() + Duration::days(14);
    YISHI_RETURN_IF_ERROR(referendumOnARule(c, resident, committee, closes_at));
    return wishRound(c, committee, closes_at);
}

}  // namespace yishi::app
