#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "elections_routes.h"
#include "handlers/handler_support.h"
#include "hex.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::ElectionService;

// Record files are streamed in chunks of this many entries, each read on
// its own snapshot (entries below a signed head's size never change).
constexpr std::uint64_t kRecordChunk = 256;
// The most entries one page of GET .../entries holds.
constexpr std::uint64_t kMaxEntriesPage = 1000;

void writeHead(JsonWriter& w, const domain::SignedHead& h) {
    w.beginObject();
    w.member("size", static_cast<std::int64_t>(h.size));
    w.member("root", hexOf(h.root));
    w.member("at", h.at_ms);
    w.member("sig", hexOf(h.sig));
    w.member("bytes", hexOf(h.bytes));
    w.endObject();
}

void writeHexList(JsonWriter& w, const std::vector<std::string>& items) {
    w.beginArray();
    for (const std::string& item : items) w.value(hexOf(item));
    w.endArray();
}

// The summary of an election in lists and the members every view starts with.
void writeElectionMembers(JsonWriter& w, const domain::Election& e) {
    w.member("id", e.id.value);
    w.member("community_id", orNull(e.community_id.value));
    w.member("scope", e.scope);
    w.member("scope_kind", domain::scopeKindName(e.owner.kind));
    w.member("scope_id", e.owner.id);
    w.member("subject", e.subject);
    w.member("kind", domain::electionKindName(e.kind));
    w.member("title", e.title);
    w.key("options").beginArray();
    for (const auto& o : e.options) {
        w.beginObject();
        w.member("label", o.label);
        w.member("cost", o.cost);
        w.member("group", o.group);
        w.member("proposal_id", orNull(o.proposal_id));
        w.endObject();
    }
    w.endArray();
    w.member("min", e.min);
    w.member("max", e.max);
    w.member("budget", e.budget);
    w.member("rule", e.rule);
    w.member("rule_param", e.rule_param);
    w.key("window").beginObject();
    w.member("opens_at", e.opens_at.seconds());
    w.member("closes_at", e.closes_at.seconds());
    w.endObject();
    w.member("phase", domain::electionPhaseName(e.phase));
    w.member("demo", e.demo);
}

// Counts and selection appear only once the result is on the board: before,
// the server does not know them, and a view must never suggest it does.
void writeResult(JsonWriter& w, const domain::Election& e) {
    const bool published = e.phase == domain::ElectionPhase::kPublished;
    if (published) {
        w.member("counts", e.counts);
        w.member("selected", e.selected);
    } else {
        w.key("counts").null();
        w.key("selected").null();
    }
}

ApiResponse viewResponse(int status, const ElectionService::View& v) {
    const domain::Election& e = v.election;
    JsonWriter w;
    w.beginObject();
    writeElectionMembers(w, e);
    w.member("eid", hexOf(e.eid));
    w.member("manifest", hexOf(e.manifest));
    w.member("board_pk", hexOf(e.board_pk));
    w.member("election_key", valueOrNull(!v.board.election_key.empty(), hexOf(v.board.election_key)));
    w.member("size", static_cast<std::int64_t>(v.board.size));
    w.member("my_credential", v.my_credential ? std::optional<std::string>(hexOf(*v.my_credential)) : std::nullopt);
    writeResult(w, e);
    w.endObject();
    return jsonResponse(status, w);
}

// One option of a creation request: a plain one {label, cost, group}, or a
// wish {proposal_id, cost} whose label and group come from the proposal.
Result<domain::ElectionOption> optionOf(const Value& o) {
    domain::ElectionOption option;
    YISHI_ASSIGN_OR_RETURN(auto cost, optionalInt(o, "cost"));
    option.cost = cost.value_or(0);
    YISHI_ASSIGN_OR_RETURN(auto proposal, optionalInt(o, "proposal_id"));
    if (proposal) {
        if (hasField(o, "label") || hasField(o, "group")) {
            return Status::invalid(
                "election.options",
                "An option that names a proposal takes its label and group from it: leave them out.");
        }
        if (*proposal <= 0) return Status::invalid("election.option_proposal", "proposal_id is a proposal's id.");
        option.proposal_id = *proposal;
        return option;
    }
    YISHI_ASSIGN_OR_RETURN(option.label, requireString(o, "label"));
    YISHI_ASSIGN_OR_RETURN(option.group, optionalString(o, "group", ""));
    return option;
}

Result<ElectionService::CreateRequest> createRequest(const Value& body) {
    ElectionService::CreateRequest r;
    YISHI_ASSIGN_OR_RETURN(std::string kind, requireString(body, "kind"));
    if (!domain::parseElectionKind(kind, &r.kind))
        return Status::invalid("election.kind", "kind is referendum or approval.");
    YISHI_ASSIGN_OR_RETURN(r.title, requireString(body, "title"));
    YISHI_ASSIGN_OR_RETURN(r.subject, optionalString(body, "subject", ""));
    const Value* trustees = body.find("trustees");
    if (trustees && trustees->isString() && trustees->asString() == "demo") {
        r.demo = true;
    } else if (trustees && trustees->isArray()) {
        r.demo = false;
        for (const Value& t : trustees->asArray()) {
            domain::TrusteeKeys keys;
            YISHI_ASSIGN_OR_RETURN(keys.name, requireString(t, "name"));
            YISHI_ASSIGN_OR_RETURN(std::string sign_pk, requireString(t, "sign_pk"));
            YISHI_ASSIGN_OR_RETURN(std::string box_pk, requireString(t, "box_pk"));
            YISHI_ASSIGN_OR_RETURN(keys.sign_pk, bytesOfHex(sign_pk, "election.trustees"));
            YISHI_ASSIGN_OR_RETURN(keys.box_pk, bytesOfHex(box_pk, "election.trustees"));
            r.trustees.push_back(std::move(keys));
        }
        YISHI_ASSIGN_OR_RETURN(r.quorum, requireInt(body, "quorum"));
    } else {
        return Status::invalid("election.trustees",
                               "trustees is \"demo\" or a list of {name, sign_pk, box_pk} (with a quorum).");
    }
    if (const Value* options = body.find("options"); options && !options->isNull()) {
        if (!options->isArray())
            return Status::invalid("body.wrong_type",
                                   "options is a list of {label, cost, group} or {proposal_id, cost}.");
        for (const Value& o : options->asArray()) {
            YISHI_ASSIGN_OR_RETURN(domain::ElectionOption option, optionOf(o));
            r.options.push_back(std::move(option));
        }
    }
    YISHI_ASSIGN_OR_RETURN(auto min, optionalInt(body, "min"));
    YISHI_ASSIGN_OR_RETURN(auto max, optionalInt(body, "max"));
    YISHI_ASSIGN_OR_RETURN(auto budget, optionalInt(body, "budget"));
    YISHI_ASSIGN_OR_RETURN(auto rule_param, optionalInt(body, "rule_param"));
    r.min = min.value_or(1);
    r.max = max.value_or(1);
    r.budget = budget.value_or(0);
    r.rule_param = rule_param.value_or(0);
    YISHI_ASSIGN_OR_RETURN(r.rule, optionalString(body, "rule", ""));
    if (hasField(body, "opens_at")) {
        YISHI_ASSIGN_OR_RETURN(r.opens_at, requireTime(body, "opens_at"));
    }
    YISHI_ASSIGN_OR_RETURN(r.closes_at, requireTime(body, "closes_at"));
    return r;
}

// A query parameter as a non-negative integer.
Result<std::uint64_t> queryNumber(const ApiCall& call, const std::string& name) {
    const std::string text = call.query.get(name, "");
    std::uint64_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return Status::invalid("query." + name, name + " is a whole number.");
    }
    return n;
}

// POST /api/v1/communities/{id}/elections, /streets/{id}/elections, /districts/{id}/elections
template <domain::ScopeKind kKind>
ApiResponse create(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", domain::scopeKindName(kKind)));
    YISHI_HANDLER_ASSIGN(auto request, createRequest(call.body));
    if (!hasField(call.body, "opens_at")) request.opens_at = elections.now();
    YISHI_HANDLER_ASSIGN(auto view, elections.create(call.actor, {kKind, id}, request));
    return viewResponse(201, view);
}

// GET /api/v1/communities/{id}/elections (with its street's and district's),
// /streets/{id}/elections, /districts/{id}/elections
template <domain::ScopeKind kKind>
ApiResponse list(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", domain::scopeKindName(kKind)));
    YISHI_HANDLER_ASSIGN(auto items, elections.list({kKind, id}));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const domain::Election& e : items) {
        w.beginObject();
        writeElectionMembers(w, e);
        writeResult(w, e);
        w.endObject();
    }
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/elections/{id}
ApiResponse show(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(auto view, elections.get(call.actor, domain::ElectionId(id)));
    return viewResponse(200, view);
}

// POST /api/v1/elections/{id}/credentials
ApiResponse enroll(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(std::string hex, requireString(call.body, "enroll"));
    YISHI_HANDLER_ASSIGN(std::string message, bytesOfHex(hex, "enroll.format"));
    YISHI_HANDLER_ASSIGN(std::uint64_t index, elections.enroll(call.actor, domain::ElectionId(id), message));
    JsonWriter w;
    w.beginObject().member("index", static_cast<std::int64_t>(index)).endObject();
    return jsonResponse(201, w);
}

// POST /api/v1/elections/{id}/ballots
ApiResponse cast(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(std::string hex, requireString(call.body, "ballot"));
    YISHI_HANDLER_ASSIGN(std::string message, bytesOfHex(hex, "ballot.format"));
    YISHI_HANDLER_ASSIGN(auto r, elections.cast(call.actor, domain::ElectionId(id), message));
    JsonWriter w;
    w.beginObject();
    w.member("ballot_hash", hexOf(r.ballot_hash));
    w.member("tracking_code", r.tracking_code);
    w.member("index", static_cast<std::int64_t>(r.index));
    w.member("at", r.at_ms);
    w.key("head");
    writeHead(w, r.head);
    w.key("inclusion_proof");
    writeHexList(w, r.inclusion_proof);
    w.endObject();
    return jsonResponse(201, w);
}

// POST /api/v1/elections/{id}/close
ApiResponse close(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(auto view, elections.close(call.actor, domain::ElectionId(id)));
    return viewResponse(200, view);
}

// POST /api/v1/elections/{id}/trustee-messages
ApiResponse trusteeMessage(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(std::string hex, requireString(call.body, "message"));
    YISHI_HANDLER_ASSIGN(std::string message, bytesOfHex(hex, "trustee.format"));
    YISHI_HANDLER_ASSIGN(auto posted, elections.postTrusteeMessage(domain::ElectionId(id), message));
    JsonWriter w;
    w.beginObject();
    w.member("index", static_cast<std::int64_t>(posted.index));
    w.member("phase", domain::electionPhaseName(posted.phase));
    w.endObject();
    return jsonResponse(201, w);
}

// GET /api/v1/elections/{id}/head
ApiResponse head(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(auto h, elections.head(domain::ElectionId(id)));
    JsonWriter w;
    writeHead(w, h);
    return jsonResponse(200, w);
}

// GET /api/v1/elections/{id}/proofs/inclusion?index=&size=
ApiResponse inclusion(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(std::uint64_t index, queryNumber(call, "index"));
    YISHI_HANDLER_ASSIGN(std::uint64_t size, queryNumber(call, "size"));
    YISHI_HANDLER_ASSIGN(auto proof, elections.inclusionProof(domain::ElectionId(id), index, size));
    JsonWriter w;
    w.beginObject().member("index", static_cast<std::int64_t>(index)).member("size", static_cast<std::int64_t>(size));
    w.key("proof");
    writeHexList(w, proof);
    w.endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/elections/{id}/proofs/consistency?from=&to=
ApiResponse consistency(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(std::uint64_t from, queryNumber(call, "from"));
    YISHI_HANDLER_ASSIGN(std::uint64_t to, queryNumber(call, "to"));
    YISHI_HANDLER_ASSIGN(auto proof, elections.consistencyProof(domain::ElectionId(id), from, to));
    JsonWriter w;
    w.beginObject().member("from", static_cast<std::int64_t>(from)).member("to", static_cast<std::int64_t>(to));
    w.key("proof");
    writeHexList(w, proof);
    w.endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/elections/{id}/entries?from=&limit=
ApiResponse entries(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    YISHI_HANDLER_ASSIGN(std::uint64_t from, queryNumber(call, "from"));
    YISHI_HANDLER_ASSIGN(std::uint64_t limit, queryNumber(call, "limit"));
    if (limit < 1 || limit > kMaxEntriesPage) {
        return fail(call, Status::invalid("query.limit", "limit is 1 to " + std::to_string(kMaxEntriesPage) + "."));
    }
    YISHI_HANDLER_ASSIGN(auto page, elections.entriesPage(domain::ElectionId(id), from, limit));
    JsonWriter w;
    w.beginObject().key("entries");
    writeHexList(w, page.entries);
    w.member("size", static_cast<std::int64_t>(page.size));
    w.endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/elections/{id}/record
ApiResponse record(ElectionService& elections, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "election"));
    const domain::ElectionId election(id);
    YISHI_HANDLER_ASSIGN(auto plan, elections.record(election));
    ApiResponse out;
    out.content_type = "application/octet-stream";
    out.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"election-" + std::to_string(id) + ".record\"");
    out.stream_length = plan.length;
    out.stream = [&elections, election, plan](std::ostream& body) {
        body << elections.recordPrefix(plan.size);
        for (std::uint64_t from = 0; from < plan.size;) {
            Result<std::vector<std::string>> chunk =
                elections.entries(election, from, std::min(kRecordChunk, plan.size - from));
            if (!chunk.isOk()) throw std::runtime_error(chunk.status().toString());
            if (chunk->empty()) throw std::runtime_error("the stored board ends before its signed head");
            for (const std::string& entry : *chunk) body << elections.recordField(entry);
            from += chunk->size();
        }
        body << elections.recordField(plan.head);
    };
    return out;
}

}  // namespace

void addElectionRoutes(Router& router, domain::ElectionService& elections) {
    using domain::ScopeKind;
    router.add("POST", "/api/v1/communities/{id}/elections", Access::kSession,
               with(elections, create<ScopeKind::kCommunity>));
    router.add("POST", "/api/v1/streets/{id}/elections", Access::kSession, with(elections, create<ScopeKind::kStreet>));
    router.add("POST", "/api/v1/districts/{id}/elections", Access::kSession,
               with(elections, create<ScopeKind::kDistrict>));
    router.add("GET", "/api/v1/communities/{id}/elections", Access::kPublic,
               with(elections, list<ScopeKind::kCommunity>));
    router.add("GET", "/api/v1/streets/{id}/elections", Access::kPublic, with(elections, list<ScopeKind::kStreet>));
    router.add("GET", "/api/v1/districts/{id}/elections", Access::kPublic, with(elections, list<ScopeKind::kDistrict>));
    router.add("GET", "/api/v1/elections/{id}", Access::kPublic, with(elections, show));
    router.add("POST", "/api/v1/elections/{id}/credentials", Access::kSession, with(elections, enroll));
    router.add("POST", "/api/v1/elections/{id}/ballots", Access::kSession, with(elections, cast));
    router.add("POST", "/api/v1/elections/{id}/close", Access::kSession, with(elections, close));
    // Trustees need no session: a message counts by its signature.
    router.add("POST", "/api/v1/elections/{id}/trustee-messages", Access::kPublic, with(elections, trusteeMessage));
    router.add("GET", "/api/v1/elections/{id}/head", Access::kPublic, with(elections, head));
    router.add("GET", "/api/v1/elections/{id}/proofs/inclusion", Access::kPublic, with(elections, inclusion));
    router.add("GET", "/api/v1/elections/{id}/proofs/consistency", Access::kPublic, with(elections, consistency));
    router.add("GET", "/api/v1/elections/{id}/entries", Access::kPublic, with(elections, entries));
    router.add("GET", "/api/v1/elections/{id}/record", Access::kPublic, with(elections, record));
}

}  // namespace yishi::http
