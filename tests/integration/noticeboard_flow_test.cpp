// 公开之栏 over HTTP (docs/noticeboard.md), as the people involved meet it:
// 罗店村's committee posts notices, corrects one, withdraws another, keeps
// the community's accounts and corrects an entry; residents and strangers
// read; the wrong people are refused. 罗店村 has no demo notices or
// accounts, so every figure here is this test's own.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <set>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

constexpr std::int64_t kDay = 86400;

void advance(HttpClient& admin, std::int64_t seconds) {
    BOOST_REQUIRE_EQUAL(
        admin.post("/api/v1/test/clock", R"({"advance_seconds": )" + std::to_string(seconds) + "}").status, 200);
}

const std::string kHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

std::string notice(const std::string& kind, const std::string& title, const std::string& extra = "") {
    return R"({"kind":")" + kind + R"(","title":")" + title + R"(","body":"请各位居民周知。")" + extra + "}";
}

std::string statusOf(HttpClient& c, std::int64_t id) {
    return c.get("/api/v1/notices/" + std::to_string(id)).json()->getValue<std::string>("status");
}

std::string entry(const std::string& direction, const std::string& category, std::int64_t fen, std::int64_t date,
                  const std::string& extra = "") {
    return R"({"direction":")" + direction + R"(","category":")" + category + R"(","amount_fen":)" +
           std::to_string(fen) + R"(,"date":)" + std::to_string(date) + extra + "}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(noticeboard_flow)

BOOST_AUTO_TEST_CASE(notices_are_posted_corrected_withdrawn_and_archived) {
    ServerProcess server({"--test-clock"});
    HttpClient committee = server.signedIn("committee3");        // 陈志强, 罗店村
    HttpClient other_committee = server.signedIn("committee2");  // 宝林八村
    HttpClient street = server.signedIn("street1");  // 友谊路街道: 友谊一村 and 宝林八村, not 罗店村
    HttpClient resident = server.signedIn("resident4");  // 周奶奶, 罗店村
    HttpClient admin = server.signedIn("admin");
    HttpClient anonymous(server.port());
    const std::string board = "/api/v1/communities/3/notices";

    // Who may post: the committee, not a resident, nor another community's
    // committee, nor the staff of another street; the street's staff in their street.
    BOOST_TEST(resident.post(board, notice("general", "x")).errorCode() == "notice.forbidden");
    BOOST_TEST(other_committee.post(board, notice("general", "x")).errorCode() == "notice.forbidden");
    BOOST_TEST(street.post(board, notice("general", "x")).errorCode() == "notice.forbidden");
    BOOST_TEST(anonymous.post(board, notice("general", "x")).status == 401);
    HttpResult by_street = street.post("/api/v1/communities/2/notices", notice("election", "宝林八村换届选举公告"));
    BOOST_REQUIRE_EQUAL(by_street.status, 201);
    BOOST_TEST(by_street.json()->getArray("versions")->getObject(0)->getObject("by")->getValue<std::string>("role") ==
               "street_staff");

    // Bad input.
    // The server's clock, read from what it just published.
    const std::int64_t t0 = by_street.json()->getValue<std::int64_t>("published_at");
    BOOST_TEST(committee.post(board, notice("party", "x")).errorCode() == "notice.kind");
    BOOST_TEST(committee.post(board, notice("general", "")).errorCode() == "title.invalid");
    BOOST_TEST(
        committee.post(board, notice("general", "x", R"(,"expires_at":)" + std::to_string(t0 - 60))).errorCode() ==
        "notice.expiry");
    BOOST_TEST(committee
                   .post(board, notice("general", "x",
                                       R"(,"attachments":[{"sha256":"abc","size_bytes":1,)"
                                       R"("media_type":"application/pdf","file_name":"a.pdf"}])"))
                   .errorCode() == "attachment.sha256");
    BOOST_TEST(committee
                   .post(board, notice("general", "x",
                                       R"(,"attachments":[{"sha256":")" + kHash +
                                           R"(","size_bytes":1,"media_type":"pdf","file_name":"a.pdf"}])"))
                   .errorCode() == "attachment.media_type");
    BOOST_TEST(committee.post(board, notice("general", "x", R"(,"colour":"red")")).errorCode() == "body.unknown_field");

    // Three notices: an election notice with its attachment's hash, expiring in
    // two days; a general one without expiry; a meeting expiring in one day.
    HttpResult election = committee.post(
        board, notice("election", "第十二届村民委员会换届选举公告",
                      R"(,"expires_at":)" + std::to_string(t0 + 2 * kDay) + R"(,"attachments":[{"sha256":")" + kHash +
                          R"(","size_bytes":48213,"media_type":"application/pdf","file_name":"选民名单.pdf"}])"));
    BOOST_REQUIRE_EQUAL(election.status, 201);
    BOOST_TEST(election.json()->getValue<std::string>("status") == "current");
    BOOST_TEST(election.json()->getValue<bool>("may_change"));
    BOOST_TEST(election.json()->getArray("attachments")->getObject(0)->getValue<std::string>("sha256") == kHash);
    BOOST_TEST(election.json()->getArray("attachments")->getObject(0)->getValue<std::int64_t>("size_bytes") == 48213);
    const std::int64_t general = idOf(committee.post(board, notice("general", "冬季防火提示")));
    const std::int64_t meeting = idOf(
        committee.post(board, notice("meeting", "村民代表会议通知", R"(,"expires_at":)" + std::to_string(t0 + kDay))));
    const std::string election_path = "/api/v1/notices/" + std::to_string(idOf(election));

    // Read by anyone; only those who may post may change it.
    HttpResult read = anonymous.get(election_path);
    BOOST_REQUIRE_EQUAL(read.status, 200);
    BOOST_TEST(!read.json()->getValue<bool>("may_change"));
    BOOST_TEST(!resident.get(election_path).json()->getValue<bool>("may_change"));

    // A correction is a new version with its reason; the first stays readable.
    const std::string fixed = notice("election", "第十二届村民委员会换届选举公告（更正）",
                                     R"(,"expires_at":)" + std::to_string(t0 + 2 * kDay));
    BOOST_TEST(committee.post(election_path + "/corrections", fixed).errorCode() == "notice.reason_required");
    BOOST_TEST(resident.post(election_path + "/corrections", fixed.substr(0, fixed.size() - 1) + R"(,"reason":"x"})")
                   .errorCode() == "notice.forbidden");
    HttpResult corrected = committee.post(election_path + "/corrections",
                                          fixed.substr(0, fixed.size() - 1) + R"(,"reason":"选举日期写错了"})");
    BOOST_REQUIRE_EQUAL(corrected.status, 201);
    Poco::JSON::Object::Ptr c = corrected.json();
    BOOST_TEST(c->getValue<std::string>("title") == "第十二届村民委员会换届选举公告（更正）");
    BOOST_TEST(c->getValue<int>("corrections") == 1);
    BOOST_TEST(c->getArray("attachments")->size() == 0u);  // the correction states the notice whole: no attachment now
    Poco::JSON::Array::Ptr versions = c->getArray("versions");
    BOOST_REQUIRE_EQUAL(versions->size(), 2u);
    BOOST_TEST(versions->getObject(0)->getValue<std::string>("title") == "第十二届村民委员会换届选举公告");
    BOOST_TEST(versions->getObject(0)->getArray("attachments")->size() == 1u);
    BOOST_TEST(versions->getObject(1)->getValue<std::string>("kind") == "corrected");
    BOOST_TEST(versions->getObject(1)->getValue<std::string>("reason") == "选举日期写错了");
    BOOST_TEST(c->getValue<std::int64_t>("published_at") == read.json()->getValue<std::int64_t>("published_at"));

    // A withdrawal keeps what was withdrawn; a withdrawn notice is not changed again.
    const std::string meeting_path = "/api/v1/notices/" + std::to_string(meeting);
    BOOST_TEST(committee.post(meeting_path + "/withdrawal", "{}").errorCode() == "notice.reason_required");
    BOOST_TEST(other_committee.post(meeting_path + "/withdrawal", R"({"reason":"x"})").errorCode() ==
               "notice.forbidden");
    HttpResult withdrawn = committee.post(meeting_path + "/withdrawal", R"({"reason":"会议改期，另行通知"})");
    BOOST_REQUIRE_EQUAL(withdrawn.status, 200);
    BOOST_TEST(withdrawn.json()->getValue<std::string>("status") == "withdrawn");
    BOOST_TEST(withdrawn.json()->getValue<std::string>("title") == "村民代表会议通知");
    BOOST_TEST(withdrawn.json()->getValue<std::string>("withdrawal_reason") == "会议改期，另行通知");
    BOOST_TEST(!withdrawn.json()->getValue<bool>("may_change"));
    HttpResult again = committee.post(meeting_path + "/withdrawal", R"({"reason":"x"})");
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.errorCode() == "notice.withdrawn");
    BOOST_TEST(committee.post(meeting_path + "/corrections", notice("meeting", "x", R"(,"reason":"y")")).errorCode() ==
               "notice.withdrawn");

    // Time passes: the election notice expires after two days, the general one
    // never. (Read signed in: an anonymous reading may be up to 2 s old.)
    advance(admin, kDay + kDay / 2);
    BOOST_TEST(statusOf(resident, idOf(election)) == "current");
    advance(admin, kDay);
    BOOST_TEST(statusOf(resident, idOf(election)) == "expired");
    BOOST_TEST(statusOf(resident, general) == "current");
    BOOST_TEST(statusOf(resident, meeting) == "withdrawn");

    // The archive: newest first, expired and withdrawn ones included and marked, paged.
    HttpResult first = resident.get(board + "?limit=2");
    BOOST_REQUIRE_EQUAL(first.status, 200);
    Poco::JSON::Array::Ptr items = first.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(items->size(), 2u);
    BOOST_TEST(items->getObject(0)->getValue<std::int64_t>("id") == meeting);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("status") == "withdrawn");
    BOOST_TEST(items->getObject(1)->getValue<std::int64_t>("id") == general);
    const std::string cursor = first.json()->getValue<std::string>("next_cursor");
    HttpResult second = resident.get(board + "?limit=2&cursor=" + cursor);
    BOOST_REQUIRE_EQUAL(second.json()->getArray("items")->size(), 1u);
    BOOST_TEST(second.json()->getArray("items")->getObject(0)->getValue<std::string>("status") == "expired");
    BOOST_TEST(second.json()->isNull("next_cursor"));
    HttpResult elections = anonymous.get(board + "?kind=election");
    BOOST_REQUIRE_EQUAL(elections.json()->getArray("items")->size(), 1u);
    BOOST_TEST(anonymous.get(board + "?kind=party").errorCode() == "query.notice_kind");
    BOOST_TEST(anonymous.get("/api/v1/notices/999").errorCode() == "notice.not_found");
    BOOST_TEST(anonymous.get("/api/v1/communities/99/notices").errorCode() == "community.not_found");

    // Traced: each change is in the audit log.
    HttpResult audit = admin.get("/api/v1/districts/1/audit?community=3&kind=notice");
    BOOST_REQUIRE_EQUAL(audit.status, 200);
    std::multiset<std::string> actions;
    Poco::JSON::Array::Ptr log = audit.json()->getArray("items");
    for (std::size_t i = 0; i < log->size(); ++i)
        actions.insert(log->getObject(static_cast<unsigned>(i))->getValue<std::string>("action"));
    BOOST_TEST(actions.count("notice.published") == 3u);
    BOOST_TEST(actions.count("notice.corrected") == 1u);
    BOOST_TEST(actions.count("notice.withdrawn") == 1u);
}

BOOST_AUTO_TEST_CASE(accounts_add_up_from_their_entries_and_corrections) {
    ServerProcess server;
    HttpClient committee = server.signedIn("committee3");
    HttpClient other_committee = server.signedIn("committee2");
    HttpClient street = server.signedIn("street1");
    HttpClient resident = server.signedIn("resident4");
    HttpClient anonymous(server.port());
    const std::string accounts = "/api/v1/communities/3/accounts";

    // Local dates (UTC+8): 5 Nov, 30 Nov 23:30, 1 Dec 00:30, 20 Dec 2025.
    const std::int64_t nov5 = 1762308000, nov30_late = 1764516600, dec1_early = 1764520200, dec20 = 1766192400;

    BOOST_TEST(resident.post(accounts, entry("income", "allocation", 100, nov5)).errorCode() == "account.forbidden");
    BOOST_TEST(other_committee.post(accounts, entry("income", "allocation", 100, nov5)).errorCode() ==
               "account.forbidden");
    BOOST_TEST(street.post(accounts, entry("income", "allocation", 100, nov5)).errorCode() == "account.forbidden");
    BOOST_TEST(anonymous.post(accounts, entry("income", "allocation", 100, nov5)).status == 401);
    BOOST_TEST(committee.post(accounts, entry("income", "maintenance", 100, nov5)).errorCode() == "account.category");
    BOOST_TEST(committee.post(accounts, entry("gift", "donation", 100, nov5)).errorCode() == "account.direction");
    BOOST_TEST(committee.post(accounts, entry("income", "donation", 0, nov5)).errorCode() == "account.amount");
    BOOST_TEST(committee.post(accounts, entry("income", "donation", 1'000'000'000'001, nov5)).errorCode() ==
               "account.amount");
    BOOST_TEST(committee.post(accounts, entry("income", "donation", 100, 4'000'000'000)).errorCode() == "account.date");

    const auto record = [&](const std::string& body) {
        HttpResult r = committee.post(accounts, body);
        BOOST_REQUIRE_EQUAL(r.status, 201);
        return idOf(r);
    };
    record(entry("income", "allocation", 5'000'000, nov5, R"(,"counterparty":"罗店镇政府","note":"全年工作经费")"));
    record(entry("expense", "activities", 120'000, nov30_late, R"(,"note":"重阳节慰问活动")"));
    const std::int64_t repair =
        record(entry("expense", "maintenance", 300'000, dec1_early, R"j(,"counterparty":"=HYPERLINK(\"x\")")j"));
    const std::int64_t twice = record(entry("expense", "office", 8'800, dec20, R"(,"note":"打印纸")"));
    record(entry("income", "donation", 50'000, dec20, R"(,"counterparty":"爱心企业")"));

    // Corrections: the repair cost 2,500 元, not 3,000; the paper was recorded twice.
    const std::string repair_fix = "/api/v1/account-entries/" + std::to_string(repair) + "/corrections";
    BOOST_TEST(committee.post(repair_fix, entry("expense", "maintenance", 250'000, dec1_early)).errorCode() ==
               "account.reason_required");
    BOOST_TEST(resident.post(repair_fix, entry("expense", "maintenance", 250'000, dec1_early, R"(,"reason":"x")"))
                   .errorCode() == "account.forbidden");
    BOOST_TEST(committee
                   .post("/api/v1/account-entries/999/corrections",
                         entry("expense", "maintenance", 1, dec1_early, R"(,"reason":"x")"))
                   .errorCode() == "account.not_found");
    HttpResult fixed = committee.post(
        repair_fix, entry("expense", "maintenance", 250'000, dec1_early, R"(,"reason":"发票金额为 2500 元")"));
    BOOST_REQUIRE_EQUAL(fixed.status, 201);
    BOOST_TEST(fixed.json()->getValue<std::int64_t>("corrects") == repair);
    HttpResult undone = committee.post("/api/v1/account-entries/" + std::to_string(twice) + "/corrections",
                                       entry("expense", "office", 0, dec20, R"(,"reason":"重复登记")"));
    BOOST_REQUIRE_EQUAL(undone.status, 201);

    // Totals, from the entries: income 50,000 + 500 元; expense 1,200 + 2,500 (corrected)元, the paper not at all.
    HttpResult totals = anonymous.get(accounts + "/totals");
    BOOST_REQUIRE_EQUAL(totals.status, 200);
    Poco::JSON::Object::Ptr t = totals.json();
    BOOST_TEST(t->getValue<std::int64_t>("income_fen") == 5'050'000);
    BOOST_TEST(t->getValue<std::int64_t>("expense_fen") == 370'000);
    BOOST_TEST(t->getValue<std::int64_t>("balance_fen") == 4'680'000);
    BOOST_TEST(t->getValue<int>("entries") == 4);
    // By local month: the activity of 30 Nov 23:30 is November's, the repair of 1 Dec 00:30 December's.
    Poco::JSON::Array::Ptr months = t->getArray("by_month");
    BOOST_REQUIRE_EQUAL(months->size(), 2u);
    BOOST_TEST(months->getObject(0)->getValue<std::string>("month") == "2025-11");
    BOOST_TEST(months->getObject(0)->getValue<std::int64_t>("income_fen") == 5'000'000);
    BOOST_TEST(months->getObject(0)->getValue<std::int64_t>("expense_fen") == 120'000);
    BOOST_TEST(months->getObject(1)->getValue<std::string>("month") == "2025-12");
    BOOST_TEST(months->getObject(1)->getValue<std::int64_t>("income_fen") == 50'000);
    BOOST_TEST(months->getObject(1)->getValue<std::int64_t>("expense_fen") == 250'000);
    Poco::JSON::Array::Ptr categories = t->getArray("by_category");
    BOOST_REQUIRE_EQUAL(categories->size(), 4u);  // office counts nothing: left out
    BOOST_TEST(categories->getObject(0)->getValue<std::string>("category") == "allocation");
    BOOST_TEST(categories->getObject(3)->getValue<std::string>("category") == "maintenance");
    BOOST_TEST(categories->getObject(3)->getValue<std::int64_t>("amount_fen") == 250'000);
    BOOST_TEST(anonymous.get(accounts + "/totals?year=2025").json()->getValue<std::int64_t>("expense_fen") == 370'000);
    BOOST_TEST(anonymous.get(accounts + "/totals?year=2024").json()->getValue<std::int64_t>("income_fen") == 0);
    BOOST_TEST(anonymous.get(accounts + "/totals?year=24").errorCode() == "query.year");

    // The list: newest first, every entry kept, the wrong ones marked.
    HttpResult list = anonymous.get(accounts);
    BOOST_REQUIRE_EQUAL(list.status, 200);
    Poco::JSON::Array::Ptr items = list.json()->getArray("items");
    BOOST_REQUIRE_EQUAL(items->size(), 7u);
    BOOST_TEST(items->getObject(0)->getValue<std::int64_t>("corrects") == twice);
    BOOST_TEST(items->getObject(0)->getValue<bool>("counts"));
    for (std::size_t i = 0; i < items->size(); ++i) {
        Poco::JSON::Object::Ptr row = items->getObject(static_cast<unsigned>(i));
        if (row->getValue<std::int64_t>("id") == repair) {
            BOOST_TEST(!row->getValue<bool>("counts"));
            BOOST_TEST(row->getValue<std::int64_t>("corrected_by") == idOf(fixed));
        }
    }

    // CSV: one line per entry, amounts in yuan, formulas defused; English on request.
    HttpResult csv = anonymous.get(accounts + "/export");
    BOOST_REQUIRE_EQUAL(csv.status, 200);
    BOOST_TEST(csv.headers["Content-Type"].find("text/csv") == 0u);
    BOOST_TEST(csv.body.rfind("\xEF\xBB\xBF编号,日期", 0) == 0u);
    std::size_t lines = 0;
    for (char ch : csv.body) lines += ch == '\n';
    BOOST_TEST(lines == 8u);
    BOOST_TEST(csv.body.find(",2500.00,") != std::string::npos);
    BOOST_TEST(csv.body.find(",50000.00,") != std::string::npos);
    BOOST_TEST(csv.body.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    BOOST_TEST(csv.body.find("2025-12-01,支出,维修维护") != std::string::npos);
    HttpResult english =
        anonymous.send("GET", accounts + "/export", "", "application/json", {{"Accept-Language", "en"}});
    BOOST_TEST(english.body.find("id,date,direction,category,amount_yuan") != std::string::npos);
    BOOST_TEST(english.body.find("2025-11-30,expense,activities,1200.00") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
