#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"
#include "wish_rounds_routes.h"
#include "yishi/http/fact_text.h"

namespace yishi::http {

namespace {

using domain::ScopeKind;
using domain::WishRoundService;

void roundMembers(JsonWriter& w, const domain::WishRound& r) {
    w.member("id", r.id);
    w.member("scope_kind", domain::scopeKindName(r.scope.kind));
    w.member("scope_id", r.scope.id);
    w.member("district_id", r.district_id.value);
    w.member("community_id", valueOrNull(r.scope.kind == ScopeKind::kCommunity, r.community_id.value));
    w.member("year", r.year);
    w.member("title", r.title);
    w.member("call", r.call);
    w.member("wishes_due_at", r.wishes_due_at.seconds());
    w.member("phase", domain::wishRoundPhaseName(r.phase));
    w.member("budget", valueOrNull(!r.rule.empty(), r.budget_fen));
    w.member("rule", valueOrNull(!r.rule.empty(), r.rule));
    w.member("rule_param", r.rule_param);
    w.member("max_choices", r.max_choices);
    w.member("election_id", orNull(r.election_id));
    w.member("created_at", r.created_at.seconds());
    w.member("decided_at", orNull(r.decided_at));
}

void writeWish(JsonWriter& w, const WishRoundService::WishView& v, const domain::Election* e, Language language) {
    w.beginObject();
    w.member("proposal_id", v.proposal.id.value);
    w.member("community_id", v.proposal.community_id.value);
    w.member("community_name", v.community_name);
    w.member("title", v.proposal.title);
    w.member("body", v.proposal.body);
    w.member("state", domain::proposalStateName(v.proposal.state));
    // The screening's reason while it is the proposal's latest (accepted,
    // rejected, needs revision), as the proposal's page shows it.
    w.member("reason", renderStoredText(v.proposal.last_reason, language, domain::proposalStateName(v.proposal.state)));
    w.member("raised_at", v.wish.raised_at.seconds());
    w.member("cost", v.wish.cost_fen);
    w.member("cost_note", v.wish.cost_note);
    std::optional<std::int64_t> votes;
    std::optional<bool> selected;
    if (e != nullptr && e->phase == domain::ElectionPhase::kPublished) {
        for (std::size_t i = 0; i < e->options.size(); ++i) {
            if (e->options[i].proposal_id != v.proposal.id.value) continue;
            if (i < e->counts.size()) votes = e->counts[i];
            selected =
                std::find(e->selected.begin(), e->selected.end(), static_cast<std::int64_t>(i)) != e->selected.end();
        }
    }
    w.member("votes", votes);
    w.member("selected", selected);
    if (v.project) {
        w.key("project").beginObject();
        w.member("id", v.project->id.value);
        w.member("title", v.project->title);
        w.member("budget_fen", v.project->budget_fen);
        w.member("responsible", v.project->responsible);
        w.member("progress_percent", static_cast<std::int64_t>(v.project->progress_percent));
        w.member("completed", v.project->completed);
        w.endObject();
    } else {
        w.key("project").null();
    }
    w.endObject();
}

void writeRound(JsonWriter& w, const WishRoundService::View& v, Language language) {
    const domain::Election* e = v.election ? &*v.election : nullptr;
    w.beginObject();
    roundMembers(w, v.round);
    w.member("scope_name", v.scope_name);
    if (v.judge) {
        // Who judges the vote: the rule and the district's selection plugin.
        w.key("judge").beginObject();
        w.member("rule", v.judge->rule);
        w.member("rule_param", v.judge->rule_param);
        w.member("plugin", v.judge->plugin);
        w.member("plugin_version", v.judge->version);
        w.member("plugin_hash", v.judge->hash);
        w.member("recorded", v.judge->recorded);
        w.endObject();
    } else {
        w.key("judge").null();
    }
    w.member("collecting_due", v.collecting_due);
    w.member("may_raise", v.may_raise);
    w.member("manage", v.manage);
    w.key("wishes").beginArray();
    for (const WishRoundService::WishView& wish : v.wishes) writeWish(w, wish, e, language);
    w.endArray();
    if (e != nullptr) {
        w.key("election").beginObject();
        w.member("id", e->id.value);
        w.member("phase", domain::electionPhaseName(e->phase));
        w.member("opens_at", e->opens_at.seconds());
        w.member("closes_at", e->closes_at.seconds());
        w.member("budget", e->budget);
        w.member("rule", e->rule);
        w.member("rule_param", e->rule_param);
        w.endObject();
    } else {
        w.key("election").null();
    }
    w.endObject();
}

void writeSummary(JsonWriter& w, const domain::WishRound& r) {
    w.beginObject();
    roundMembers(w, r);
    w.endObject();
}

// GET /api/v1/communities/{id}/wish-rounds (with its street's and district's),
// /streets/{id}/wish-rounds, /districts/{id}/wish-rounds
template <ScopeKind kKind>
ApiResponse list(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", domain::scopeKindName(kKind)));
    YISHI_HANDLER_ASSIGN(auto listing, rounds.list(call.actor, {kKind, id}));
    JsonWriter w;
    w.beginObject();
    w.member("scope_name", listing.scope_name);
    w.member("manage", listing.manage);
    w.key("items").beginArray();
    for (const domain::WishRound& r : listing.rounds) writeSummary(w, r);
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/wish-rounds/{id}
ApiResponse get(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "wish_round"));
    YISHI_HANDLER_ASSIGN(auto v, rounds.get(call.actor, id));
    return jsonResponse(200, inLanguageOf(call, writeRound), v);
}

// POST /api/v1/communities/{id}/wish-rounds, /streets/{id}/wish-rounds, /districts/{id}/wish-rounds
template <ScopeKind kKind>
ApiResponse create(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", domain::scopeKindName(kKind)));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"year", "title", "call", "wishes_due_at"}));
    WishRoundService::CreateInput in;
    YISHI_HANDLER_ASSIGN(in.year, requireInt(call.body, "year"));
    YISHI_HANDLER_ASSIGN(in.title, requireString(call.body, "title"));
    YISHI_HANDLER_ASSIGN(in.call, optionalString(call.body, "call", ""));
    YISHI_HANDLER_ASSIGN(in.wishes_due_at, requireTime(call.body, "wishes_due_at"));
    YISHI_HANDLER_ASSIGN(auto v, rounds.create(call.actor, {kKind, id}, in));
    return jsonResponse(201, inLanguageOf(call, writeRound), v);
}

// POST /api/v1/wish-rounds/{id}/wishes
ApiResponse raise(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "wish_round"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"title", "body"}));
    YISHI_HANDLER_ASSIGN(std::string title, requireString(call.body, "title"));
    // The details are optional, as for any topic (docs/proposal-lifecycle.md).
    YISHI_HANDLER_ASSIGN(std::string body, optionalString(call.body, "body", ""));
    YISHI_HANDLER_ASSIGN(auto v, rounds.raiseWish(call.actor, id, title, body));
    return jsonResponse(201, inLanguageOf(call, writeRound), v);
}

// POST /api/v1/wish-rounds/{id}/close-collecting
ApiResponse closeCollecting(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "wish_round"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {}));
    YISHI_HANDLER_ASSIGN(auto v, rounds.closeCollecting(call.actor, id));
    return jsonResponse(200, inLanguageOf(call, writeRound), v);
}

// POST /api/v1/wish-rounds/{id}/costs
ApiResponse cost(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "wish_round"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"proposal_id", "cost", "note"}));
    YISHI_HANDLER_ASSIGN(std::int64_t proposal, requireInt(call.body, "proposal_id"));
    YISHI_HANDLER_ASSIGN(std::int64_t amount, requireInt(call.body, "cost"));
    YISHI_HANDLER_ASSIGN(std::string note, requireString(call.body, "note"));
    YISHI_HANDLER_ASSIGN(auto v, rounds.cost(call.actor, id, proposal, amount, note));
    return jsonResponse(200, inLanguageOf(call, writeRound), v);
}

// POST /api/v1/wish-rounds/{id}/budget
ApiResponse budget(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "wish_round"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"budget", "rule", "rule_param", "max_choices"}));
    WishRoundService::BudgetInput in;
    YISHI_HANDLER_ASSIGN(in.budget_fen, requireInt(call.body, "budget"));
    YISHI_HANDLER_ASSIGN(in.rule, requireString(call.body, "rule"));
    YISHI_HANDLER_ASSIGN(auto param, optionalInt(call.body, "rule_param"));
    in.rule_param = param.value_or(0);
    YISHI_HANDLER_ASSIGN(in.max_choices, requireInt(call.body, "max_choices"));
    YISHI_HANDLER_ASSIGN(auto v, rounds.setBudget(call.actor, id, in));
    return jsonResponse(200, inLanguageOf(call, writeRound), v);
}

// POST /api/v1/wish-rounds/{id}/open
ApiResponse open(WishRoundService& rounds, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "wish_round"));
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"closes_at"}));
    YISHI_HANDLER_ASSIGN(Instant closes_at, requireTime(call.body, "closes_at"));
    YISHI_HANDLER_ASSIGN(auto v, rounds.open(call.actor, id, closes_at));
    return jsonResponse(200, inLanguageOf(call, writeRound), v);
}

}  // namespace

void addWishRoundRoutes(Router& router, WishRoundService& rounds) {
    // Not cached: the page shows the election's phase, which time alone moves.
    router.add("GET", "/api/v1/communities/{id}/wish-rounds", Access::kPublic,
               with(rounds, list<ScopeKind::kCommunity>));
    router.add("GET", "/api/v1/streets/{id}/wish-rounds", Access::kPublic, with(rounds, list<ScopeKind::kStreet>));
    router.add("GET", "/api/v1/districts/{id}/wish-rounds", Access::kPublic, with(rounds, list<ScopeKind::kDistrict>));
    router.add("GET", "/api/v1/wish-rounds/{id}", Access::kPublic, with(rounds, get));
    router.add("POST", "/api/v1/communities/{id}/wish-rounds", Access::kSession,
               with(rounds, create<ScopeKind::kCommunity>));
    router.add("POST", "/api/v1/streets/{id}/wish-rounds", Access::kSession, with(rounds, create<ScopeKind::kStreet>));
    router.add("POST", "/api/v1/districts/{id}/wish-rounds", Access::kSession,
               with(rounds, create<ScopeKind::kDistrict>));
    router.add("POST", "/api/v1/wish-rounds/{id}/wishes", Access::kSession, with(rounds, raise));
    router.add("POST", "/api/v1/wish-rounds/{id}/close-collecting", Access::kSession, with(rounds, closeCollecting));
    router.add("POST", "/api/v1/wish-rounds/{id}/costs", Access::kSession, with(rounds, cost));
    router.add("POST", "/api/v1/wish-rounds/{id}/budget", Access::kSession, with(rounds, budget));
    router.add("POST", "/api/v1/wish-rounds/{id}/open", Access::kSession, with(rounds, open));
}

}  // namespace yishi::http
