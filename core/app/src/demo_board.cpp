#include "demo_board.h"

#include "yishi/domain/account_service.h"
#include "yishi/domain/notice_service.h"
#include "yishi/domain/poll_service.h"
#include "yishi/domain/polls_store.h"
#include "yishi/domain/service_rating_service.h"

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
    YISHI_RETURN_IF_ERROR(notices
                              .correct(li, festival.notice.id,
                                       notice(domain::NoticeKind::kActivity, "重阳节敬老活动",
                                              "本周六上午 9 点半在社区活动室举办重阳节敬老活动，欢迎 70 "
                                              "岁以上老人参加，行动不便的可联系楼栋长接送。",
                                              Instant()),
                                       "开始时间改为 9 点半，并增加接送安排")
                              .status());

    YISHI_ASSIGN_OR_RETURN(
        auto meeting,
        notices.publish(li, youyi,
                        notice(domain::NoticeKind::kMeeting, "居民代表会议通知",
                               "定于下周三下午 2 点召开居民代表会议，讨论加装电梯事宜。", now + Duration::days(10))));
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

// An open poll answered by two residents, through the service; and a poll
// that closed last month, written to the store directly (the service only
// makes polls that close later), so that the demo shows results.
Status seedPolls(FeatureContext& c, const domain::Actor& li, const domain::Actor& zhao, const domain::Actor& qian) {
    auto& polls = c.service<domain::PollService>();
    const Instant now = c.clock.now();
    domain::PollService::Input in;
    in.title = "小区停车方案意见征集";
    in.description = "小区车位紧张，居委会想听听大家的意见，问卷截止后公布结果。";
    in.closes_at = now + Duration::days(10);
    in.questions.push_back({"您家有几辆车？", false, {"没有", "一辆", "两辆以上"}});
    in.questions.push_back({"您支持哪些方案？（可多选）", true, {"划线增加车位", "夜间错时停车", "建立体车库"}});
    YISHI_ASSIGN_OR_RETURN(auto open, polls.create(li, CommunityId(1), in));
    const auto option = [&](std::size_t q, std::size_t o) { return open.poll.questions[q].options[o].id; };
    YISHI_RETURN_IF_ERROR(polls.answer(zhao, open.poll.id, {option(0, 1), option(1, 0), option(1, 1)}).status());
    YISHI_RETURN_IF_ERROR(polls.answer(qian, open.poll.id, {option(0, 0), option(1, 1)}).status());

    return c.db.write([&](domain::Stores& s) {
        domain::Poll past;
        past.community_id = CommunityId(1);
        past.title = "今年夏季纳凉晚会放在哪一天？";
        past.created_at = now - Duration::days(40);
        past.closes_at = now - Duration::days(30);
        past.created_by = li.userId();
        past.questions.push_back({0, "您希望哪天举办？", false, {{0, 0, "周五晚上"}, {0, 0, "周六晚上"}}});
        s.get<domain::PollStore>().insertPoll(past);
        const std::int64_t friday = past.questions[0].options[0].id;
        const std::int64_t saturday = past.questions[0].options[1].id;
        s.get<domain::PollStore>().insertAnswer(past.id, zhao.userId(), now - Duration::days(38), {saturday});
        s.get<domain::PollStore>().insertAnswer(past.id, qian.userId(), now - Duration::days(35), {saturday});
        (void)friday;
        return Status::ok();
    });
}

// The 物业 and the 业委会, rated over the last three months (history written
// to the store directly: the service opens periods that close later) and
// this month's period open through the service.
Status seedRatings(FeatureContext& c, const domain::Actor& li, const domain::Actor& zhao, const domain::Actor& qian) {
    auto& ratings = c.service<domain::ServiceRatingService>();
    const Instant now = c.clock.now();
    domain::ServiceRatingService::ServiceInput property{domain::ServiceKind::kProperty, "友谊物业管理有限公司",
                                                        "小区保洁、绿化、电梯和门岗"};
    YISHI_ASSIGN_OR_RETURN(domain::RatedService p, ratings.defineService(li, CommunityId(1), property));
    domain::ServiceRatingService::ServiceInput owners{domain::ServiceKind::kOwnersCommittee, "友谊一村业主委员会", ""};
    YISHI_ASSIGN_OR_RETURN(domain::RatedService o, ratings.defineService(li, CommunityId(1), owners));

    struct Month {
        const char* label;
        int opens_days_ago;
        int zhao_property, qian_property, zhao_owners;
    };
    const Month months[] = {{"三个月前", 92, 2, 3, 4}, {"两个月前", 61, 3, 3, 4}, {"上个月", 31, 4, 3, 5}};
    YISHI_RETURN_IF_ERROR(c.db.write([&](domain::Stores& s) {
        auto& store = s.get<domain::ServiceRatingStore>();
        for (const Month& m : months) {
            domain::RatingPeriod period;
            period.community_id = CommunityId(1);
            period.label = m.label;
            period.opens_at = now - Duration::days(m.opens_days_ago);
            period.closes_at = period.opens_at + Duration::days(30);
            period.created_at = period.opens_at;
            period.id = store.insertPeriod(period);
            const Instant at = period.opens_at + Duration::days(3);
            store.insertRating({period.id, p.id, zhao.userId(), m.zhao_property, "", at});
            store.insertRating({period.id, p.id, qian.userId(), m.qian_property,
                                m.qian_property < 3 ? "电梯经常坏，报修后好几天才来" : "", at});
            store.insertRating({period.id, o.id, zhao.userId(), m.zhao_owners, "", at});
        }
        return Status::ok();
    }));
    YISHI_ASSIGN_OR_RETURN(auto current, ratings.openPeriod(li, CommunityId(1), "本月", now - Duration::days(1),
                                                            now + Duration::days(20)));
    return ratings.rate(zhao, current.period.id, p.id, 4, "最近保洁勤快多了").status();
}

}  // namespace

Status seedDemoBoard(FeatureContext& c) {
    YISHI_ASSIGN_OR_RETURN(domain::Actor li, actorOf(c.db, "committee1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor zheng, actorOf(c.db, "street1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor zhao, actorOf(c.db, "resident1"));
    YISHI_ASSIGN_OR_RETURN(domain::Actor qian, actorOf(c.db, "resident2"));
    YISHI_RETURN_IF_ERROR(seedNotices(c, li, zheng));
    YISHI_RETURN_IF_ERROR(seedAccounts(c, li));
    YISHI_RETURN_IF_ERROR(seedPolls(c, li, zhao, qian));
    return seedRatings(c, li, zhao, qian);
}

}  // namespace yishi::app
