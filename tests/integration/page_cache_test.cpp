// Issue 13: the page cache serves signed-in readers too, and invalidates by
// what changed. These tests read each page several times in a row, so that
// the cached path is the one checked (X-Cache says which path answered).
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <string>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

std::string cacheOf(const HttpResult& r) {
    auto it = r.headers.find("X-Cache");
    return it == r.headers.end() ? "" : it->second;
}

// The body of comment `id` in a thread as `reader` reads it ("<null>" when
// withheld, "<absent>" when not in the thread).
std::string bodyIn(const HttpResult& thread, std::int64_t id) {
    Poco::JSON::Array::Ptr items = thread.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        Poco::JSON::Object::Ptr c = items->getObject(static_cast<unsigned>(i));
        if (c->getValue<std::int64_t>("id") != id) continue;
        return c->isNull("body") ? "<null>" : c->getValue<std::string>("body");
    }
    return "<absent>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(page_cache)

// Never one person's private view to another: anonymous, a resident, the
// author of a hidden comment and the committee read the same URIs, in turn
// and again, and each gets their own right bytes, from the cache after the
// first round.
BOOST_AUTO_TEST_CASE(each_audience_gets_its_own_view_of_the_same_uri) {
    ServerProcess server;
    HttpClient anonymous(server.port());
    HttpClient resident(server.port());
    BOOST_REQUIRE_EQUAL(resident.loginBearer("resident2", server.password("resident2")).status, 201);
    HttpClient author(server.port());
    BOOST_REQUIRE_EQUAL(author.loginBearer("resident1", server.password("resident1")).status, 201);
    HttpClient committee(server.port());
    BOOST_REQUIRE_EQUAL(committee.loginBearer("committee1", server.password("committee1")).status, 201);

    HttpResult proposal = author.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"楼道灯坏了"})");
    BOOST_REQUIRE_EQUAL(proposal.status, 201);
    const std::string thread = "/api/v1/proposals/" + std::to_string(idOf(proposal)) + "/comments";
    HttpResult open = resident.post(thread, R"({"body":"同意尽快修","stance":"for"})");
    HttpResult secret = author.post(thread, R"({"body":"我的电话是13800000000","stance":"for"})");
    BOOST_REQUIRE_EQUAL(secret.status, 201);
    const std::int64_t secret_id = idOf(secret);
    BOOST_REQUIRE_EQUAL(committee
                            .post("/api/v1/comments/" + std::to_string(secret_id) + "/moderation",
                                  R"({"action":"hide","reason":"含个人信息"})")
                            .status,
                        200);
    HttpResult draft = author.post("/api/v1/communities/1/proposals",
                                   R"({"kind":"wish","title":"我的草稿：加装充电桩","submit":false})");
    BOOST_REQUIRE_EQUAL(draft.status, 201);
    const std::string list = "/api/v1/communities/1/proposals?limit=50";

    std::string hits;
    for (int round = 0; round < 3; ++round) {
        // A different order each round: whoever comes first fills the cache.
        HttpClient* order[][4] = {{&anonymous, &resident, &author, &committee},
                                  {&committee, &author, &resident, &anonymous},
                                  {&author, &committee, &anonymous, &resident}};
        for (HttpClient* reader : order[round]) {
            HttpResult t = reader->get(thread);
            BOOST_REQUIRE_EQUAL(t.status, 200);
            HttpResult l = reader->get(list);
            BOOST_REQUIRE_EQUAL(l.status, 200);
            if (round > 0) hits += cacheOf(t) + cacheOf(l);
            BOOST_TEST(bodyIn(t, idOf(open)) == "同意尽快修");
            const bool privileged = reader == &author || reader == &committee;
            BOOST_TEST(bodyIn(t, secret_id) == (privileged ? "我的电话是13800000000" : "<null>"));
            const bool has_draft = l.body.find("我的草稿：加装充电桩") != std::string::npos;
            BOOST_TEST(has_draft == (reader == &author));
        }
    }
    BOOST_TEST(hits.find("miss") == std::string::npos);  // rounds 2 and 3 came from the cache
    BOOST_TEST(anonymous.get(thread).body == resident.get(thread).body);
    BOOST_TEST(anonymous.get(thread).body != committee.get(thread).body);
    BOOST_TEST(anonymous.get(list).body == committee.get(list).body);

    // A change to what one reader may see takes effect at once: restored,
    // the comment's body is everyone's again.
    BOOST_REQUIRE_EQUAL(committee
                            .post("/api/v1/comments/" + std::to_string(secret_id) + "/moderation",
                                  R"({"action":"restore","reason":"已删除电话"})")
                            .status,
                        200);
    BOOST_TEST(bodyIn(anonymous.get(thread), secret_id) == "我的电话是13800000000");
    BOOST_TEST(bodyIn(resident.get(thread), secret_id) == "我的电话是13800000000");
}

// Every read returns what was committed before it started, and a write in
// one community leaves the other communities' pages cached.
BOOST_AUTO_TEST_CASE(a_write_is_seen_at_once_and_spares_other_communities) {
    ServerProcess server;
    HttpClient writer(server.port());
    BOOST_REQUIRE_EQUAL(writer.loginBearer("resident2", server.password("resident2")).status, 201);
    HttpClient reader(server.port());
    BOOST_REQUIRE_EQUAL(reader.loginBearer("resident1", server.password("resident1")).status, 201);
    HttpClient anonymous(server.port());
    HttpClient elsewhere(server.port());
    BOOST_REQUIRE_EQUAL(elsewhere.loginBearer("committee2", server.password("committee2")).status, 201);

    HttpResult proposal =
        reader.post("/api/v1/communities/1/proposals", R"({"kind":"problem","title":"垃圾分类点太远"})");
    BOOST_REQUIRE_EQUAL(proposal.status, 201);
    const std::string thread = "/api/v1/proposals/" + std::to_string(idOf(proposal)) + "/comments";
    const std::string here = "/api/v1/communities/1/proposals?limit=50";
    const std::string there = "/api/v1/communities/2/proposals?limit=50";
    anonymous.get(there);
    elsewhere.get(there);
    BOOST_TEST(cacheOf(anonymous.get(there)) == "hit");

    for (int i = 0; i < 15; ++i) {
        // Entries live 2 s at most: community 2's are made again here, so a
        // slow machine's loop does not outlast them.
        anonymous.get(there);
        elsewhere.get(there);
        anonymous.get(thread);  // cached before each write
        reader.get(thread);
        const std::string text = "第 " + std::to_string(i) + " 条：建议增设分类点";
        BOOST_REQUIRE_EQUAL(writer.post(thread, R"({"body":")" + text + R"(","stance":"for"})").status, 201);
        BOOST_TEST(anonymous.get(thread).body.find(text) != std::string::npos);
        BOOST_TEST(reader.get(thread).body.find(text) != std::string::npos);
        BOOST_TEST(elsewhere.get(thread).body.find(text) != std::string::npos);

        anonymous.get(here);
        reader.get(here);
        const std::string title = "新议题 " + std::to_string(i);
        HttpResult created =
            writer.post("/api/v1/communities/1/proposals", R"({"kind":"wish","title":")" + title + R"("})");
        BOOST_REQUIRE_EQUAL(created.status, 201);
        BOOST_TEST(anonymous.get(here).body.find(title) != std::string::npos);
        BOOST_TEST(reader.get(here).body.find(title) != std::string::npos);

        // Community 2's page was not touched by any of it.
        BOOST_TEST(cacheOf(anonymous.get(there)) == "hit");
        BOOST_TEST(cacheOf(elsewhere.get(there)) == "hit");
    }
}

// A community's pages that read the same to everyone (its projects, cases,
// conventions, notices, accounts, polls, ratings, moderation log) are one
// rendering for anonymous and signed-in readers alike, kept while other
// communities write, and made again once their own community writes.
BOOST_AUTO_TEST_CASE(a_communitys_public_pages_are_shared_and_spared_by_other_communities) {
    ServerProcess server;
    HttpClient anonymous(server.port());
    HttpClient resident(server.port());
    BOOST_REQUIRE_EQUAL(resident.loginBearer("resident1", server.password("resident1")).status, 201);
    HttpClient committee1(server.port());
    BOOST_REQUIRE_EQUAL(committee1.loginBearer("committee1", server.password("committee1")).status, 201);
    HttpClient committee2(server.port());
    BOOST_REQUIRE_EQUAL(committee2.loginBearer("committee2", server.password("committee2")).status, 201);
    const std::string base = "/api/v1/communities/2";
    const std::vector<std::string> pages = {base + "/projects",        base + "/cases",   base + "/case-stats",
                                            base + "/conventions",     base + "/notices", base + "/accounts",
                                            base + "/accounts/totals", base + "/polls",   base + "/service-ratings",
                                            base + "/moderation-log"};
    for (const std::string& page : pages) {
        BOOST_TEST_CONTEXT(page) {
            BOOST_TEST(anonymous.get(page).status == 200);
            // Signed-in readers get anyone's rendering: no render of their own.
            BOOST_TEST(cacheOf(resident.get(page)) == "hit");
            BOOST_TEST(cacheOf(committee1.get(page)) == "hit");
        }
    }
    const std::string notice = R"({"kind":"general","title":"一社区的通知","body":"只在一社区"})";
    BOOST_REQUIRE_EQUAL(committee1.post("/api/v1/communities/1/notices", notice).status, 201);
    for (const std::string& page : pages) {
        BOOST_TEST_CONTEXT(page) { BOOST_TEST(cacheOf(anonymous.get(page)) == "hit"); }
    }
    const std::string own = R"({"kind":"general","title":"二社区停水通知","body":"周三停水"})";
    BOOST_REQUIRE_EQUAL(committee2.post(base + "/notices", own).status, 201);
    HttpResult notices = resident.get(base + "/notices");
    BOOST_TEST(cacheOf(notices) == "miss");
    BOOST_TEST(notices.body.find("二社区停水通知") != std::string::npos);
}

// The sessions kept in memory follow the accounts: a logout, and a
// membership the committee verifies, take effect at the next request.
BOOST_AUTO_TEST_CASE(cached_sessions_follow_their_accounts) {
    ServerProcess server;
    HttpClient pending(server.port());
    BOOST_REQUIRE_EQUAL(pending.loginBearer("pending1", server.password("pending1")).status, 201);
    HttpClient committee(server.port());
    BOOST_REQUIRE_EQUAL(committee.loginBearer("committee1", server.password("committee1")).status, 201);
    BOOST_REQUIRE_EQUAL(pending.get("/api/v1/me").status, 200);
    BOOST_REQUIRE_EQUAL(pending.get("/api/v1/me").status, 200);  // from memory now
    const std::string draft = R"({"kind":"wish","title":"想加个长椅","submit":false})";
    BOOST_TEST(pending.post("/api/v1/communities/1/proposals", draft).status == 403);
    const std::int64_t user = pending.get("/api/v1/me").json()->getObject("user")->getValue<std::int64_t>("id");
    BOOST_REQUIRE_EQUAL(
        committee
            .post("/api/v1/communities/1/members/" + std::to_string(user) + "/verification", R"({"decision":"verify"})")
            .status,
        200);
    BOOST_TEST(pending.post("/api/v1/communities/1/proposals", draft).status == 201);

    BOOST_REQUIRE_EQUAL(committee.get("/api/v1/me").status, 200);
    BOOST_REQUIRE_EQUAL(committee.del("/api/v1/sessions/current").status, 200);
    BOOST_TEST(committee.get("/api/v1/me").status == 401);
    BOOST_TEST(committee.get("/api/v1/communities/1/proposals").status == 401);  // a bad bearer is told
}

BOOST_AUTO_TEST_SUITE_END()
