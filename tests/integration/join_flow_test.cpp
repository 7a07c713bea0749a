#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

std::string signUpBody(const std::string& code, const std::string& login) {
    return R"({"join_code":")" + code + R"(","login":")" + login +
           R"(","display_name":"新居民","password":"a-long-password"})";
}

bool listHas(const HttpResult& r, std::int64_t user_id) {
    Poco::JSON::Array::Ptr items = r.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        if (items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("user_id") == user_id) return true;
    }
    return false;
}

std::int64_t userIdOf(ServerProcess& server, const std::string& login) {
    HttpClient c(server.port());
    c.loginBearer(login, server.password(login));
    return c.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(join_flow)

BOOST_AUTO_TEST_CASE(sign_up_then_the_committee_verifies) {
    ServerProcess server;
    const std::string code = server.joinCode("友谊一村");
    HttpClient anonymous(server.port());

    HttpResult joined = anonymous.post("/api/v1/communities/1/join", signUpBody(code, "new.resident"));
    BOOST_REQUIRE_EQUAL(joined.status, 201);
    BOOST_TEST(joined.json()->getObject("membership")->getValue<std::string>("status") == "pending");
    const std::int64_t person = joined.json()->getObject("user")->getValue<std::int64_t>("id");
    BOOST_TEST(joined.body.find("password") == std::string::npos);

    BOOST_TEST(anonymous.post("/api/v1/communities/1/join", signUpBody("WRONGCODE", "other.one")).errorCode() ==
               "community.bad_join_code");
    BOOST_TEST(anonymous.post("/api/v1/communities/2/join", signUpBody(code, "other.one")).status == 403);
    HttpResult taken = anonymous.post("/api/v1/communities/1/join", signUpBody(code, "new.resident"));
    BOOST_TEST(taken.status == 409);
    BOOST_TEST(taken.errorCode() == "user.login_taken");
    BOOST_TEST(anonymous.post("/api/v1/communities/1/join", signUpBody(code, "Bad Login")).errorCode() ==
               "login.invalid");

    // The pending person can log in and read public content, but not act.
    HttpClient pending(server.port());
    BOOST_REQUIRE_EQUAL(pending.loginBrowser("new.resident", "a-long-password").status, 201);
    HttpResult me = pending.get("/api/v1/me");
    BOOST_TEST(me.json()->getArray("memberships")->getObject(0)->getValue<std::string>("status") == "pending");
    HttpResult community = pending.get("/api/v1/communities/1");
    BOOST_TEST(community.status == 200);
    BOOST_TEST(!community.json()->has("join_code"));
    BOOST_TEST(pending.get("/api/v1/communities/1/members").status == 403);
    BOOST_TEST(pending
                   .post("/api/v1/communities/1/members/" + std::to_string(person) + "/verification",
                         R"({"decision":"verify"})")
                   .status == 403);

    // The committee of another community can do nothing here.
    HttpClient other = server.signedIn("committee2");
    BOOST_TEST(other.get("/api/v1/communities/1/members?status=pending").status == 403);
    HttpResult cross = other.post("/api/v1/communities/1/members/" + std::to_string(person) + "/verification",
                                  R"({"decision":"verify"})");
    BOOST_TEST(cross.status == 403);
    BOOST_TEST(cross.errorCode() == "community.forbidden");
    BOOST_TEST(!other.get("/api/v1/communities/1").json()->has("join_code"));

    // The committee of this community sees the queue and decides.
    HttpClient committee = server.signedIn("committee1");
    BOOST_TEST(committee.get("/api/v1/communities/1").json()->getValue<std::string>("join_code") == code);
    HttpResult queue = committee.get("/api/v1/communities/1/members?status=pending");
    BOOST_REQUIRE_EQUAL(queue.status, 200);
    BOOST_TEST(listHas(queue, person));
    const std::int64_t pending1 = userIdOf(server, "pending1");
    BOOST_TEST(listHas(queue, pending1));
    BOOST_TEST(committee.get("/api/v1/communities/1/members?status=maybe").errorCode() == "query.status");

    HttpResult verified = committee.post("/api/v1/communities/1/members/" + std::to_string(person) + "/verification",
                                         R"({"decision":"verify"})");
    BOOST_REQUIRE_EQUAL(verified.status, 200);
    BOOST_TEST(verified.json()->getValue<std::string>("status") == "verified");
    BOOST_TEST(
        pending.get("/api/v1/me").json()->getArray("memberships")->getObject(0)->getValue<std::string>("status") ==
        "verified");

    const std::string reject_path = "/api/v1/communities/1/members/" + std::to_string(pending1) + "/verification";
    HttpResult no_reason = committee.post(reject_path, R"({"decision":"reject"})");
    BOOST_TEST(no_reason.status == 400);
    BOOST_TEST(no_reason.errorCode() == "membership.reason_required");
    HttpResult rejected = committee.post(reject_path, R"({"decision":"reject","reason":"地址不在本小区"})");
    BOOST_REQUIRE_EQUAL(rejected.status, 200);
    BOOST_TEST(rejected.json()->getValue<std::string>("reason") == "地址不在本小区");
    BOOST_TEST(committee.post(reject_path, R"({"decision":"verify"})").status == 409);
    BOOST_TEST(committee.post(reject_path, R"({"decision":"maybe"})").errorCode() == "body.decision");
    BOOST_TEST(committee.post("/api/v1/communities/1/members/99999/verification", R"({"decision":"verify"})").status ==
               404);
}

BOOST_AUTO_TEST_CASE(who_may_see_the_member_list) {
    ServerProcess server;
    HttpClient anonymous(server.port());
    BOOST_TEST(anonymous.get("/api/v1/communities/1/members").status == 401);
    HttpClient resident = server.signedIn("resident1");
    BOOST_TEST(resident.get("/api/v1/communities/1/members").status == 403);
    // Street staff oversee the communities of their street, but do not decide.
    HttpClient staff = server.signedIn("street1");
    BOOST_TEST(staff.get("/api/v1/communities/1/members").status == 200);
    BOOST_TEST(staff.get("/api/v1/communities/3/members").status == 403);
    const std::int64_t pending1 = userIdOf(server, "pending1");
    BOOST_TEST(staff
                   .post("/api/v1/communities/1/members/" + std::to_string(pending1) + "/verification",
                         R"({"decision":"verify"})")
                   .status == 403);
    // Members are shown by display name; never by login.
    HttpResult list = staff.get("/api/v1/communities/1/members");
    BOOST_TEST(list.body.find("\"login\"") == std::string::npos);
    BOOST_TEST(list.body.find("display_name") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_logged_in_person_joins_another_community) {
    ServerProcess server;
    HttpClient resident = server.signedIn("resident3");
    HttpResult joined =
        resident.post("/api/v1/communities/3/join", R"({"join_code":")" + server.joinCode("罗店村") + R"("})");
    BOOST_REQUIRE_EQUAL(joined.status, 201);
    BOOST_TEST(joined.json()->getObject("membership")->getValue<std::int64_t>("community_id") == 3);
    BOOST_TEST(resident.post("/api/v1/communities/3/join", R"({"join_code":")" + server.joinCode("罗店村") + R"("})")
                   .errorCode() == "membership.exists");
}

BOOST_AUTO_TEST_SUITE_END()
