#include "demo_board.h"

#include "yishi/domain/account_service.h"
#include "yishi/domain/notice_service.h"

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

domain::NoticeService::Input notice(domain::NoticeKind kind, std::string title, std::string body, Instant expires) {
    domain::NoticeService::Input in;
    in.kind = kind;
    in.title = std::move(title);
    in.body = std::move(body);
    in.expires_at = expires;
    return in;
}

Status seedNotices(FeatureContext& c, const domain::Actor& li, const domain::Actor& zheng) {
    auto& notices = c.service<domain::NoticeService>();
    const Instant now = c.clock.now();
    const CommunityId youyi(1);

    domain::NoticeService::Input election =
        notice(domain::NoticeKind::kElection, "友谊一村第十二届居民委员会换届选举公告",
               "根据街道工作安排，本社区将于下月进行居委会换届选举。选民名单已在居委会公告栏张贴，"
               "如有异议请在公告之日起五日内向选举委员会提出。",
               now + Duration::days(20));
    election.attachments.push_back({"5f2b8e0c1d9a4f63b7e2c8d1a0f9e6b3c4d5a6b7c8d9e0f1a2b3c4d5e6f7a8b9", 182344,
                                    "application/pdf", "友谊一村选民名单.pdf"});
    YISHI_RETURN_IF_ERROR(notices.publish(zheng, youyi, election).status());

    YISHI_RETURN_IF_ERROR(
        notices
            .publish(li, youyi,
                     notice(domain::NoticeKind::kOutage, "3 号楼、5 号楼周四停水通知",
                            "因自来水公司管道检修，周四上午 8 点至下午 4 点 3 号楼、5 号楼停水，请提前储水。",
                            now + Duration::days(3)))
            .status());

    YISHI_ASSIGN_OR_RETURN(
        auto festival,
        notices.publish(li, youyi,
                        notice(domain::NoticeKind::kActivity, "重阳节敬老活动",
                               "本周六上午 9 点在社区活动室举办重阳节敬老活动，欢迎 70 岁以上老人参加。", Instant())));
    YISHI_RETURN_IF_ERROR(
        notices
            .correct(li, festival.notice.id,
                     notice(domain::NoticeKind::kActivity, "重阳节敬老活动",
                            "本周六上午 9 点半在社区活动室举办重阳节敬老活动，欢迎 70 岁以上老人参加，行动不便的可联系楼栋长接送。",
                            Instant()),
                     "开始时间改为 9 点半，并增加接送安排")
            .status());

    YISHI_ASSIGN_OR_RETURN(
        auto meeting, notices.publish(li, youyi,
                                      notice(domain::NoticeKind::kMeeting, "居民代表会议通知",
                                             "定于下周三下午 2 点召开居民代表会议，讨论加装电梯事宜。",
                                             now + Duration::days(10))));
    YISHI_RETURN_IF_ERROR(notices.withdraw(li, meeting.notice.id, "会议改期，另行通知").status());
    return Status::ok();
}

Status seedAccounts(FeatureContext& c, const domain::Actor& li) {
    auto& accounts = c.service<domain::AccountService>();
    const Instant now = c.clock.now();
    const CommunityId youyi(1);
    using domain::AccountDirection;
    struct Line {
        AccountDirection direction;
        const char* category;
        std::int64_t fen;
        int days_ago;
        const char* counterparty;
        const char* note;
    };
    const Line lines[] = {
        {AccountDirection::kIncome, "allocation", 8'000'000, 75, "友谊路街道办事处", "社区全年工作经费（第一笔）"},
        {AccountDirection::kExpense, "activities", 356'000, 70, "", "夏季纳凉晚会"},
        {AccountDirection::kIncome, "public_revenue", 240'000, 60, "某某广告公司", "小区广告位季度收入"},
        {AccountDirection::kExpense, "maintenance", 1'280'000, 45, "某某维修公司", "5 号楼楼道灯和声控开关更换"},
        {AccountDirection::kExpense, "assistance", 300'000, 30, "", "走访慰问困难老人 6 户"},
        {AccountDirection::kIncome, "donation", 100'000, 20, "爱心企业", "重阳节敬老活动捐赠"},
        {AccountDirection::kExpense, "office", 45'600, 10, "某某文具店", "打印纸、墨盒"},
    };
    std::int64_t repair = 0;
    for (const Line& l : lines) {
        domain::AccountService::Input in;
        in.direction = l.direction;
        in.category = l.category;
        in.amount_fen = l.fen;
        in.date = now - Duration::days(l.days_ago);
        in.counterparty = l.counterparty;
        in.note = l.note;
        YISHI_ASSIGN_OR_RETURN(auto row, accounts.record(li, youyi, in));
        if (std::string(l.category) == "maintenance") repair = row.entry.id;
    }
    domain::AccountService::Input fixed;
    fixed.direction = AccountDirection::kExpense;
    fixed.category = "maintenance";
    fixed.amount_fen = 1'180'000;
    fixed.date = now - Duration::days(45);
    fixed.counterparty = "某某维修公司";
    fixed.note = "5 号楼楼道灯和声控开关更换";
    return accounts.correct(li, repair, fixed, "按发票金额更正：11800 元，多录了 1000 元").status();
}

}  // namespace

Status seedDemoBoard(FeatureContext& c) {
    YISHI_ASSIGN_OR_RETURN(domain::Actor li, actorOf(c.db, "committee1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor zheng, actorOf(c.db, "street1"));
    YISHI_RETURN_IF_ERROR(seedNotices(c, li, zheng));
    return seedAccounts(c, li);
}

}  // namespace yishi::app
