// Issue 12, item 3: numbers and text from a hostile client. Integers past
// int64 and booleans are not integers, times lie in 2000..2099, a parent_id
// that names no comment is a 404 (never a new top-level comment), invalid
// UTF-8 anywhere in a request is refused with a code and never comes back,
// and no error message repeats more than a short excerpt of the input. And
// from item 5: a resident whose membership was revoked no longer edits or
// withdraws their comments.
#include <boost/test/unit_test.hpp>

#include <ctime>
#include <string>

#include "support/http_client.h"
#include "support/server_process.h"
#include "yishi/common/utf8.h"

using namespace yishi::testing;

namespace {

std::string messageOf(const HttpResult& r) { return r.json()->getObject("error")->getValue<std::string>("message_en"); }

int statusOf(const std::string& reply) { return reply.size() < 12 ? 0 : std::stoi(reply.substr(9, 3)); }

std::string bodyOf(const std::string& reply) {
    const auto end = reply.find("\r\n\r\n");
    return end == std::string::npos ? "" : reply.substr(end + 4);
}

std::string proposalOf(HttpClient& author) {
    HttpResult created = author.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"楼道灯坏了"})");
    BOOST_REQUIRE_EQUAL(created.status, 201);
    return "/api/v1/proposals/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(numbers_past_int64_and_booleans_are_not_integers) {
    ServerProcess server;
    HttpClient author = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    const std::string base = proposalOf(author);

    HttpResult wrapped = author.post(base + "/comments", R"({"body":"x","parent_id":18446744073709551617})");
    BOOST_TEST(wrapped.status == 400);
    BOOST_TEST(wrapped.errorCode() == "body.wrong_type");
    HttpResult boolean = author.post(base + "/comments", R"({"body":"x","parent_id":true})");
    BOOST_TEST(boolean.status == 400);
    BOOST_TEST(boolean.errorCode() == "body.wrong_type");

    const std::string when = std::to_string(std::time(nullptr) - 60);
    HttpResult meeting =
        committee.post(base + "/meetings", R"({"mode":"offline","starts_at":)" + when + R"(,"place":"会议室"})");
    BOOST_REQUIRE_EQUAL(meeting.status, 201);
    const std::string minutes =
        "/api/v1/meetings/" + std::to_string(meeting.json()->getValue<std::int64_t>("id")) + "/minutes";
    BOOST_TEST(committee.post(minutes, R"({"minutes":"x","attendance":true})").errorCode() == "body.wrong_type");
    BOOST_TEST(committee.post(minutes, R"({"minutes":"x","attendance":18446744073709551617})").errorCode() ==
               "body.wrong_type");
    BOOST_TEST(committee.post(minutes, R"({"minutes":"x","attendance":-18446744073709551617})").errorCode() ==
               "body.wrong_type");
    BOOST_TEST(committee.post(minutes, R"({"minutes":"x","attendance":1e3})").errorCode() == "body.wrong_type");
    // Nothing above was recorded: the real minutes still go in.
    BOOST_TEST(committee.post(minutes, R"({"minutes":"x","attendance":12})").status == 200);
}

BOOST_AUTO_TEST_CASE(times_lie_between_2000_and_2099) {
    ServerProcess server;
    HttpClient author = server.signedIn("resident1");
    HttpClient committee = server.signedIn("committee1");
    const std::string base = proposalOf(author);
    auto meetingAt = [&](const std::string& seconds) {
        return committee.post(base + "/meetings",
                              R"({"mode":"offline","starts_at":)" + seconds + R"(,"place":"会议室"})");
    };
    for (const char* bad : {"0", "1", "946684799", "4102444800", "253402300799", "-1"}) {
        HttpResult r = meetingAt(bad);
        BOOST_TEST(r.status == 400, bad);
        BOOST_TEST(r.errorCode() == "body.starts_at", bad);
    }
    BOOST_TEST(meetingAt("946684800").status == 201);
    BOOST_TEST(meetingAt("4102444799").status == 201);
}

BOOST_AUTO_TEST_CASE(a_parent_id_that_names_no_comment_is_404_not_a_new_thread) {
    ServerProcess server;
    HttpClient author = server.signedIn("resident1");
    const std::string base = proposalOf(author);
    for (const char* bad : {"0", "-3", "999999"}) {
        HttpResult r = author.post(base + "/comments", std::string(R"({"body":"回复","parent_id":)") + bad + "}");
        BOOST_TEST(r.status == 404, bad);
        BOOST_TEST(r.errorCode() == "comment.not_found", bad);
    }
    // None of them became a comment.
    BOOST_TEST(author.get(base + "/comments").json()->getArray("items")->size() == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_path_or_query_is_refused_and_never_echoed) {
    ServerProcess server;
    auto ask = [&](const std::string& target) {
        return rawExchange(server.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    };
    // Percent-encoded bytes decode to invalid UTF-8: request.bad_utf8. Raw
    // bytes over 0x7F are not a request-target at all (RFC 9112 3.2): the
    // framing refuses them as request.malformed.
    for (const std::string& target :
         {std::string("/api/v1/proposals?q=%FF%FE"), std::string("/api/v1/proposals?%C0%AF=1"),
          std::string("/api/v1/%FF%FE/x"), std::string("/api/v1/proposals?q=\xFF\xFE"),
          std::string("/api/v1/\xED\xA0\x80")}) {
        const std::string reply = ask(target);
        const bool raw = target.find('%') == std::string::npos;
        BOOST_TEST(statusOf(reply) == 400, target);
        BOOST_TEST(reply.find(raw ? "request.malformed" : "request.bad_utf8") != std::string::npos, target);
        BOOST_TEST(yishi::isValidUtf8(bodyOf(reply)), target);
        BOOST_TEST(bodyOf(reply).find('\xFF') == std::string::npos, target);
    }
    // Valid UTF-8, encoded or not, still works.
    HttpClient c(server.port());
    BOOST_TEST(c.get("/api/v1/communities/1/proposals?q=%E7%94%B5%E6%A2%AF").status == 200);
}

BOOST_AUTO_TEST_CASE(error_messages_show_only_a_short_excerpt_of_the_input) {
    ServerProcess server;
    HttpClient c = server.signedIn("resident1");
    const std::string base = proposalOf(c);
    const std::string long_name(100'000, 'a');
    HttpResult field = c.send("PATCH", base, R"({"title":"x",")" + long_name + R"(":1})");
    BOOST_TEST(field.errorCode() == "body.unknown_field");
    BOOST_TEST(messageOf(field).size() < 400u);
    BOOST_TEST(field.body.size() < 2000u);

    HttpResult query = c.get("/api/v1/communities/1/proposals?" + std::string(6000, 'b') + "=1");
    BOOST_TEST(query.errorCode() == "query.unknown");
    BOOST_TEST(messageOf(query).size() < 400u);

    HttpResult path = c.get("/api/v1/" + std::string(6000, 'c'));
    BOOST_TEST(path.errorCode() == "route.not_found");
    BOOST_TEST(messageOf(path).size() < 400u);
}

BOOST_AUTO_TEST_CASE(a_revoked_resident_no_longer_edits_or_withdraws_comments) {
    ServerProcess server;
    HttpClient author = server.signedIn("resident1");
    HttpClient neighbour = server.signedIn("resident2");
    HttpClient committee = server.signedIn("committee1");
    const std::string base = proposalOf(author);
    HttpResult first = neighbour.post(base + "/comments", R"({"body":"第一条","stance":"for"})");
    HttpResult second = neighbour.post(base + "/comments", R"({"body":"第二条","stance":"for"})");
    BOOST_REQUIRE_EQUAL(first.status, 201);
    BOOST_REQUIRE_EQUAL(second.status, 201);
    const std::string first_path = "/api/v1/comments/" + std::to_string(first.json()->getValue<std::int64_t>("id"));
    const std::string second_path = "/api/v1/comments/" + std::to_string(second.json()->getValue<std::int64_t>("id"));
    // While a member, the author edits.
    BOOST_TEST(neighbour.send("PUT", first_path, R"({"body":"第一条（改）"})").status == 200);

    const std::int64_t user = neighbour.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
    HttpResult revoked = committee.post("/api/v1/communities/1/members/" + std::to_string(user) + "/verification",
                                        R"({"decision":"reject","reason":"已搬离本小区"})");
    BOOST_REQUIRE_EQUAL(revoked.status, 200);

    HttpResult edit = neighbour.send("PUT", first_path, R"({"body":"改口"})");
    BOOST_TEST(edit.status == 403);
    BOOST_TEST(edit.errorCode().rfind("membership.", 0) == 0u);
    HttpResult withdraw = neighbour.del(second_path);
    BOOST_TEST(withdraw.status == 403);
    BOOST_TEST(withdraw.errorCode().rfind("membership.", 0) == 0u);
    HttpClient anonymous(server.port());
    const std::string thread = anonymous.get(base + "/comments").body;
    BOOST_TEST(thread.find("第一条（改）") != std::string::npos);
    BOOST_TEST(thread.find("第二条") != std::string::npos);
    BOOST_TEST(thread.find("改口") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
