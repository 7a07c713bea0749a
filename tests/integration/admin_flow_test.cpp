#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "integration/shared_server.h"
#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

BOOST_AUTO_TEST_SUITE(admin_flow)

BOOST_AUTO_TEST_CASE(admin_creates_street_and_community_and_grants_a_committee_role) {
    ServerProcess server;
    HttpClient admin(server.port());
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);

    HttpResult street = admin.post("/api/v1/districts/1/streets", R"({"name":"月浦镇"})");
    BOOST_REQUIRE_EQUAL(street.status, 201);
    const std::int64_t street_id = street.json()->getValue<std::int64_t>("id");
    HttpResult community =
        admin.post("/api/v1/streets/" + std::to_string(street_id) + "/communities", R"({"name":"月浦新村"})");
    BOOST_REQUIRE_EQUAL(community.status, 201);
    const std::int64_t community_id = community.json()->getValue<std::int64_t>("id");
    const std::string code = community.json()->getValue<std::string>("join_code");
    BOOST_TEST(code.size() == 8u);

    HttpClient anonymous(server.port());
    HttpResult joined =
        anonymous.post("/api/v1/communities/" + std::to_string(community_id) + "/join",
                       R"({"join_code":")" + code +
                           R"(","login":"yuepu.chair","display_name":"月浦主任","password":"a-long-password"})");
    BOOST_REQUIRE_EQUAL(joined.status, 201);
    const std::int64_t user = joined.json()->getObject("user")->getValue<std::int64_t>("id");

    const std::string grant_path = "/api/v1/users/" + std::to_string(user) + "/roles";
    HttpResult mismatch = admin.post(grant_path, R"({"role":"committee","scope":{"kind":"street","id":1}})");
    BOOST_TEST(mismatch.status == 400);
    BOOST_TEST(mismatch.errorCode() == "role.scope_mismatch");
    HttpResult grant = admin.post(
        grant_path, R"({"role":"committee","scope":{"kind":"community","id":)" + std::to_string(community_id) + "}}");
    BOOST_REQUIRE_EQUAL(grant.status, 201);
    BOOST_TEST(admin
                   .post(grant_path, R"({"role":"committee","scope":{"kind":"community","id":)" +
                                         std::to_string(community_id) + "}}")
                   .status == 409);

    HttpClient chair(server.port());
    chair.loginBrowser("yuepu.chair", "a-long-password");
    HttpResult me = chair.get("/api/v1/me");
    BOOST_TEST(me.json()->getArray("roles")->getObject(0)->getValue<std::string>("role") == "committee");
    // The new committee member now runs the queue of their own community only.
    BOOST_TEST(chair.get("/api/v1/communities/" + std::to_string(community_id) + "/members?status=pending").status ==
               200);
    BOOST_TEST(chair.get("/api/v1/communities/1/members").status == 403);
}

BOOST_AUTO_TEST_CASE(only_district_admins_shape_the_district) {
    ServerProcess server;
    HttpClient committee = server.signedIn("committee1");
    HttpResult street = committee.post("/api/v1/districts/1/streets", R"({"name":"偷建街道"})");
    BOOST_TEST(street.status == 403);
    BOOST_TEST(street.errorCode() == "district.forbidden");
    BOOST_TEST(committee.post("/api/v1/streets/1/communities", R"({"name":"偷建村"})").status == 403);
    BOOST_TEST(
        committee.post("/api/v1/users/1/roles", R"({"role":"observer","scope":{"kind":"district","id":1}})").status ==
        403);
    HttpClient anonymous(server.port());
    BOOST_TEST(anonymous.post("/api/v1/districts/1/streets", R"({"name":"x"})").status == 401);
}

BOOST_AUTO_TEST_CASE(public_district_and_community_lists_page_with_a_cursor) {
    ServerProcess& server = sharedServer();
    HttpClient anonymous(server.port());
    HttpResult district = anonymous.get("/api/v1/districts/1");
    BOOST_REQUIRE_EQUAL(district.status, 200);
    BOOST_TEST(district.json()->getValue<std::string>("name") == "示范区");
    BOOST_TEST(district.json()->getArray("streets")->size() >= 2u);
    BOOST_TEST(anonymous.get("/api/v1/districts/999").status == 404);
    BOOST_TEST(anonymous.get("/api/v1/districts/abc").status == 404);

    HttpResult first = anonymous.get("/api/v1/communities?district=1&limit=2");
    BOOST_REQUIRE_EQUAL(first.status, 200);
    BOOST_TEST(first.json()->getArray("items")->size() == 2u);
    const std::string cursor = first.json()->getValue<std::string>("next_cursor");
    HttpResult second = anonymous.get("/api/v1/communities?district=1&limit=2&cursor=" + cursor);
    BOOST_REQUIRE_EQUAL(second.status, 200);
    BOOST_TEST(second.json()->getArray("items")->getObject(0)->getValue<std::int64_t>("id") == 3);
    BOOST_TEST(anonymous.get("/api/v1/communities").errorCode() == "query.district_required");
    BOOST_TEST(anonymous.get("/api/v1/communities?district=999").status == 404);
    BOOST_TEST(anonymous.get("/api/v1/communities?district=1&limit=0").errorCode() == "query.limit");
    BOOST_TEST(anonymous.get("/api/v1/communities?district=1&cursor=xyz").errorCode() == "query.cursor");
    BOOST_TEST(anonymous.get("/api/v1/communities/1").json()->getValue<int>("verified_residents") >= 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(district_settings_over_http)

BOOST_AUTO_TEST_CASE(admins_set_the_districts_deadlines_everyone_reads_them) {
    ServerProcess server;
    HttpClient anonymous(server.port()), committee(server.port()), admin(server.port());
    committee.loginBrowser("committee1", server.password("committee1"));
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    HttpResult before = anonymous.get("/api/v1/districts/1/settings");
    BOOST_REQUIRE_EQUAL(before.status, 200);
    BOOST_TEST(before.json()->getValue<int>("decision_working_days") >= 1);

    BOOST_TEST(committee.send("PUT", "/api/v1/districts/1/settings", R"({"auto_hide_reports": 5})").status == 403);
    HttpResult bad = admin.send("PUT", "/api/v1/districts/1/settings", R"({"first_response_hours": 0})");
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(bad.errorCode() == "settings.first_response_hours");
    HttpResult bad_day = admin.send("PUT", "/api/v1/districts/1/settings", R"({"holidays": ["tomorrow"]})");
    BOOST_TEST(bad_day.errorCode() == "settings.holidays");
    BOOST_TEST(bad_day.json()->getObject("error")->getValue<std::string>("message_en").find("JSON list") !=
               std::string::npos);
    HttpResult one_string =
        admin.send("PUT", "/api/v1/districts/1/settings", R"({"holidays": "2026-10-01,2026-10-02"})");
    BOOST_TEST(one_string.errorCode() == "body.holidays");
    BOOST_TEST(one_string.json()->getObject("error")->getValue<std::string>("message_en").find("JSON list") !=
               std::string::npos);

    // No such day, and a misspelt field: both refused, nothing saved.
    HttpResult no_such_day = admin.send("PUT", "/api/v1/districts/1/settings", R"({"holidays": ["2026-02-30"]})");
    BOOST_TEST(no_such_day.status == 400);
    BOOST_TEST(no_such_day.errorCode() == "settings.holidays");
    HttpResult misspelt = admin.send("PUT", "/api/v1/districts/1/settings", R"({"auto_hide_report": 9})");
    BOOST_TEST(misspelt.status == 400);
    BOOST_TEST(misspelt.errorCode() == "body.unknown_field");
    BOOST_TEST(misspelt.json()->getObject("error")->getValue<std::string>("message_en").find("auto_hide_report") !=
               std::string::npos);
    BOOST_TEST(anonymous.get("/api/v1/districts/1/settings").json()->getValue<std::string>("source") == "default");

    HttpResult put = admin.send("PUT", "/api/v1/districts/1/settings",
                                R"({"first_response_hours": 24, "holidays": ["2027-02-10", "2027-02-11"]})");
    BOOST_REQUIRE_EQUAL(put.status, 200);
    HttpResult after = anonymous.get("/api/v1/districts/1/settings");
    BOOST_TEST(after.json()->getValue<std::string>("source") == "district");
    BOOST_TEST(after.json()->getValue<int>("first_response_hours") == 24);
    BOOST_TEST(after.json()->getArray("holidays")->size() == 2u);
    // Fields left out kept their value.
    BOOST_TEST(after.json()->getValue<int>("auto_hide_reports") == before.json()->getValue<int>("auto_hide_reports"));
}

BOOST_AUTO_TEST_SUITE_END()
