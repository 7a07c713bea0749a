#include "demo_votes.h"

#include "yishi/domain/election_service.h"
#include "yishi/domain/proposal_service.h"
#include "yishi/domain/wish_round_service.h"

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

Result<domain::Street> streetOf(domain::Database& db, CommunityId community) {
    std::optional<domain::Street> street;
    YISHI_RETURN_IF_ERROR(db.read([&](domain::Stores& s) {
        if (std::optional<domain::Community> c = s.scopes.community(community)) street = s.scopes.street(c->street_id);
        return Status::ok();
    }));
    if (!street) return Status::notFound("demo.street", "The demo has no street for its first community.");
    return *street;
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

// A resident's wish, accepted by their committee: ready for a round.
Result<std::int64_t> acceptedWish(FeatureContext& c, const domain::Actor& resident, const domain::Actor& committee,
                                  CommunityId community, const std::string& title, const std::string& body) {
    auto& proposals = c.service<domain::ProposalService>();
    domain::ProposalService::Draft draft;
    draft.kind = domain::ProposalKind::kWish;
    draft.title = title;
    draft.body = body;
    draft.submit = true;
    YISHI_ASSIGN_OR_RETURN(auto raised, proposals.create(resident, community, draft));
    domain::ProposalService::ActionInput step;
    step.action = domain::ProposalAction::kStartScreening;
    YISHI_RETURN_IF_ERROR(proposals.act(committee, raised.proposal.id, step).status());
    step.action = domain::ProposalAction::kAccept;
    step.reason = "居民呼声高，纳入民心项目候选";
    YISHI_RETURN_IF_ERROR(proposals.act(committee, raised.proposal.id, step).status());
    return raised.proposal.id.value;
}

// The street's 民心项目 round over accepted wishes of two of its communities
// (docs/proposal-lifecycle.md, "Wishes in a 民心项目 round"): greedy-quota
// first takes the most voted wish of each community, then by votes within
// the budget. Its result adopts the selected wishes.
Status wishRound(FeatureContext& c, Instant closes_at) {
    YISHI_ASSIGN_OR_RETURN(domain::Actor resident2, actorOf(c.db, "resident2"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor resident3, actorOf(c.db, "resident3"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor committee1, actorOf(c.db, "committee1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor committee2, actorOf(c.db, "committee2"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor street, actorOf(c.db, "street1"));
    const CommunityId youyi(1), baolin(2);  // 友谊一村, 宝林八村: both on 友谊路街道
    YISHI_ASSIGN_OR_RETURN(std::int64_t lift, acceptedWish(c, resident2, committee1, youyi, "加装 3 号楼电梯",
                                                           "3 号楼住着很多老人，上下楼太难，希望装一部电梯。"));
    YISHI_ASSIGN_OR_RETURN(std::int64_t sheds,
                           acceptedWish(c, resident3, committee2, baolin, "改造小区停车棚并加装充电桩",
                                        "电动车在楼道里充电很危险，希望改造停车棚、装上充电桩。"));
    YISHI_ASSIGN_OR_RETURN(std::int64_t path, acceptedWish(c, resident2, committee1, youyi, "修缮健身步道与座椅",
                                                           "步道破损、座椅不够，晨练和散步都不方便。"));
    YISHI_ASSIGN_OR_RETURN(std::int64_t meals, acceptedWish(c, resident3, committee2, baolin, "建设老年助餐点",
                                                            "独居老人吃饭难，希望在社区里办一个助餐点。"));
    domain::ElectionService::CreateRequest r;
    r.kind = domain::ElectionKind::kApproval;
    r.title = "2027 年友谊路街道民心项目：请选出您最希望办的实事（最多选 2 项）";
    r.subject = "round/2027";
    r.options = {{"", 45'000'000, "", lift},
                 {"", 12'000'000, "", sheds},
                 {"", 8'000'000, "", path},
                 {"", 20'000'000, "", meals}};
    r.min = 0;
    r.max = 2;
    r.budget = 60'000'000;
    r.rule = "greedy-quota";
    r.rule_param = 1;
    r.opens_at = c.clock.now();
    r.closes_at = closes_at;
    r.demo = true;
    YISHI_ASSIGN_OR_RETURN(const domain::Street s, streetOf(c.db, youyi));
    return c.service<domain::ElectionService>().create(street, {domain::ScopeKind::kStreet, s.id.value}, r).status();
}

// 友谊一村's yearly round (docs/wish-rounds.md), still collecting wishes:
// residents find the call on the community's page and answer it. No wish
// is seeded: the demo's lists of topics stay as they were.
Status collectingRound(FeatureContext& c) {
    YISHI_ASSIGN_OR_RETURN(domain::Actor committee, actorOf(c.db, "committee1"));
    domain::WishRoundService::CreateInput call;
    call.year = 2028;
    call.title = "2028 年友谊一村民心项目心愿征集";
    call.call = "明年想让小区办成哪些实事？请写下您的心愿。居委会审核估价后，在年度预算内由全体居民投票决定。";
    call.wishes_due_at = c.clock.now() + Duration::days(30);
    return c.service<domain::WishRoundService>().create(committee, {domain::ScopeKind::kCommunity, 1}, call).status();
}

}  // namespace

Status seedDemoVotes(FeatureContext& c) {
    YISHI_ASSIGN_OR_RETURN(domain::Actor resident, actorOf(c.db, "resident1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor committee, actorOf(c.db, "committee1"));
    const Instant closes_at = c.clock.now() + Duration::days(14);
    YISHI_RETURN_IF_ERROR(referendumOnARule(c, resident, committee, closes_at));
    YISHI_RETURN_IF_ERROR(wishRound(c, closes_at));
    return collectingRound(c);
}

}  // namespace yishi::app
