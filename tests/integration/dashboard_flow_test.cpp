// The 驾驶舱 over HTTP (docs/dashboards.md): who sees which dashboard, the
// CSV export, and figures that follow the records. The kept figures are
// refreshed in the background; after every series of acts, once the
// dashboard says nothing is pending, they must equal the same figures
// computed from scratch (?source=records).
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

constexpr std::int64_t kDay = 86400;

// The dashboard at `path` once the background refresh has caught up with
// every change made before (pending false). Waits, never times anything:
// the bound only keeps a broken refresh from hanging the test.
Poco::JSON::Object::Ptr settled(HttpClient& client, const std::string& path) {
    for (int i = 0; i < 400; ++i) {
        HttpResult r = client.get(path);
        BOOST_REQUIRE_EQUAL(r.status, 200);
        if (!r.json()->getValue<bool>("pending")) return r.json();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_FAIL("the dashboard at " + path + " stayed pending");
    return nullptr;
}

// A community row's figures without the time they were computed at.
std::string figuresText(const Poco::JSON::Object::Ptr& figures) {
    Poco::JSON::Object copy(*figures);
    copy.remove("computed_at");
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(copy, out);
    return out.str();
}

Poco::JSON::Object::Ptr rowFigures(const Poco::JSON::Object::Ptr& view, std::size_t index = 0) {
    return view->getArray("communities")->getObject(static_cast<unsigned>(index))->getObject("figures");
}

// The kept figures of community `id` equal those computed now from the
// records. The points pump awards in the background too, so an award may
// land between the two reads: they are read again until they agree (a change
// the refresh missed never would).
void expectKeptEqualsRecords(HttpClient& client, std::int64_t id) {
    const std::string path = "/api/v1/communities/" + std::to_string(id) + "/dashboard";
    std::string kept, fresh;
    for (int attempt = 0; attempt < 50; ++attempt) {
        Poco::JSON::Object::Ptr view = settled(client, path);
        HttpResult now = client.get(path + "?source=records");
        BOOST_REQUIRE_EQUAL(now.status, 200);
        BOOST_TEST(!now.json()->getValue<bool>("pending"));
        kept = figuresText(rowFigures(view)) + figuresText(view->getObject("totals"));
        fresh = figuresText(rowFigures(now.json())) + figuresText(now.json()->getObject("totals"));
        if (kept == fresh) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_TEST(kept == fresh);
}

std::int64_t number(const Poco::JSON::Object::Ptr& figures, const std::string& group, const std::string& name) {
    return figures->getObject(group)->getValue<std::int64_t>(name);
}

void advance(HttpClient& admin, std::int64_t seconds) {
    BOOST_REQUIRE_EQUAL(
        admin.post("/api/v1/test/clock", R"({"advance_seconds": )" + std::to_string(seconds) + "}").status, 200);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dashboard_flow)

BOOST_AUTO_TEST_CASE(each_sees_the_dashboard_of_their_own_scope_and_no_other) {
    ServerProcess server;
    HttpClient admin = server.signedIn("admin");
    HttpClient street = server.signedIn("street1");        // 友谊路街道: 友谊一村 and 宝林八村
    HttpClient committee = server.signedIn("committee1");  // 友谊一村
    HttpClient resident = server.signedIn("resident1");
    HttpClient observer = server.signedIn("observer");
    HttpClient anonymous(server.port());

    Poco::JSON::Object::Ptr district = settled(admin, "/api/v1/districts/1/dashboard");
    BOOST_TEST(district->getObject("scope")->getValue<std::string>("kind") == "district");
    BOOST_TEST(district->getValue<std::int64_t>("active_window_days") == 90);
    Poco::JSON::Array::Ptr rows = district->getArray("communities");
    BOOST_REQUIRE_EQUAL(rows->size(), 3u);
    // The totals are the sum of the rows.
    std::int64_t topics = 0, members = 0;
    for (unsigned i = 0; i < rows->size(); ++i) {
        topics += number(rows->getObject(i)->getObject("figures"), "topics", "total");
        members += number(rows->getObject(i)->getObject("figures"), "people", "members");
    }
    BOOST_TEST(number(district->getObject("totals"), "topics", "total") == topics);
    BOOST_TEST(number(district->getObject("totals"), "people", "members") == members);
    BOOST_TEST(topics > 0);  // the demo district has topics

    // The street's staff: their street's communities, not the other street's, not the district.
    Poco::JSON::Object::Ptr own_street = settled(street, "/api/v1/streets/1/dashboard");
    BOOST_TEST(own_street->getArray("communities")->size() == 2u);
    BOOST_TEST(street.get("/api/v1/streets/2/dashboard").errorCode() == "dashboard.forbidden");
    BOOST_TEST(street.get("/api/v1/streets/2/dashboard").status == 403);
    BOOST_TEST(street.get("/api/v1/districts/1/dashboard").status == 403);
    BOOST_TEST(street.get("/api/v1/communities/1/dashboard").status == 200);
    BOOST_TEST(street.get("/api/v1/communities/3/dashboard").status == 403);

    // The committee: its community alone.
    BOOST_TEST(committee.get("/api/v1/communities/1/dashboard").status == 200);
    BOOST_TEST(committee.get("/api/v1/communities/2/dashboard").errorCode() == "dashboard.forbidden");
    BOOST_TEST(committee.get("/api/v1/streets/1/dashboard").status == 403);
    BOOST_TEST(committee.get("/api/v1/districts/1/dashboard").status == 403);
    BOOST_TEST(committee.get("/api/v1/communities/1/dashboard/export").status == 200);
    BOOST_TEST(committee.get("/api/v1/streets/1/dashboard/export").status == 403);

    // Residents and observers see none; anonymous callers are asked to log in.
    BOOST_TEST(resident.get("/api/v1/communities/1/dashboard").status == 403);
    BOOST_TEST(resident.get("/api/v1/districts/1/dashboard/export").status == 403);
    BOOST_TEST(observer.get("/api/v1/districts/1/dashboard").status == 403);
    BOOST_TEST(anonymous.get("/api/v1/districts/1/dashboard").status == 401);
    BOOST_TEST(anonymous.get("/api/v1/districts/1/dashboard/export").status == 401);

    // Bad input.
    BOOST_TEST(admin.get("/api/v1/districts/99/dashboard").errorCode() == "district.not_found");
    BOOST_TEST(admin.get("/api/v1/streets/99/dashboard").errorCode() == "street.not_found");
    BOOST_TEST(admin.get("/api/v1/communities/99/dashboard").errorCode() == "community.not_found");
    HttpResult bad_source = admin.get("/api/v1/communities/1/dashboard?source=guess");
    BOOST_TEST(bad_source.status == 400);
    BOOST_TEST(bad_source.errorCode() == "query.source");
    BOOST_TEST(admin.get("/api/v1/districts/1/dashboard?sort=x").errorCode() == "query.unknown");
}

BOOST_AUTO_TEST_CASE(the_csv_export_has_a_row_per_community_a_total_and_no_formulas) {
    ServerProcess server;
    HttpClient admin = server.signedIn("admin");
    // A community whose name a spreadsheet would run as a formula.
    HttpResult created = admin.post("/api/v1/streets/2/communities", R"j({"name":"=HYPERLINK(\"x\")"})j");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    settled(admin, "/api/v1/districts/1/dashboard");

    HttpResult csv =
        admin.send("GET", "/api/v1/districts/1/dashboard/export", "", "application/json", {{"Accept-Language", "en"}});
    BOOST_REQUIRE_EQUAL(csv.status, 200);
    BOOST_TEST(csv.headers["Content-Type"].find("text/csv") == 0u);
    BOOST_TEST(csv.headers["Content-Disposition"].find("dashboard-district-1.csv") != std::string::npos);
    BOOST_TEST(csv.body.rfind("\xEF\xBB\xBF"
                              "id,street,community,topics,",
                              0) == 0u);
    std::size_t lines = 0;
    for (char ch : csv.body) lines += ch == '\n';
    BOOST_TEST(lines == 1u + 4u + 1u);  // header, four communities, the total
    BOOST_TEST(csv.body.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
    BOOST_TEST(csv.body.find("\r\n,,total,") != std::string::npos);

    HttpResult zh = admin.get("/api/v1/streets/1/dashboard/export");
    BOOST_REQUIRE_EQUAL(zh.status, 200);
    BOOST_TEST(zh.body.find("编号,街道,社区,议题,") != std::string::npos);
    BOOST_TEST(zh.body.find(",,合计,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_kept_figures_follow_the_records_as_people_act_and_time_passes) {
    ServerProcess server({"--test-clock"});
    HttpClient resident = server.signedIn("resident4");    // 周奶奶, 罗店村 (community 3)
    HttpClient committee = server.signedIn("committee3");  // 罗店村's committee
    HttpClient admin = server.signedIn("admin");
    const std::int64_t chen = committee.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");

    expectKeptEqualsRecords(admin, 3);
    Poco::JSON::Object::Ptr before = rowFigures(settled(admin, "/api/v1/communities/3/dashboard"));

    // Three problems and a wish raised; the problems accepted, so each is a case.
    std::vector<std::int64_t> cases;
    for (const char* title : {"村口路灯不亮", "下水道堵塞", "垃圾桶不够"}) {
        HttpResult raised =
            resident.post("/api/v1/communities/3/proposals",
                          std::string(R"({"kind":"problem","title":")") + title + R"(","submit":true})");
        BOOST_REQUIRE_EQUAL(raised.status, 201);
        const std::string actions = "/api/v1/proposals/" + std::to_string(idOf(raised)) + "/actions";
        BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"start_screening"})").status, 200);
        BOOST_REQUIRE_EQUAL(committee.post(actions, R"({"action":"accept","reason":"属实"})").status, 200);
        cases.push_back(idOf(admin.get("/api/v1/proposals/" + std::to_string(idOf(raised)) + "/case")));
    }
    BOOST_REQUIRE_EQUAL(
        resident.post("/api/v1/communities/3/proposals", R"({"kind":"wish","title":"建一个健身角","submit":true})")
            .status,
        201);
    expectKeptEqualsRecords(admin, 3);

    // Two cases handled over a day and two days; one rated satisfied, one not (it reopens).
    for (std::size_t i = 0; i < 2; ++i) {
        const std::string c = "/api/v1/cases/" + std::to_string(cases[i]);
        BOOST_REQUIRE_EQUAL(
            committee.post(c + "/assignment", R"({"assignee_id": )" + std::to_string(chen) + "}").status, 200);
        advance(admin, kDay);
        BOOST_REQUIRE_EQUAL(committee.post(c + "/completion", R"({"summary":"已处理"})").status, 200);
    }
    BOOST_REQUIRE_EQUAL(
        resident
            .post("/api/v1/cases/" + std::to_string(cases[0]) + "/ratings", R"({"handling_stars":5,"result_stars":5})")
            .status,
        201);
    BOOST_REQUIRE_EQUAL(
        resident
            .post("/api/v1/cases/" + std::to_string(cases[1]) + "/ratings", R"({"handling_stars":2,"result_stars":1})")
            .status,
        201);
    expectKeptEqualsRecords(admin, 3);

    Poco::JSON::Object::Ptr after = rowFigures(settled(admin, "/api/v1/communities/3/dashboard"));
    BOOST_TEST(number(after, "topics", "total") == number(before, "topics", "total") + 4);
    BOOST_TEST(number(after, "cases", "total") == number(before, "cases", "total") + 3);
    BOOST_TEST(number(after, "cases", "closed") == number(before, "cases", "closed") + 1);  // one reopened
    BOOST_TEST(number(after, "ratings", "count") == number(before, "ratings", "count") + 2);
    BOOST_TEST(number(after, "ratings", "satisfied") == number(before, "ratings", "satisfied") + 1);
    BOOST_TEST(number(after, "people", "active") >= 1);
    BOOST_TEST(number(after, "people", "active") <= number(after, "people", "members"));
    // The unanswered wish is overdue now (more than a day passed): counted.
    BOOST_TEST(after->getValue<std::int64_t>("overdue") >= 1);

    // The street and the district see the same row for 罗店村.
    Poco::JSON::Object::Ptr street = settled(admin, "/api/v1/streets/2/dashboard");
    BOOST_TEST(figuresText(rowFigures(street)) == figuresText(after));

    // Ninety-one days on, nobody acted: the kept figures are refreshed by
    // age alone, and nobody is active any more.
    advance(admin, 91 * kDay);
    admin.loginBrowser("admin", server.password("admin"));  // the session expired meanwhile
    expectKeptEqualsRecords(admin, 3);
    BOOST_TEST(number(rowFigures(settled(admin, "/api/v1/communities/3/dashboard")), "people", "active") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
