// 民心项目 rounds that span communities, over accepted wishes
// (docs/proposal-lifecycle.md, "Wishes in a 民心项目 round"; docs/api.md,
// "Rounds over wishes"): a street's and a district's elections, who may
// create them and vote in them, the wishes they take and what their results
// do to them, and the greedy-quota rule from the district's plugin.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"
#include "yishi/crypto/group.h"
#include "yishi/election/credential.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/selection_rules.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::testing;

namespace {

std::int64_t nowSeconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string unhex(const std::string& hex) { return crypto::fromHex(hex).value(); }

std::string path(std::int64_t proposal) { return "/api/v1/proposals/" + std::to_string(proposal); }

// A proposal of `kind` raised by `author` in `community` and, unless told
// otherwise, screened and accepted by `committee`.
std::int64_t raise(HttpClient& author, HttpClient* committee, std::int64_t community, const std::string& kind,
                   const std::string& title) {
    HttpResult raised = author.post(
        "/api/v1/communities/" + std::to_string(community) + "/proposals",
        R"({"kind":")" + kind + R"(","title":")" + title + R"(","body":"居民的心愿，请纳入民心项目","submit":true})");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    const std::int64_t id = raised.json()->getValue<std::int64_t>("id");
    if (committee != nullptr) {
        BOOST_REQUIRE_EQUAL(committee->post(path(id) + "/actions", R"({"action":"start_screening"})").status, 200);
        HttpResult accepted = committee->post(path(id) + "/actions", R"({"action":"accept","reason":"居民呼声高"})");
        BOOST_REQUIRE_MESSAGE(accepted.status == 200, accepted.body);
    }
    return id;
}

std::string stateOf(HttpClient& client, std::int64_t proposal) {
    return client.get(path(proposal)).json()->getValue<std::string>("state");
}

std::string wishOption(std::int64_t proposal, std::int64_t cost) {
    return R"({"proposal_id":)" + std::to_string(proposal) + R"(,"cost":)" + std::to_string(cost) + "}";
}

// A round's body: approval over `options` (JSON objects), choose 0..2.
std::string roundBody(const std::string& options, const std::string& rule, std::int64_t rule_param, std::int64_t budget,
                      std::int64_t closes_at) {
    return R"({"kind":"approval","title":"民心项目","subject":"round/test","options":[)" + options +
           R"(],"min":0,"max":2,"budget":)" + std::to_string(budget) + R"(,"rule":")" + rule + R"(","rule_param":)" +
           std::to_string(rule_param) + R"(,"closes_at":)" + std::to_string(closes_at) + R"(,"trustees":"demo"})";
}

struct Round {
    std::string path;
    election::Manifest manifest;
    crypto::ElectionId eid{};
    crypto::Point y;
};

Round roundOf(HttpClient& client, std::int64_t id) {
    Round r;
    r.path = "/api/v1/elections/" + std::to_string(id);
    HttpResult got = client.get(r.path);
    BOOST_REQUIRE_EQUAL(got.status, 200);
    const std::string manifest = unhex(got.json()->getValue<std::string>("manifest"));
    r.manifest = election::Manifest::parse(manifest).value();
    r.eid = election::electionIdOf(manifest);
    r.y = crypto::Point::parse(unhex(got.json()->getValue<std::string>("election_key"))).value();
    return r;
}

HttpResult enroll(HttpClient& voter, const Round& round, const election::Credential& credential) {
    return voter.post(
        round.path + "/credentials",
        R"({"enroll":")" + crypto::toHex(election::encodeMessage(credential.enroll(round.eid), round.eid)) + R"("})");
}

// Enrolls a fresh credential and casts `choice`; both must succeed.
void vote(HttpClient& voter, const Round& round, const std::vector<int>& choice) {
    const election::Credential credential = election::Credential::generate();
    HttpResult enrolled = enroll(voter, round, credential);
    BOOST_REQUIRE_MESSAGE(enrolled.status == 201, enrolled.body);
    const std::string ballot =
        election::encodeMessage(credential.ballot(round.manifest, round.eid, round.y, choice).value(), round.eid);
    HttpResult cast = voter.post(round.path + "/ballots", R"({"ballot":")" + crypto::toHex(ballot) + R"("})");
    BOOST_REQUIRE_MESSAGE(cast.status == 201, cast.body);
}

// The ids of the elections a list route gives.
std::vector<std::int64_t> listed(HttpClient& client, const std::string& route) {
    HttpResult r = client.get(route);
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    std::vector<std::int64_t> out;
    auto items = r.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        out.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id"));
    return out;
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<std::int64_t> numbers(Poco::JSON::Array::Ptr items) {
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < items->size(); ++i)
        out.push_back(items->getElement<std::int64_t>(static_cast<unsigned>(i)));
    return out;
}

// Clients of the demo district: 友谊路街道 (street 1) holds 友谊一村 (1) and
// 宝林八村 (2); 罗店镇 (street 2) holds 罗店村 (3).
struct Demo {
    ServerProcess server;
    HttpClient admin{server.port()}, street{server.port()};
    HttpClient committee1{server.port()}, committee2{server.port()}, committee3{server.port()};
    HttpClient alice{server.port()}, bob{server.port()}, carol{server.port()}, dave{server.port()};
    HttpClient visitor{server.port()};
    Demo() {
        const std::pair<HttpClient*, const char*> logins[] = {
            {&admin, "admin"},           {&street, "street1"},        {&committee1, "committee1"},
            {&committee2, "committee2"}, {&committee3, "committee3"}, {&alice, "resident1"},
            {&bob, "resident2"},         {&carol, "resident3"},       {&dave, "resident4"}};
        for (const auto& [client, login] : logins) client->loginBearer(login, server.password(login));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(election_rounds)

BOOST_AUTO_TEST_CASE(a_street_round_over_wishes_of_two_communities_adopts_what_greedy_quota_selects) {
    Demo d;
    // Two wishes of 友谊一村 and one of 宝林八村, accepted by their committees.
    const std::int64_t rails = raise(d.alice, &d.committee1, 1, "wish", "楼道加装扶手");
    const std::int64_t lockers = raise(d.bob, &d.committee1, 1, "wish", "增设快递柜");
    const std::int64_t wall = raise(d.carol, &d.committee2, 2, "wish", "修缮围墙");
    // What a round may not take: another street's wish, a problem, a wish not yet accepted.
    const std::int64_t far = raise(d.dave, &d.committee3, 3, "wish", "村口路灯");
    const std::int64_t problem = raise(d.alice, &d.committee1, 1, "problem", "电梯经常故障");
    const std::int64_t waiting = raise(d.bob, nullptr, 1, "wish", "增设充电桩");

    const std::string streets = "/api/v1/streets/1/elections";
    const std::int64_t later = nowSeconds() + 3600;
    auto refused = [&](HttpClient& who, const std::string& options, const std::string& rule, std::int64_t param) {
        return who.post(streets, roundBody(options, rule, param, 600, later));
    };
    const std::string good = wishOption(rails, 300) + "," + wishOption(lockers, 300) + "," + wishOption(wall, 300);
    BOOST_TEST(refused(d.committee1, good, "greedy-quota", 1).errorCode() == "election.forbidden");
    BOOST_TEST(refused(d.alice, good, "greedy-quota", 1).errorCode() == "election.forbidden");
    HttpResult outside = refused(d.street, good + "," + wishOption(far, 100), "greedy-quota", 1);
    BOOST_TEST(outside.errorCode() == "election.option_scope", outside.body);
    BOOST_TEST(outside.status == 400);
    BOOST_TEST(refused(d.street, good + "," + wishOption(problem, 100), "greedy-quota", 1).errorCode() ==
               "election.option_kind");
    HttpResult not_accepted = refused(d.street, good + "," + wishOption(waiting, 100), "greedy-quota", 1);
    BOOST_TEST(not_accepted.errorCode() == "election.option_state");
    BOOST_TEST(not_accepted.status == 409);
    BOOST_TEST(refused(d.street, good + "," + wishOption(999999, 100), "greedy", 0).errorCode() ==
               "election.option_proposal");
    BOOST_TEST(refused(d.street, good + "," + wishOption(rails, 100), "greedy", 0).errorCode() ==
               "election.option_proposal");
    BOOST_TEST(
        refused(d.street, R"({"proposal_id":)" + std::to_string(rails) + R"(,"label":"x","cost":1})", "greedy", 0)
            .errorCode() == "election.options");
    BOOST_TEST(refused(d.street, good, "greedy-quota", 0).errorCode() == "election.rule");
    BOOST_TEST(refused(d.street, good + R"(,{"label":"无组的选项","cost":1})", "greedy-quota", 1).errorCode() ==
               "election.rule");
    BOOST_TEST(refused(d.street, good, "mes-add1", 0).errorCode() == "election.rule");
    // A refused round moved nothing.
    BOOST_TEST(stateOf(d.visitor, rails) == "accepted");

    // Votes 2, 2, 1 and money for two: greedy would take both wishes of
    // 友谊一村; greedy-quota takes the most voted one of each community.
    const std::int64_t closes_at = nowSeconds() + 6;
    HttpResult created = d.street.post(streets, roundBody(good, "greedy-quota", 1, 600, closes_at));
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    auto e = created.json();
    const std::int64_t id = e->getValue<std::int64_t>("id");
    const std::string election_ref = "\"election_id\":" + std::to_string(id);
    BOOST_TEST(e->getValue<std::string>("scope") == "street/1");
    BOOST_TEST(e->getValue<std::string>("scope_kind") == "street");
    BOOST_TEST(e->getValue<std::int64_t>("scope_id") == 1);
    BOOST_TEST(e->isNull("community_id"));
    BOOST_TEST(e->getValue<std::int64_t>("rule_param") == 1);
    auto options = e->getArray("options");
    BOOST_TEST(options->getObject(0)->getValue<std::string>("label") == "楼道加装扶手");
    BOOST_TEST(options->getObject(0)->getValue<std::int64_t>("proposal_id") == rails);
    BOOST_TEST(options->getObject(0)->getValue<std::string>("group") == "community/1");
    BOOST_TEST(options->getObject(2)->getValue<std::string>("group") == "community/2");

    // The manifest says the scope, the groups and the district's plugin.
    const Round round = roundOf(d.visitor, id);
    BOOST_TEST(round.manifest.scope == "street/1");
    BOOST_TEST(round.manifest.options[1].group == "community/1");
    BOOST_TEST(round.manifest.options[2].group == "community/2");
    BOOST_TEST(round.manifest.rule == "greedy-quota");
    BOOST_TEST(round.manifest.rule_param == 1);
    auto plugin = d.visitor.get("/api/v1/districts/1/plugins").json();
    BOOST_TEST(round.manifest.rule_version ==
               plugin->getValue<std::string>("name") + " " + plugin->getValue<std::string>("version"));
    BOOST_TEST(round.manifest.rule_hash == plugin->getValue<std::string>("hash"));

    // The wishes wait for the round; nobody decides them by hand, no other round takes them.
    for (std::int64_t wish : {rails, lockers, wall}) {
        auto p = d.visitor.get(path(wish)).json();
        BOOST_TEST(p->getValue<std::string>("state") == "voting");
        BOOST_TEST(p->getValue<std::int64_t>("election_id") == id);
    }
    BOOST_TEST(d.committee1.post(path(rails) + "/actions", R"({"action":"adopt","reason":"通过"})").errorCode() ==
               "proposal.decided_by_vote");
    BOOST_TEST(refused(d.street, wishOption(wall, 1) + R"(,{"label":"另一项","cost":1})", "greedy", 0).errorCode() ==
               "election.option_state");

    // Every community of the street lists it, another street's does not.
    BOOST_TEST(contains(listed(d.visitor, "/api/v1/communities/1/elections"), id));
    BOOST_TEST(contains(listed(d.visitor, "/api/v1/communities/2/elections"), id));
    BOOST_TEST(!contains(listed(d.visitor, "/api/v1/communities/3/elections"), id));
    BOOST_TEST(contains(listed(d.visitor, "/api/v1/streets/1/elections"), id));
    BOOST_TEST(!contains(listed(d.visitor, "/api/v1/streets/2/elections"), id));
    BOOST_TEST(!contains(listed(d.visitor, "/api/v1/districts/1/elections"), id));
    BOOST_TEST(d.visitor.get("/api/v1/streets/99/elections").errorCode() == "street.not_found");

    // Residents of both communities vote; one of another street may not.
    HttpResult stranger = enroll(d.dave, round, election::Credential::generate());
    BOOST_TEST(stranger.errorCode() == "membership.outside_scope", stranger.body);
    BOOST_TEST(stranger.status == 403);
    vote(d.alice, round, {1, 1, 0});
    vote(d.bob, round, {1, 1, 0});
    vote(d.carol, round, {0, 0, 1});
    BOOST_TEST(d.committee1.post(round.path + "/close", "{}").errorCode() == "election.forbidden");

    while (nowSeconds() <= closes_at) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto published = d.visitor.get(round.path).json();
    BOOST_REQUIRE_EQUAL(published->getValue<std::string>("phase"), "published");
    const std::vector<std::int64_t> counts = numbers(published->getArray("counts"));
    BOOST_TEST(counts == (std::vector<std::int64_t>{2, 2, 1}));
    BOOST_TEST(numbers(published->getArray("selected")) == (std::vector<std::int64_t>{0, 2}));
    election::Manifest as_greedy = round.manifest;
    as_greedy.rule = "greedy";
    as_greedy.rule_param = 0;
    BOOST_TEST(election::selectOptions(as_greedy, counts) == (std::vector<std::int64_t>{0, 1}));

    // The record verifies: the verifier re-runs greedy-quota on the counts.
    HttpResult record = d.visitor.get(round.path + "/record");
    BOOST_TEST(election::verifyRecord(record.body).ok(), election::verifyRecord(record.body).line());

    // Selected wishes are adopted, the other not; the history names the round.
    BOOST_TEST(stateOf(d.visitor, rails) == "adopted");
    BOOST_TEST(stateOf(d.visitor, wall) == "adopted");
    BOOST_TEST(stateOf(d.visitor, lockers) == "not_adopted");
    // The reason is words, not a reference; the vote is named by its id.
    for (std::int64_t wish : {rails, lockers, wall}) {
        auto shown = d.visitor.get(path(wish)).json();
        BOOST_TEST(shown->getValue<std::string>("reason") ==
                   (wish == lockers ? "居民投票结果：未通过" : "居民投票结果：通过"));
        BOOST_TEST(shown->getValue<std::int64_t>("reason_election_id") == id);
        HttpResult history = d.visitor.get(path(wish) + "/history");
        BOOST_TEST(history.body.find("\"proposal.send_to_vote\"") != std::string::npos, history.body);
        BOOST_TEST(history.body.find("已交居民投票") != std::string::npos, history.body);
        BOOST_TEST(history.body.find(election_ref) != std::string::npos, history.body);
        BOOST_TEST(history.body.find("election/") == std::string::npos, history.body);
    }
    // An adopted wish goes on to become a project.
    HttpResult project = d.committee1.post(path(rails) + "/actions",
                                           R"({"action":"form_project","budget_fen":300,"responsible":"物业"})");
    BOOST_TEST(project.status == 200, project.body);
    BOOST_TEST(stateOf(d.visitor, rails) == "project");

    // Each vote.cast names the voter's own community (its district's points rule hears of it).
    auto casts = [&](int community) {
        HttpResult r = d.admin.get("/api/v1/districts/1/audit?kind=vote.cast&community=" + std::to_string(community));
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
        int n = 0;
        auto items = r.json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i)
            n += items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("subject_id") == id ? 1 : 0;
        return n;
    };
    BOOST_TEST(casts(1) == 2);
    BOOST_TEST(casts(2) == 1);
}

BOOST_AUTO_TEST_CASE(a_district_round_takes_wishes_of_every_street_and_residents_of_every_community_vote) {
    Demo d;
    const std::int64_t near = raise(d.alice, &d.committee1, 1, "wish", "社区图书角");
    const std::int64_t far = raise(d.dave, &d.committee3, 3, "wish", "村口路灯");
    const std::string body =
        roundBody(wishOption(near, 500) + "," + wishOption(far, 400) + R"(,{"label":"区级健身中心","cost":900})",
                  "greedy", 0, 1000, nowSeconds() + 3600);
    BOOST_TEST(d.street.post("/api/v1/districts/1/elections", body).errorCode() == "election.forbidden");
    BOOST_TEST(d.admin.post("/api/v1/districts/9/elections", body).errorCode() == "district.not_found");
    HttpResult created = d.admin.post("/api/v1/districts/1/elections", body);
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const std::int64_t id = created.json()->getValue<std::int64_t>("id");
    BOOST_TEST(created.json()->getValue<std::string>("scope") == "district");
    BOOST_TEST(created.json()->getArray("options")->getObject(1)->getValue<std::string>("group") == "community/3");
    BOOST_TEST(created.json()->getArray("options")->getObject(2)->isNull("proposal_id"));
    const Round round = roundOf(d.visitor, id);
    BOOST_TEST(round.manifest.scope == "district");
    BOOST_TEST(!round.manifest.rule_version.empty());
    BOOST_TEST(stateOf(d.visitor, far) == "voting");

    for (int community : {1, 2, 3}) {
        BOOST_TEST(contains(listed(d.visitor, "/api/v1/communities/" + std::to_string(community) + "/elections"), id));
    }
    BOOST_TEST(contains(listed(d.visitor, "/api/v1/districts/1/elections"), id));
    BOOST_TEST(!contains(listed(d.visitor, "/api/v1/streets/1/elections"), id));
    vote(d.alice, round, {1, 0, 0});
    vote(d.dave, round, {0, 1, 1});
    // Only those who manage the district close it.
    BOOST_TEST(d.street.post(round.path + "/close", "{}").errorCode() == "election.forbidden");
    BOOST_TEST(d.admin.post(round.path + "/close", "{}").errorCode() == "election.not_due");
}

BOOST_AUTO_TEST_CASE(the_demo_round_is_a_street_round_over_accepted_wishes) {
    ServerProcess server;
    HttpClient visitor(server.port());
    auto e = visitor.get("/api/v1/elections/2").json();
    BOOST_TEST(e->getValue<std::string>("scope") == "street/1");
    BOOST_TEST(e->getValue<std::string>("rule") == "greedy-quota");
    auto options = e->getArray("options");
    BOOST_REQUIRE_EQUAL(options->size(), 4u);
    std::vector<std::string> groups;
    for (std::size_t i = 0; i < options->size(); ++i) {
        auto o = options->getObject(static_cast<unsigned>(i));
        groups.push_back(o->getValue<std::string>("group"));
        auto wish = visitor.get(path(o->getValue<std::int64_t>("proposal_id"))).json();
        BOOST_TEST(wish->getValue<std::string>("kind") == "wish");
        BOOST_TEST(wish->getValue<std::string>("state") == "voting");
        BOOST_TEST(wish->getValue<std::int64_t>("election_id") == 2);
    }
    BOOST_TEST(std::count(groups.begin(), groups.end(), "community/1") == 2);
    BOOST_TEST(std::count(groups.begin(), groups.end(), "community/2") == 2);
    BOOST_TEST(contains(listed(visitor, "/api/v1/communities/2/elections"), 2));
}

BOOST_AUTO_TEST_SUITE_END()
