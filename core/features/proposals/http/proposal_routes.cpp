#include <algorithm>

#include "handlers/handler_support.h"
#include "json_io.h"
#include "proposals_routes.h"
#include "views.h"
#include "yishi/domain/proposal_service.h"
#include "yishi/http/fact_text.h"

namespace yishi::http {

namespace {

using domain::ProposalService;

void proposalSummaryMembers(JsonWriter& w, const domain::Proposal& p) {
    w.member("id", p.id.value);
    w.member("community_id", p.community_id.value);
    w.member("kind", domain::proposalKindName(p.kind));
    w.member("title", p.title);
    w.member("state", domain::proposalStateName(p.state));
    w.member("created_at", p.created_at.seconds());
    w.member("updated_at", p.updated_at.seconds());
}

void writeActionNames(JsonWriter& w, const std::vector<domain::ProposalAction>& actions) {
    w.beginArray();
    for (domain::ProposalAction action : actions) w.value(domain::proposalActionName(action));
    w.endArray();
}

void writeProposal(JsonWriter& w, const ProposalService::View& v, Language language) {
    const domain::Proposal& p = v.proposal;
    w.beginObject();
    proposalSummaryMembers(w, p);
    w.member("overdue", v.overdue);
    w.member("response_due_at", orNull(p.response_due_at));
    w.member("decision_due_at", orNull(p.decision_due_at));
    w.member("body", p.body);
    w.key("author").beginObject().member("id", p.author_id.value).member("display_name", v.author_name).endObject();
    // A vote's step is no committee's explanation: its words, and the vote.
    w.member("reason", renderStoredText(p.last_reason, language, domain::proposalStateName(p.state)));
    const std::int64_t reason_election = electionOfStoredText(p.last_reason);
    w.member("reason_election_id", valueOrNull(reason_election != 0, reason_election));
    w.member("submitted_at", orNull(p.submitted_at));
    w.member("merged_into", valueOrNull(p.merged_into.valid(), p.merged_into.value));
    w.key("merged_from").beginArray();
    for (domain::ProposalId id : v.merged_from) w.value(id.value);
    w.endArray();
    w.member("consultation_ends_at", orNull(p.consultation_ends_at));
    w.member("election_id", orNull(p.election_id));
    w.member("amends_convention", orNull(p.amends_convention));
    w.member("amends_version", orNull(std::int64_t{p.amends_version}));
    w.member("project_id", valueOrNull(p.state == domain::ProposalState::kProject, p.outcome_id));
    w.member("convention_id", valueOrNull(p.state == domain::ProposalState::kConvention, p.outcome_id));
    writeActionNames(w.key("allowed_actions"), v.allowed_actions);
    w.member("editable", v.editable);
    w.endObject();
}

// A member that, when present, must be a string.
Result<std::optional<std::string>> optionalText(const Value& body, const std::string& name) {
    if (!hasField(body, name)) return std::optional<std::string>();
    YISHI_ASSIGN_OR_RETURN(std::string text, requireString(body, name));
    return std::optional<std::string>(std::move(text));
}

// POST /api/v1/communities/{id}/proposals
ApiResponse create(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(std::string kind_text, requireString(call.body, "kind"));
    ProposalService::Draft draft;
    if (!domain::parseProposalKind(kind_text, &draft.kind)) {
        return fail(call, Status::invalid("body.kind", "kind is problem, wish or rule."));
    }
    YISHI_HANDLER_ASSIGN(draft.title, requireString(call.body, "title"));
    YISHI_HANDLER_ASSIGN(draft.body, optionalString(call.body, "body", ""));
    YISHI_HANDLER_ASSIGN(draft.submit, optionalBool(call.body, "submit", true));
    if (hasField(call.body, "amends_convention")) {
        YISHI_HANDLER_ASSIGN(draft.amends_convention, requireInt(call.body, "amends_convention"));
    }
    if (hasField(call.body, "amends_version")) {
        YISHI_HANDLER_ASSIGN(std::int64_t version, requireInt(call.body, "amends_version"));
        if (version < 1 || version > 1'000'000) {
            return fail(call,
                        Status::invalid("body.amends_version", "amends_version is a version number (1, 2, ...)."));
        }
        draft.amends_version = static_cast<int>(version);
    }
    YISHI_HANDLER_ASSIGN(auto view, proposals.create(call.actor, CommunityId(community), draft));
    return jsonResponse(201, inLanguageOf(call, writeProposal), view);
}

// ?state=a,b: any of the states; empty or absent: any state.
Result<std::vector<domain::ProposalState>> stateFilter(const ApiCall& call) {
    std::vector<domain::ProposalState> states;
    const std::string text = call.query.get("state", "");
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        const std::string name = text.substr(start, comma - start);
        domain::ProposalState s;
        if (!domain::parseProposalState(name, &s)) {
            return Status::invalid("query.state", "Unknown proposal state: \"" + name + "\".");
        }
        if (std::find(states.begin(), states.end(), s) == states.end()) states.push_back(s);
        start = comma + 1;
    }
    return states;
}

// GET /api/v1/communities/{id}/proposals
ApiResponse list(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(domain::PageRequest page, pageRequest(call, {"state", "kind", "overdue", "q", "sort"}));
    domain::ProposalFilter filter;
    YISHI_HANDLER_ASSIGN(filter.states, stateFilter(call));
    const std::string kind = call.query.get("kind", "");
    if (!kind.empty()) {
        domain::ProposalKind k;
        if (!domain::parseProposalKind(kind, &k)) {
            return fail(call, Status::invalid("query.kind", "kind is problem, wish or rule."));
        }
        filter.kind = k;
    }
    const std::string overdue = call.query.get("overdue", "");
    if (overdue == "true")
        filter.overdue_only = true;
    else if (!overdue.empty() && overdue != "false") {
        return fail(call, Status::invalid("query.overdue", "overdue is true or false."));
    }
    YISHI_HANDLER_ASSIGN(filter.search, domain::searchTerms(call.query.get("q", "")));
    const std::string sort = call.query.get("sort", "");
    if (!sort.empty() && !domain::parseProposalSort(sort, &filter.sort)) {
        return fail(call, Status::invalid("query.sort", "sort is newest, supported, discussed or deadline."));
    }
    YISHI_HANDLER_ASSIGN(auto result, proposals.list(call.actor, CommunityId(community), filter, page));
    JsonWriter w;
    w.beginObject();
    writePageMembers(w, result.page, [&](JsonWriter& out, const ProposalService::ListItem& item) {
        const domain::Proposal& p = item.proposal;
        out.beginObject();
        proposalSummaryMembers(out, p);
        out.member("overdue", domain::overdueReasons(p, result.now));
        out.key("author").beginObject().member("id", p.author_id.value).member("display_name", item.author_name);
        out.endObject();
        out.member("supports", item.activity.supports);
        out.member("comments", item.activity.comments);
        // Where an accepted problem's handling stands (its case), or null.
        if (item.activity.case_state.empty()) {
            out.key("case").null();
        } else {
            out.key("case").beginObject();
            out.member("state", item.activity.case_state);
            out.member("reopened", item.activity.case_reopened);
            out.endObject();
        }
        out.endObject();
    });
    w.key("counts").beginObject();
    for (const auto& [s, n] : result.counts) w.member(domain::proposalStateName(s), n);
    w.endObject();
    w.endObject();
    ApiResponse out = jsonResponse(200, w);
    // The same list for all but those with drafts here (their own are in it).
    out.cache = CacheFacts{CommunityId(community), true, std::nullopt, std::move(result.draft_authors)};
    return out;
}

// GET /api/v1/proposals/{id}
ApiResponse get(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto view, proposals.get(call.actor, domain::ProposalId(id)));
    ApiResponse out = jsonResponse(200, inLanguageOf(call, writeProposal), view);
    // The actions offered and "editable" are the caller's own.
    out.cache.emplace().community = view.proposal.community_id;
    return out;
}

// POST /api/v1/proposals/{id}/actions
ApiResponse act(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(std::string action_text, requireString(call.body, "action"));
    ProposalService::ActionInput input;
    if (!domain::parseProposalAction(action_text, &input.action)) {
        return fail(call, Status::invalid("body.action", "Unknown action: " + action_text));
    }
    YISHI_HANDLER_ASSIGN(input.reason, optionalString(call.body, "reason", ""));
    if (call.body.find("target_id")) {
        YISHI_HANDLER_ASSIGN(std::int64_t target, requireInt(call.body, "target_id"));
        input.merge_target = domain::ProposalId(target);
    }
    if (call.body.find("consultation_ends_at")) {
        YISHI_HANDLER_ASSIGN(input.consultation_ends_at, requireTime(call.body, "consultation_ends_at"));
    }
    if (call.body.find("election_id")) {
        YISHI_HANDLER_ASSIGN(input.election_id, requireInt(call.body, "election_id"));
    }
    YISHI_HANDLER_ASSIGN(std::string vote, optionalString(call.body, "vote", "ballot"));
    if (vote != "ballot" && vote != "meeting") {
        return fail(call, Status::invalid("body.vote", "vote is ballot (a verifiable referendum) or meeting."));
    }
    input.vote_at_meeting = vote == "meeting";
    if (call.body.find("vote_closes_at")) {
        YISHI_HANDLER_ASSIGN(input.vote_closes_at, requireTime(call.body, "vote_closes_at"));
    }
    if (call.body.find("budget_fen")) {
        YISHI_HANDLER_ASSIGN(input.budget_fen, requireInt(call.body, "budget_fen"));
    }
    YISHI_HANDLER_ASSIGN(input.responsible, optionalString(call.body, "responsible", ""));
    YISHI_HANDLER_ASSIGN(input.title, optionalText(call.body, "title"));
    YISHI_HANDLER_ASSIGN(input.body, optionalText(call.body, "body"));
    YISHI_HANDLER_ASSIGN(input.early_end_reason, optionalString(call.body, "early_end_reason", ""));
    Result<ProposalService::View> view = proposals.act(call.actor, domain::ProposalId(id), input);
    if (view.isOk()) return jsonResponse(200, inLanguageOf(call, writeProposal), view.value());
    ApiResponse r = fail(call, view.status());
    if (view.status().code() == "proposal.action_not_allowed") {
        // Say what is possible: the state and the actions open to this caller.
        Result<ProposalService::View> now = proposals.get(call.actor, domain::ProposalId(id));
        if (now.isOk()) {
            r = errorResponse(view.status(), call, [&](JsonWriter& w) {
                w.member("state", domain::proposalStateName(now->proposal.state));
                writeActionNames(w.key("allowed_actions"), now->allowed_actions);
            });
        }
    }
    return r;
}

// PATCH /api/v1/proposals/{id}: the author revises title and/or body.
ApiResponse edit(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    if (Status known = onlyFields(call.body, {"title", "body"}); !known.isOk()) return fail(call, known);
    ProposalService::Edit change;
    YISHI_HANDLER_ASSIGN(change.title, optionalText(call.body, "title"));
    YISHI_HANDLER_ASSIGN(change.body, optionalText(call.body, "body"));
    YISHI_HANDLER_ASSIGN(auto view, proposals.edit(call.actor, domain::ProposalId(id), change));
    return jsonResponse(200, inLanguageOf(call, writeProposal), view);
}

// GET /api/v1/proposals/{id}/history
ApiResponse history(domain::ProposalService& proposals, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t id, pathId(call, "id", "proposal"));
    YISHI_HANDLER_ASSIGN(auto entries, proposals.history(call.actor, domain::ProposalId(id)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& e : entries) {
        w.beginObject();
        w.member("at", e.at.seconds());
        w.member("action", e.action);
        w.member("reason", renderStoredText(e.reason, call.language, e.action));
        const std::int64_t election = electionOfStoredText(e.reason);
        w.member("election_id", valueOrNull(election != 0, election));
        w.key("actor").beginObject().member("display_name", e.actor_name).member("role", e.actor_role).endObject();
        writeAssisted(w, e.assisted_by_name, e.assisted_role, e.consent, &e.consent_note);
        w.endObject();
    }
    w.endArray().endObject();
    return jsonResponse(200, w);
}

}  // namespace

void addProposalRoutes(Router& router, domain::ProposalService& proposals) {
    router.add("POST", "/api/v1/communities/{id}/proposals", Access::kSession, with(proposals, create));
    router.add("GET", "/api/v1/communities/{id}/proposals", Access::kPublicCached, with(proposals, list));
    router.add("GET", "/api/v1/proposals/{id}", Access::kPublicCached, with(proposals, get));
    router.add("PATCH", "/api/v1/proposals/{id}", Access::kSession, with(proposals, edit));
    router.add("POST", "/api/v1/proposals/{id}/actions", Access::kSession, with(proposals, act));
    router.add("GET", "/api/v1/proposals/{id}/history", Access::kPublicCached, with(proposals, history));
}

}  // namespace yishi::http
