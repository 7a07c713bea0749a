#include "demo_cases.h"

#include "yishi/domain/case_service.h"
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

// A problem raised by `resident`, accepted by `committee` (which opens its
// case) and assigned to them, with one visible step; returns the case's id.
Result<domain::CaseId> workedProblem(FeatureContext& c, const domain::Actor& resident, const domain::Actor& committee,
                                     const std::string& title, const std::string& body, const std::string& step) {
    auto& proposals = c.service<domain::ProposalService>();
    auto& cases = c.service<domain::CaseService>();
    domain::ProposalService::Draft draft;
    draft.kind = domain::ProposalKind::kProblem;
    draft.title = title;
    draft.body = body;
    draft.submit = true;
    YISHI_ASSIGN_OR_RETURN(auto raised, proposals.create(resident, CommunityId(1), draft));
    domain::ProposalService::ActionInput input;
    input.action = domain::ProposalAction::kStartScreening;
    YISHI_RETURN_IF_ERROR(proposals.act(committee, raised.proposal.id, input).status());
    input.action = domain::ProposalAction::kAccept;
    input.reason = "情况属实，居委会立即办理";
    YISHI_RETURN_IF_ERROR(proposals.act(committee, raised.proposal.id, input).status());
    YISHI_ASSIGN_OR_RETURN(auto opened, cases.ofProposal(committee, raised.proposal.id));
    const domain::CaseId id = opened.c.id;
    YISHI_RETURN_IF_ERROR(cases.assign(committee, id, committee.userId(), "").status());
    YISHI_RETURN_IF_ERROR(cases.addStep(committee, id, step).status());
    return id;
}

}  // namespace

Status seedDemoCases(FeatureContext& c) {
    YISHI_ASSIGN_OR_RETURN(domain::Actor zhao, actorOf(c.db, "resident1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor qian, actorOf(c.db, "resident2"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor li, actorOf(c.db, "committee1"));
    auto& cases = c.service<domain::CaseService>();

    YISHI_ASSIGN_OR_RETURN(domain::CaseId lights,
                           workedProblem(c, zhao, li, "5 号楼楼道灯坏了",
                                         "5 号楼 2 到 4 层的楼道灯坏了一个多星期，晚上上下楼看不见，老人容易摔倒。",
                                         "已通知物业电工，今天下午来查线路"));
    YISHI_RETURN_IF_ERROR(cases.markDone(li, lights, "物业更换了 3 个灯泡和 1 个声控开关，已全部恢复照明").status());
    YISHI_RETURN_IF_ERROR(cases.rate(zhao, lights, 5, 5, true, "修得很快，谢谢居委会").status());
    YISHI_RETURN_IF_ERROR(cases.followUp(li, lights, "电话回访赵大爷：楼道灯正常，很满意").status());

    YISHI_ASSIGN_OR_RETURN(domain::CaseId bench,
                           workedProblem(c, qian, li, "小花园长椅松动",
                                         "小花园靠近东门的两张长椅螺丝松了，坐上去会晃。", "已登记，约了维修师傅"));
    YISHI_RETURN_IF_ERROR(cases.markDone(li, bench, "两张长椅已紧固并加装了防松垫片").status());

    YISHI_ASSIGN_OR_RETURN(domain::CaseId drain, workedProblem(c, qian, li, "东门下水道返味",
                                                               "东门附近下水道夏天返味很重，路过的居民都捂着鼻子。",
                                                               "已联系物业，排水公司下周来疏通检查"));
    (void)drain;
    return Status::ok();
}

}  // namespace yishi::app
