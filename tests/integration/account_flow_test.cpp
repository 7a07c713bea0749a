// What residents and officials of Decidim or CONSUL take for granted, over
// HTTP against the real server: changing one's password, revoking a role,
// leaving a community, reading the audit log, and a clock tests can move.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

// The actions of an audit page, newest first.
std::vector<std::string> actions(const HttpResult& page) {
    std::vector<std::string> out;
    auto items = page.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) out.push_back(items->getObject(i)->getValue<std::string>("action"));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(account_flow)

BOOST_AUTO_TEST_CASE(changing_the_password_needs_the_current_one_and_ends_the_other_sessions) {
    ServerProcess server;
    const std::string old_password = server.password("resident1");
    HttpClient here(server.port()), phone(server.port()), script(server.port());
    BOOST_REQUIRE_EQUAL(here.loginBrowser("resident1", old_password).status, 201);
    BOOST_REQUIRE_EQUAL(phone.loginBrowser("resident1", old_password).status, 201);
    BOOST_REQUIRE_EQUAL(script.loginBearer("resident1", old_password).status, 201);

    HttpResult wrong =
        here.post("/api/v1/me/password", R"({"current_password": "not-it-at-all", "new_password": "a-new-secret-1"})");
    BOOST_TEST(wrong.status == 403);
    BOOST_TEST(wrong.errorCode() == "password.current_wrong");
    HttpResult weak =
        here.post("/api/v1/me/password", R"({"current_password": ")" + old_password + R"(", "new_password": "short"})");
    BOOST_TEST(weak.errorCode() == "password.invalid");
    BOOST_TEST(phone.get("/api/v1/me").status == 200);

    HttpResult changed = here.post(
        "/api/v1/me/password", R"({"current_password": ")" + old_password + R"(", "new_password": "a-new-secret-1"})");
    BOOST_REQUIRE_EQUAL(changed.status, 200);
    BOOST_TEST(changed.json()->getValue<int>("sessions_ended") == 2);
    BOOST_TEST(here.get("/api/v1/me").status == 200);
    BOOST_TEST(phone.get("/api/v1/me").status == 401);
    BOOST_TEST(script.get("/api/v1/me").status == 401);

    HttpClient again(server.port());
    BOOST_TEST(again.loginBrowser("resident1", old_password).status == 401);
    BOOST_TEST(again.loginBrowser("resident1", "a-new-secret-1").status == 201);
    HttpClient anonymous(server.port());
    BOOST_TEST(anonymous.post("/api/v1/me/password", R"({"current_password": "x", "new_password": "y"})").status ==
               401);
}

BOOST_AUTO_TEST_CASE(a_district_admin_revokes_a_role_and_the_revocation_is_audited) {
    ServerProcess server;
    HttpClient admin(server.port()), committee(server.port()), observer(server.port());
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    BOOST_REQUIRE_EQUAL(committee.loginBrowser("committee1", server.password("committee1")).status, 201);
    BOOST_REQUIRE_EQUAL(observer.loginBrowser("observer", server.password("observer")).status, 201);
    const std::string member = std::to_string(userId(committee));
    const std::string revoke = "/api/v1/users/" + member + "/roles/revocation";
    const std::string body = R"({"role": "committee", "scope": {"kind": "community", "id": 1}, "reason": "换届"})";

    BOOST_TEST(committee.get("/api/v1/communities/1/members").status == 200);
    BOOST_TEST(observer.post(revoke, body).status == 403);
    HttpResult revoked = admin.post(revoke, body);
    BOOST_REQUIRE_EQUAL(revoked.status, 200);
    BOOST_TEST(revoked.json()->getValue<std::string>("role") == "committee");
    BOOST_TEST(committee.get("/api/v1/communities/1/members").status == 403);
    BOOST_TEST(committee.get("/api/v1/me").json()->getArray("roles")->size() == 0u);
    HttpResult twice = admin.post(revoke, body);
    BOOST_TEST(twice.status == 404);
    BOOST_TEST(twice.errorCode() == "role.not_found");
    BOOST_TEST(admin.post(revoke, R"({"role": "resident", "scope": {"kind": "community", "id": 1}})").errorCode() ==
               "role.resident_is_membership");

    HttpResult audit = observer.get("/api/v1/districts/1/audit?kind=role.revoked");
    BOOST_REQUIRE_EQUAL(audit.status, 200);
    BOOST_REQUIRE_EQUAL(actions(audit).size(), 1u);
    BOOST_TEST(actions(audit)[0] == "role.revoked.committee");
    auto entry = audit.json()->getArray("items")->getObject(0);
    BOOST_TEST(entry->getValue<std::int64_t>("subject_id") == std::stoll(member));
    BOOST_TEST(entry->getValue<std::string>("reason").find("换届") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_resident_leaves_a_community_and_their_contributions_stay) {
    ServerProcess server;
    HttpClient resident(server.port()), committee(server.port()), anonymous(server.port());
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident1", server.password("resident1")).status, 201);
    BOOST_REQUIRE_EQUAL(committee.loginBrowser("committee1", server.password("committee1")).status, 201);
    HttpResult raised = resident.post("/api/v1/communities/1/proposals",
                                      R"({"kind": "problem", "title": "路灯坏了", "body": "三号楼"})");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    const std::string proposal = "/api/v1/proposals/" + std::to_string(raised.json()->getValue<std::int64_t>("id"));

    BOOST_TEST(resident.del("/api/v1/communities/2/membership").errorCode() == "membership.not_found");
    HttpResult left = resident.del("/api/v1/communities/1/membership");
    BOOST_REQUIRE_EQUAL(left.status, 200);
    BOOST_TEST(left.json()->getValue<std::string>("status") == "left");
    BOOST_TEST(resident.del("/api/v1/communities/1/membership").errorCode() == "membership.not_found");

    // No longer a resident there; what they raised is still there.
    BOOST_TEST(resident.post("/api/v1/communities/1/proposals", R"({"kind": "wish", "title": "x"})").status == 403);
    HttpResult shown = anonymous.get(proposal);
    BOOST_REQUIRE_EQUAL(shown.status, 200);
    BOOST_TEST(shown.json()->getValue<std::string>("title") == "路灯坏了");
    auto members = committee.get("/api/v1/communities/1/members?status=left");
    BOOST_REQUIRE_EQUAL(members.status, 200);
    BOOST_TEST(members.json()->getArray("items")->size() == 1u);

    // They may join again with the community's code (pending again).
    HttpResult rejoined =
        resident.post("/api/v1/communities/1/join", R"({"join_code": ")" + server.joinCode("友谊一村") + R"("})");
    BOOST_TEST(rejoined.status == 201, rejoined.body);
}

BOOST_AUTO_TEST_CASE(the_audit_log_is_paged_filtered_and_scoped) {
    ServerProcess server;
    HttpClient admin(server.port()), committee(server.port()), other(server.port()), resident(server.port());
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    BOOST_REQUIRE_EQUAL(committee.loginBrowser("committee1", server.password("committee1")).status, 201);
    BOOST_REQUIRE_EQUAL(other.loginBrowser("committee2", server.password("committee2")).status, 201);
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident1", server.password("resident1")).status, 201);
    for (const char* title : {"一", "二", "三"})
        BOOST_REQUIRE_EQUAL(resident
                                .post("/api/v1/communities/1/proposals",
                                      std::string(R"({"kind": "wish", "title": ")") + title + R"("})")
                                .status,
                            201);

    HttpResult first = admin.get("/api/v1/districts/1/audit?community=1&kind=proposal&limit=2");
    BOOST_REQUIRE_EQUAL(first.status, 200);
    BOOST_REQUIRE_EQUAL(actions(first).size(), 2u);
    for (const auto& a : actions(first)) BOOST_TEST(a.rfind("proposal.", 0) == 0u);
    const std::string cursor = first.json()->getValue<std::string>("next_cursor");
    HttpResult second = admin.get("/api/v1/districts/1/audit?community=1&kind=proposal&limit=2&cursor=" + cursor);
    BOOST_REQUIRE_EQUAL(second.status, 200);
    BOOST_TEST(actions(second).size() >= 1u);
    BOOST_TEST(second.json()->getArray("items")->getObject(0)->getValue<std::int64_t>("id") <
               first.json()->getArray("items")->getObject(1)->getValue<std::int64_t>("id"));

    // Time: nothing before the epoch's second 1, nothing after the far future.
    BOOST_TEST(actions(admin.get("/api/v1/districts/1/audit?until=1")).empty());
    BOOST_TEST(!actions(admin.get("/api/v1/districts/1/audit?since=1")).empty());

    // A committee reads its own community's log, not another's, not the district's.
    BOOST_TEST(committee.get("/api/v1/districts/1/audit?community=1").status == 200);
    BOOST_TEST(other.get("/api/v1/districts/1/audit?community=1").status == 403);
    BOOST_TEST(committee.get("/api/v1/districts/1/audit").status == 403);
    BOOST_TEST(resident.get("/api/v1/districts/1/audit?community=1").status == 403);
    BOOST_TEST(admin.get("/api/v1/districts/1/audit?since=x").errorCode() == "query.since");
}

BOOST_AUTO_TEST_CASE(the_test_clock_moves_time_past_a_deadline_and_says_so_in_health) {
    ServerProcess normal;
    HttpClient plain(normal.port());
    BOOST_TEST(plain.get("/api/v1/health").json()->getValue<bool>("test_clock") == false);
    HttpClient normal_admin(normal.port());
    BOOST_REQUIRE_EQUAL(normal_admin.loginBrowser("admin", normal.password("admin")).status, 201);
    BOOST_TEST(normal_admin.post("/api/v1/test/clock", R"({"advance_seconds": 60})").status == 404);

    ServerProcess server({"--test-clock"});
    HttpClient anonymous(server.port()), admin(server.port()), resident(server.port());
    BOOST_TEST(anonymous.get("/api/v1/health").json()->getValue<bool>("test_clock") == true);
    BOOST_REQUIRE_EQUAL(admin.loginBrowser("admin", server.password("admin")).status, 201);
    BOOST_REQUIRE_EQUAL(resident.loginBrowser("resident1", server.password("resident1")).status, 201);
    HttpResult raised = resident.post("/api/v1/communities/1/proposals", R"({"kind": "problem", "title": "井盖松动"})");
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    const std::string proposal = "/api/v1/proposals/" + std::to_string(raised.json()->getValue<std::int64_t>("id"));
    BOOST_TEST(resident.get(proposal).json()->getArray("overdue")->size() == 0u);

    BOOST_TEST(resident.post("/api/v1/test/clock", R"({"advance_seconds": 60})").status == 403);
    BOOST_TEST(admin.post("/api/v1/test/clock", R"({"advance_seconds": -5})").errorCode() == "clock.advance");
    HttpResult moved = admin.post("/api/v1/test/clock", R"({"advance_seconds": 2592000})");
    BOOST_REQUIRE_EQUAL(moved.status, 200);
    BOOST_TEST(moved.json()->getValue<std::int64_t>("offset_seconds") == 2592000);
    auto overdue = resident.get(proposal).json()->getArray("overdue");
    BOOST_REQUIRE(overdue->size() >= 1u);
    BOOST_TEST(overdue->getElement<std::string>(0) == "first_response");
}

BOOST_AUTO_TEST_SUITE_END()
