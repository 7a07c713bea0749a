// The yearly 民心项目 round as one object (docs/wish-rounds.md; docs/api.md,
// "民心项目 rounds"): 友谊一村's committee calls for wishes, residents raise
// them before the deadline, the committee screens and costs them, sets the
// budget and the rule, opens the vote; its published result makes the
// selected wish the year's project. Then 友谊路街道's round across its two
// communities, and the district's. With the refusals of each step.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>

#include <ctime>
#include <string>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"
#include "yishi/crypto/group.h"
#include "yishi/election/credential.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"

using namespace yishi;
using namespace yishi::testing;

namespace {

std::int64_t nowSeconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string unhex(const std::string& hex) { return crypto::fromHex(hex).value(); }

std::string proposal(std::int64_t id) { return "/api/v1/proposals/" + std::to_string(id); }

// Casts `choice` in election `id` with a fresh credential of `voter`.
void vote(HttpClient& voter, std::int64_t id, const std::vector<int>& choice) {
    const std::string path = "/api/v1/elections/" + std::to_string(id);
    HttpResult got = voter.get(path);
    BOOST_REQUIRE_EQUAL(got.status, 200);
    const std::string manifest_bytes = unhex(got.json()->getValue<std::string>("manifest"));
    const election::Manifest manifest = election::Manifest::parse(manifest_bytes).value();
    const crypto::ElectionId eid = election::electionIdOf(manifest_bytes);
    const crypto::Point y = crypto::Point::parse(unhex(got.json()->getValue<std::string>("election_key"))).value();
    const election::Credential credential = election::Credential::generate();
    HttpResult enrolled =
        voter.post(path + "/credentials",
                   R"({"enroll":")" + crypto::toHex(election::encodeMessage(credential.enroll(eid), eid)) + R"("})");
    BOOST_REQUIRE_MESSAGE(enrolled.status == 201, enrolled.body);
    const std::string ballot = election::encodeMessage(credential.ballot(manifest, eid, y, choice).value(), eid);
    HttpResult cast = voter.post(path + "/ballots", R"({"ballot":")" + crypto::toHex(ballot) + R"("})");
    BOOST_REQUIRE_MESSAGE(cast.status == 201, cast.body);
}

// The wish of the round's page that is proposal `id`.
Poco::JSON::Object::Ptr wishOf(Poco::JSON::Object::Ptr round, std::int64_t id) {
    auto wishes = round->getArray("wishes");
    for (std::size_t i = 0; i < wishes->size(); ++i) {
        auto w = wishes->getObject(static_cast<unsigned>(i));
        if (w->getValue<std::int64_t>("proposal_id") == id) return w;
    }
    BOOST_FAIL("wish " << id << " is not on the round's page");
    return nullptr;
}

// The demo district on a test clock: deadlines pass without waiting.
struct Demo {
    ServerProcess server{std::vector<std::string>{"--test-clock"}};
    HttpClient admin{server.port()}, committee1{server.port()}, committee2{server.port()}, street{server.port()};
    HttpClient alice{server.port()}, bob{server.port()}, carol{server.port()}, dora{server.port()};
    HttpClient visitor{server.port()};
    Demo() {
        const std::pair<HttpClient*, const char*> logins[] = {
            {&admin, "admin"},     {&committee1, "committee1"}, {&committee2, "committee2"}, {&street, "street1"},
            {&alice, "resident1"}, {&bob, "resident2"},         {&carol, "resident3"},       {&dora, "resident4"}};
        for (const auto& [client, login] : logins) client->loginBearer(login, server.password(login));
    }
    // The server's time: the system's and how far the test clock was moved.
    std::int64_t offset = 0;
    std::int64_t now() const { return nowSeconds() + offset; }
    void advance(std::int64_t seconds) {
        HttpResult moved = admin.post("/api/v1/test/clock", R"({"advance_seconds":)" + std::to_string(seconds) + "}");
        BOOST_REQUIRE_MESSAGE(moved.status == 200, moved.body);
        offset = moved.json()->getValue<std::int64_t>("offset_seconds");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wish_rounds)

BOOST_AUTO_TEST_CASE(a_community_round_goes_from_the_call_for_wishes_to_the_years_projects) {
    Demo d;
    // The call: 友谊一村's committee, wishes due in a few seconds.
    const std::int64_t due = d.now() + 3600;
    const std::string call =
        R"({"year":2027,"title":"2027 年友谊一村民心项目","call":"请提出您的心愿","wishes_due_at":)" +
        std::to_string(due) + "}";
    BOOST_TEST(d.alice.post("/api/v1/communities/1/wish-rounds", call).errorCode() == "wish_round.forbidden");
    HttpResult other = d.committee2.post("/api/v1/communities/1/wish-rounds", call);
    BOOST_TEST(other.errorCode() == "wish_round.forbidden");
    BOOST_TEST(other.status == 403);
    BOOST_TEST(d.committee1
                   .post("/api/v1/communities/1/wish-rounds",
                         R"({"year":2027,"title":"过去","wishes_due_at":)" + std::to_string(d.now() - 60) + "}")
                   .errorCode() == "wish_round.due");
    HttpResult created = d.committee1.post("/api/v1/communities/1/wish-rounds", call);
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const std::int64_t id = created.json()->getValue<std::int64_t>("id");
    const std::string round = "/api/v1/wish-rounds/" + std::to_string(id);
    BOOST_TEST(created.json()->getValue<std::string>("phase") == "collecting");
    HttpResult unknown = d.visitor.get("/api/v1/wish-rounds/999999");
    BOOST_TEST(unknown.errorCode() == "wish_round.not_found");
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(d.visitor.get("/api/v1/communities/1/wish-rounds").body.find("2027 年友谊一村民心项目") !=
               std::string::npos);

    // Residents raise wishes in answer; one of another community may not.
    auto raise = [&](HttpClient& who, const std::string& title) {
        return who.post(round + "/wishes", R"({"title":")" + title + R"(","body":"居民的心愿"})");
    };
    auto lastWish = [](const HttpResult& r) {
        auto wishes = r.json()->getArray("wishes");
        return wishes->getObject(static_cast<unsigned>(wishes->size() - 1))->getValue<std::int64_t>("proposal_id");
    };
    HttpResult raised = raise(d.alice, "楼道加装扶手");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    const std::int64_t rails = lastWish(raised);
    // The one-line wish alone is enough: the details are optional, as for any topic.
    raised = d.bob.post(round + "/wishes", R"({"title":"增设快递柜"})");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    const std::int64_t lockers = lastWish(raised);
    BOOST_TEST(d.visitor.get(proposal(lockers)).json()->getValue<std::string>("body") == "");
    raised = raise(d.alice, "小区门口修一座停车楼");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    const std::int64_t garage = lastWish(raised);
    BOOST_TEST(d.visitor.get(proposal(rails)).json()->getValue<std::string>("kind") == "wish");
    HttpResult outsider = raise(d.carol, "别村的心愿");
    BOOST_TEST(outsider.status == 403, outsider.body);

    // Nothing is costed while residents may still raise wishes.
    BOOST_TEST(d.committee1.post(round + "/close-collecting", "{}").errorCode() == "wish_round.not_due");
    BOOST_TEST(
        d.committee1
            .post(round + "/costs", R"({"proposal_id":)" + std::to_string(rails) + R"(,"cost":300,"note":"估价"})")
            .errorCode() == "wish_round.not_costing");
    d.advance(3600 + 60);
    HttpResult late = raise(d.bob, "迟到的心愿");
    BOOST_TEST(late.errorCode() == "wish_round.closed");
    BOOST_TEST(late.status == 409);
    BOOST_TEST(d.committee2.post(round + "/close-collecting", "{}").errorCode() == "wish_round.forbidden");
    HttpResult closed = d.committee1.post(round + "/close-collecting", "{}");
    BOOST_REQUIRE_MESSAGE(closed.status == 200, closed.body);
    BOOST_TEST(closed.json()->getValue<std::string>("phase") == "costing");

    // Screening is the proposals' own: two accepted, one rejected with its reason.
    auto act = [&](std::int64_t wish, const std::string& body) {
        HttpResult r = d.committee1.post(proposal(wish) + "/actions", body);
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    };
    for (std::int64_t wish : {rails, lockers, garage}) act(wish, R"({"action":"start_screening"})");
    BOOST_TEST(d.committee1.post(round + "/budget", R"({"budget":600,"rule":"greedy","max_choices":2})").errorCode() ==
               "wish_round.unscreened");
    act(rails, R"({"action":"accept","reason":"居民呼声高"})");
    act(lockers, R"({"action":"accept","reason":"居民呼声高"})");
    act(garage, R"({"action":"reject","reason":"超出社区能力，需由区里规划"})");

    // Costing: the committee's alone, accepted wishes only.
    auto cost = [&](HttpClient& who, std::int64_t wish, std::int64_t amount) {
        return who.post(round + "/costs", R"({"proposal_id":)" + std::to_string(wish) + R"(,"cost":)" +
                                              std::to_string(amount) + R"(,"note":"按两家施工单位报价的平均数估算"})");
    };
    HttpResult resident_costs = cost(d.alice, rails, 300);
    BOOST_TEST(resident_costs.errorCode() == "wish_round.forbidden");
    BOOST_TEST(resident_costs.status == 403);
    BOOST_TEST(cost(d.committee2, rails, 300).errorCode() == "wish_round.forbidden");
    BOOST_TEST(cost(d.committee1, garage, 300).errorCode() == "wish_round.not_accepted");
    BOOST_TEST(cost(d.committee1, 999999, 300).errorCode() == "wish_round.no_such_wish");
    BOOST_TEST(cost(d.committee1, rails, 0).errorCode() == "wish_round.cost");

    // No vote without a budget; no budget before every accepted wish is costed.
    HttpResult early = d.committee1.post(round + "/open", R"({"closes_at":)" + std::to_string(d.now() + 3600) + "}");
    BOOST_TEST(early.errorCode() == "wish_round.not_ready");
    BOOST_TEST(early.status == 409);
    BOOST_TEST(cost(d.committee1, rails, 300).status == 200);
    BOOST_TEST(d.committee1.post(round + "/budget", R"({"budget":600,"rule":"greedy","max_choices":2})").errorCode() ==
               "wish_round.uncosted");
    BOOST_TEST(cost(d.committee1, lockers, 500).status == 200);
    BOOST_TEST(
        d.committee1.post(round + "/budget", R"({"budget":600,"rule":"mes-add1","max_choices":2})").errorCode() ==
        "wish_round.rule");
    BOOST_TEST(d.committee1.post(round + "/budget", R"({"budget":600,"rule":"greedy","max_choices":3})").errorCode() ==
               "wish_round.max_choices");
    BOOST_TEST(d.alice.post(round + "/budget", R"({"budget":600,"rule":"greedy","max_choices":2})").errorCode() ==
               "wish_round.forbidden");
    HttpResult ready = d.committee1.post(round + "/budget", R"({"budget":600,"rule":"greedy","max_choices":2})");
    BOOST_REQUIRE_MESSAGE(ready.status == 200, ready.body);
    BOOST_TEST(ready.json()->getValue<std::string>("phase") == "ready");
    BOOST_TEST(ready.json()->getValue<std::int64_t>("budget") == 600);
    BOOST_TEST(closed.json()->isNull("judge"));
    // Before the vote: the plugin serving the district now will judge it.
    auto will_judge = ready.json()->getObject("judge");
    BOOST_REQUIRE(will_judge);
    BOOST_TEST(will_judge->getValue<std::string>("rule") == "greedy");
    BOOST_TEST(!will_judge->getValue<bool>("recorded"));
    BOOST_TEST(!will_judge->getValue<std::string>("plugin").empty());
    BOOST_TEST(!will_judge->getValue<std::string>("plugin_version").empty());
    BOOST_TEST(!will_judge->getValue<std::string>("plugin_hash").empty());

    // The vote: the elections feature's approval election over the costed wishes.
    const std::int64_t closes_at = d.now() + 2 * 3600;
    const std::string open = R"({"closes_at":)" + std::to_string(closes_at) + "}";
    BOOST_TEST(d.committee2.post(round + "/open", open).errorCode() == "wish_round.forbidden");
    HttpResult opened = d.committee1.post(round + "/open", open);
    BOOST_REQUIRE_MESSAGE(opened.status == 200, opened.body);
    BOOST_TEST(opened.json()->getValue<std::string>("phase") == "voting");
    const std::int64_t election = opened.json()->getValue<std::int64_t>("election_id");
    auto e = d.visitor.get("/api/v1/elections/" + std::to_string(election)).json();
    // Once open, the page shows the plugin the manifest records: the same one.
    auto judged = opened.json()->getObject("judge");
    BOOST_REQUIRE(judged);
    BOOST_TEST(judged->getValue<bool>("recorded"));
    const election::Manifest recorded = election::Manifest::parse(unhex(e->getValue<std::string>("manifest"))).value();
    BOOST_TEST(recorded.rule_hash == judged->getValue<std::string>("plugin_hash"));
    BOOST_TEST(recorded.rule_hash == will_judge->getValue<std::string>("plugin_hash"));
    BOOST_TEST(recorded.rule_version ==
               judged->getValue<std::string>("plugin") + " " + judged->getValue<std::string>("plugin_version"));
    BOOST_TEST(e->getValue<std::string>("kind") == "approval");
    BOOST_TEST(e->getValue<std::string>("subject") == "wish_round/" + std::to_string(id));
    BOOST_TEST(e->getValue<std::int64_t>("budget") == 600);
    auto options = e->getArray("options");
    BOOST_REQUIRE_EQUAL(options->size(), 2u);
    BOOST_TEST(options->getObject(0)->getValue<std::int64_t>("proposal_id") == rails);
    BOOST_TEST(options->getObject(0)->getValue<std::int64_t>("cost") == 300);
    BOOST_TEST(options->getObject(1)->getValue<std::int64_t>("proposal_id") == lockers);
    BOOST_TEST(d.visitor.get(proposal(rails)).json()->getValue<std::string>("state") == "voting");
    BOOST_TEST(d.committee1.post(round + "/open", open).errorCode() == "wish_round.not_ready");
    BOOST_TEST(cost(d.committee1, rails, 400).errorCode() == "wish_round.not_costing");

    // Votes 1 and 2; money for one: greedy takes the more voted 快递柜.
    vote(d.alice, election, {1, 1});
    vote(d.bob, election, {0, 1});
    d.advance(2 * 3600 + 60);
    HttpResult page = d.visitor.get(round);
    BOOST_REQUIRE_MESSAGE(page.status == 200, page.body);
    auto decided = page.json();
    BOOST_TEST(decided->getValue<std::string>("phase") == "decided");
    BOOST_TEST(decided->getObject("election")->getValue<std::string>("phase") == "published");
    BOOST_TEST(decided->getObject("election")->getValue<std::string>("rule") == "greedy");

    auto chosen = wishOf(decided, lockers);
    BOOST_TEST(chosen->getValue<bool>("selected"));
    BOOST_TEST(chosen->getValue<std::int64_t>("votes") == 2);
    BOOST_TEST(chosen->getValue<std::string>("cost_note") == "按两家施工单位报价的平均数估算");
    BOOST_TEST(chosen->getValue<std::string>("state") == "project");
    auto project = chosen->getObject("project");
    BOOST_REQUIRE(project);
    BOOST_TEST(project->getValue<std::int64_t>("budget_fen") == 500);
    const std::int64_t project_id = project->getValue<std::int64_t>("id");

    auto left = wishOf(decided, rails);
    BOOST_TEST(!left->getValue<bool>("selected"));
    BOOST_TEST(left->getValue<std::int64_t>("votes") == 1);
    BOOST_TEST(left->getValue<std::string>("state") == "not_adopted");
    BOOST_TEST(left->isNull("project"));

    auto rejected = wishOf(decided, garage);
    BOOST_TEST(rejected->getValue<std::string>("state") == "rejected");
    BOOST_TEST(rejected->getValue<std::string>("reason") == "超出社区能力，需由区里规划");
    BOOST_TEST(rejected->isNull("votes"));

    // The project is the proposal's own, and its progress shows on the round.
    auto formed = d.visitor.get("/api/v1/projects/" + std::to_string(project_id)).json();
    BOOST_TEST(formed->getValue<std::int64_t>("proposal_id") == lockers);
    BOOST_TEST(formed->getValue<std::int64_t>("budget_fen") == 500);
    HttpResult progress = d.committee1.post("/api/v1/projects/" + std::to_string(project_id) + "/progress",
                                            R"({"percent":30,"text":"快递柜已进场安装"})");
    BOOST_REQUIRE_MESSAGE(progress.status == 201, progress.body);
    auto after = d.visitor.get(round).json();
    BOOST_TEST(wishOf(after, lockers)->getObject("project")->getValue<std::int64_t>("progress_percent") == 30);
}

BOOST_AUTO_TEST_CASE(a_streets_round_takes_wishes_from_each_of_its_communities_and_votes_across_them) {
    Demo d;
    // 友谊路街道 (street 1: 友谊一村 and 宝林八村) calls for wishes; its staff
    // alone, or an admin of the district.
    const std::int64_t due = d.now() + 3600;
    const std::string call =
        R"({"year":2027,"title":"2027 年友谊路街道民心项目","call":"街道范围的心愿","wishes_due_at":)" +
        std::to_string(due) + "}";
    HttpResult by_committee = d.committee1.post("/api/v1/streets/1/wish-rounds", call);
    BOOST_TEST(by_committee.errorCode() == "wish_round.forbidden");
    BOOST_TEST(by_committee.status == 403);
    HttpResult other_street = d.street.post("/api/v1/streets/2/wish-rounds", call);
    BOOST_TEST(other_street.errorCode() == "wish_round.forbidden");
    BOOST_TEST(other_street.status == 403);
    BOOST_TEST(d.alice.post("/api/v1/streets/1/wish-rounds", call).errorCode() == "wish_round.forbidden");
    BOOST_TEST(d.street.post("/api/v1/districts/1/wish-rounds", call).errorCode() == "wish_round.forbidden");
    HttpResult nowhere = d.street.post("/api/v1/streets/999/wish-rounds", call);
    BOOST_TEST(nowhere.errorCode() == "street.not_found");
    BOOST_TEST(nowhere.status == 404);
    HttpResult created = d.street.post("/api/v1/streets/1/wish-rounds", call);
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    auto made = created.json();
    const std::int64_t id = made->getValue<std::int64_t>("id");
    const std::string round = "/api/v1/wish-rounds/" + std::to_string(id);
    BOOST_TEST(made->getValue<std::string>("scope_kind") == "street");
    BOOST_TEST(made->getValue<std::int64_t>("scope_id") == 1);
    BOOST_TEST(made->isNull("community_id"));
    BOOST_TEST(made->getValue<std::string>("scope_name") == "友谊路街道");
    BOOST_TEST(made->getValue<bool>("manage"));

    // Residents of each community on the street find it on their community's list; 罗店村's do not.
    auto listed = [&](const std::string& path) {
        return d.visitor.get(path).body.find("2027 年友谊路街道民心项目") != std::string::npos;
    };
    BOOST_TEST(listed("/api/v1/communities/1/wish-rounds"));
    BOOST_TEST(listed("/api/v1/communities/2/wish-rounds"));
    BOOST_TEST(!listed("/api/v1/communities/3/wish-rounds"));
    BOOST_TEST(listed("/api/v1/streets/1/wish-rounds"));
    BOOST_TEST(!listed("/api/v1/streets/2/wish-rounds"));

    // A wish from each community, each its own community's proposal; none from 罗店村.
    BOOST_TEST(d.carol.get(round).json()->getValue<bool>("may_raise"));
    BOOST_TEST(!d.dora.get(round).json()->getValue<bool>("may_raise"));
    auto raise = [&](HttpClient& who, const std::string& title) {
        return who.post(round + "/wishes", R"({"title":")" + title + R"(","body":"居民的心愿"})");
    };
    auto lastWish = [](const HttpResult& r) {
        auto wishes = r.json()->getArray("wishes");
        return wishes->getObject(static_cast<unsigned>(wishes->size() - 1));
    };
    HttpResult raised = raise(d.alice, "友谊一村加装电梯");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    BOOST_TEST(lastWish(raised)->getValue<std::int64_t>("community_id") == 1);
    const std::int64_t lift = lastWish(raised)->getValue<std::int64_t>("proposal_id");
    raised = raise(d.carol, "宝林八村修缮健身角");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    BOOST_TEST(lastWish(raised)->getValue<std::int64_t>("community_id") == 2);
    const std::int64_t gym = lastWish(raised)->getValue<std::int64_t>("proposal_id");
    BOOST_TEST(d.visitor.get(proposal(gym)).json()->getValue<std::int64_t>("community_id") == 2);
    HttpResult outside = raise(d.dora, "罗店村的心愿");
    BOOST_TEST(outside.errorCode() == "wish_round.outside_scope");
    BOOST_TEST(outside.status == 403);

    // The street's staff run the steps; a community's committee does not.
    d.advance(3600 + 60);
    BOOST_TEST(d.committee1.post(round + "/close-collecting", "{}").errorCode() == "wish_round.forbidden");
    HttpResult closed = d.street.post(round + "/close-collecting", "{}");
    BOOST_REQUIRE_MESSAGE(closed.status == 200, closed.body);

    // Each wish is screened by its own community's committee.
    auto act = [&](HttpClient& who, std::int64_t wish, const std::string& body) {
        return who.post(proposal(wish) + "/actions", body);
    };
    BOOST_TEST(act(d.committee1, gym, R"({"action":"start_screening"})").status == 403);
    for (auto [who, wish] : {std::pair{&d.committee1, lift}, std::pair{&d.committee2, gym}}) {
        HttpResult r = act(*who, wish, R"({"action":"start_screening"})");
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
        r = act(*who, wish, R"({"action":"accept","reason":"符合街道实事项目要求"})");
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    }

    // Costing, budget and the vote are the street's.
    auto cost = [&](HttpClient& who, std::int64_t wish, std::int64_t amount) {
        return who.post(round + "/costs", R"({"proposal_id":)" + std::to_string(wish) + R"(,"cost":)" +
                                              std::to_string(amount) + R"(,"note":"街道按定额估算"})");
    };
    BOOST_TEST(cost(d.committee1, lift, 300).errorCode() == "wish_round.forbidden");
    BOOST_TEST(cost(d.street, lift, 300).status == 200);
    BOOST_TEST(cost(d.street, gym, 500).status == 200);
    const std::string budget = R"({"budget":800,"rule":"greedy-quota","rule_param":1,"max_choices":2})";
    BOOST_TEST(d.committee2.post(round + "/budget", budget).errorCode() == "wish_round.forbidden");
    HttpResult ready = d.street.post(round + "/budget", budget);
    BOOST_REQUIRE_MESSAGE(ready.status == 200, ready.body);
    BOOST_TEST(ready.json()->getObject("judge")->getValue<std::string>("rule") == "greedy-quota");
    const std::string open = R"({"closes_at":)" + std::to_string(d.now() + 3600) + "}";
    BOOST_TEST(d.committee1.post(round + "/open", open).errorCode() == "wish_round.forbidden");
    HttpResult opened = d.street.post(round + "/open", open);
    BOOST_REQUIRE_MESSAGE(opened.status == 200, opened.body);
    BOOST_TEST(opened.json()->getObject("judge")->getValue<bool>("recorded"));
    const std::int64_t election = opened.json()->getValue<std::int64_t>("election_id");
    auto e = d.visitor.get("/api/v1/elections/" + std::to_string(election)).json();
    BOOST_TEST(e->getValue<std::string>("scope_kind") == "street");
    BOOST_TEST(e->getValue<std::string>("scope") == "street/1");

    // Residents of both communities vote; the result makes each community's project.
    vote(d.alice, election, {1, 0});
    vote(d.carol, election, {0, 1});
    d.advance(3600 + 60);
    auto decided = d.visitor.get(round).json();
    BOOST_TEST(decided->getValue<std::string>("phase") == "decided");
    auto lift_project = wishOf(decided, lift)->getObject("project");
    auto gym_project = wishOf(decided, gym)->getObject("project");
    BOOST_REQUIRE(lift_project);
    BOOST_REQUIRE(gym_project);
    BOOST_TEST(lift_project->getValue<std::string>("responsible") == "友谊一村 居民委员会");
    BOOST_TEST(gym_project->getValue<std::string>("responsible") == "宝林八村 居民委员会");
    BOOST_TEST(gym_project->getValue<std::int64_t>("budget_fen") == 500);
}

BOOST_AUTO_TEST_CASE(the_districts_round_is_its_admins_and_takes_wishes_from_every_community) {
    Demo d;
    const std::string call =
        R"({"year":2027,"title":"2027 年全区民心项目","wishes_due_at":)" + std::to_string(d.now() + 3600) + "}";
    BOOST_TEST(d.street.post("/api/v1/districts/1/wish-rounds", call).errorCode() == "wish_round.forbidden");
    BOOST_TEST(d.committee1.post("/api/v1/districts/1/wish-rounds", call).errorCode() == "wish_round.forbidden");
    BOOST_TEST(d.admin.post("/api/v1/districts/999/wish-rounds", call).errorCode() == "district.not_found");
    HttpResult created = d.admin.post("/api/v1/districts/1/wish-rounds", call);
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    BOOST_TEST(created.json()->getValue<std::string>("scope_kind") == "district");
    const std::string round = "/api/v1/wish-rounds/" + std::to_string(created.json()->getValue<std::int64_t>("id"));
    for (const char* community : {"1", "2", "3"}) {
        BOOST_TEST(d.visitor.get(std::string("/api/v1/communities/") + community + "/wish-rounds")
                       .body.find("2027 年全区民心项目") != std::string::npos);
    }
    // 罗店村 is in the district: 周奶奶's wish is 罗店村's proposal.
    HttpResult raised = d.dora.post(round + "/wishes", R"({"title":"村口路灯","body":"晚上太黑"})");
    BOOST_REQUIRE_MESSAGE(raised.status == 201, raised.body);
    BOOST_TEST(raised.json()->getArray("wishes")->getObject(0)->getValue<std::int64_t>("community_id") == 3);
    BOOST_TEST(d.street.post(round + "/close-collecting", "{}").errorCode() == "wish_round.forbidden");
}

BOOST_AUTO_TEST_SUITE_END()
