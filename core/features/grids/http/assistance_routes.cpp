#include "grids_routes.h"
#include "handlers/handler_support.h"
#include "json_io.h"
#include "views.h"

namespace yishi::http {

namespace {

using domain::AssistanceService;

void writeDone(JsonWriter& w, const AssistanceService::Done& d) {
    w.beginObject();
    w.member("kind", domain::assistKindName(d.kind));
    w.member("subject_id", d.subject_id);
    w.member("helper_role", d.helper_role);
    w.endObject();
}

void writeAct(JsonWriter& w, const AssistanceService::Act& a) {
    w.beginObject();
    w.member("at", a.at.seconds());
    w.member("action", a.action);
    w.member("subject_kind", a.subject_kind);
    w.member("subject_id", a.subject_id);
    w.key("by").beginObject().member("display_name", a.helper_name).endObject();
    w.member("role", a.helper_role);
    w.member("consent", a.consent);
    w.member("note", a.note);
    w.endObject();
}

Result<AssistanceService::Request> requestOf(const Value& body) {
    AssistanceService::Request r;
    YISHI_ASSIGN_OR_RETURN(std::string kind, requireString(body, "kind"));
    if (!domain::parseAssistKind(kind, &r.kind)) {
        return Status::invalid("body.kind", "kind is raise, comment, support, not_solved or ballot.");
    }
    YISHI_ASSIGN_OR_RETURN(std::int64_t resident, requireInt(body, "resident_id"));
    r.resident = UserId(resident);
    YISHI_ASSIGN_OR_RETURN(std::optional<std::int64_t> grid, optionalInt(body, "grid_id"));
    r.grid_id = grid.value_or(0);
    YISHI_ASSIGN_OR_RETURN(std::optional<std::int64_t> estate, optionalInt(body, "estate_id"));
    r.estate_id = estate.value_or(0);
    YISHI_ASSIGN_OR_RETURN(r.building, optionalString(body, "building", ""));
    YISHI_ASSIGN_OR_RETURN(r.consent, requireString(body, "consent"));
    YISHI_ASSIGN_OR_RETURN(r.note, optionalString(body, "consent_note", ""));
    YISHI_ASSIGN_OR_RETURN(r.body, optionalString(body, "body", ""));
    switch (r.kind) {
        case AssistanceService::Kind::kRaise: {
            YISHI_ASSIGN_OR_RETURN(std::int64_t community, requireInt(body, "community_id"));
            r.community = CommunityId(community);
            YISHI_ASSIGN_OR_RETURN(std::string proposal_kind, optionalString(body, "proposal_kind", "problem"));
            if (!domain::parseProposalKind(proposal_kind, &r.proposal_kind)) {
                return Status::invalid("body.kind", "proposal_kind is problem, wish or rule.");
            }
            YISHI_ASSIGN_OR_RETURN(r.title, requireString(body, "title"));
            break;
        }
        case AssistanceService::Kind::kComment:
        case AssistanceService::Kind::kSupport: {
            YISHI_ASSIGN_OR_RETURN(std::int64_t proposal, requireInt(body, "proposal_id"));
            r.proposal = domain::ProposalId(proposal);
            YISHI_ASSIGN_OR_RETURN(std::string stance, optionalString(body, "stance", "neutral"));
            if (!domain::parseStance(stance, &r.stance)) {
                return Status::invalid("body.stance", "stance is for, neutral or against.");
            }
            break;
        }
        case AssistanceService::Kind::kNotSolved: {
            YISHI_ASSIGN_OR_RETURN(std::int64_t id, requireInt(body, "case_id"));
            r.case_id = domain::CaseId(id);
            break;
        }
        case AssistanceService::Kind::kBallot: break;
    }
    return r;
}

// POST /api/v1/assisted-acts
ApiResponse act(AssistanceService& assistance, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyFields(call.body, {"kind", "resident_id", "grid_id", "estate_id", "building", "consent",
                                               "consent_note", "community_id", "proposal_id", "proposal_kind", "title",
                                               "body", "stance", "election_id", "case_id"}));
    YISHI_HANDLER_ASSIGN(auto request, requestOf(call.body));
    YISHI_HANDLER_ASSIGN(auto done, assistance.act(call.actor, request));
    return jsonResponse(201, writeDone, done);
}

// GET /api/v1/me/assisted-acts
ApiResponse mine(AssistanceService& assistance, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(auto acts, assistance.actsFor(call.actor));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& a : acts) writeAct(w, a);
    w.endArray().endObject();
    return jsonResponse(200, w);
}

// GET /api/v1/communities/{id}/assistable-residents
ApiResponse residents(AssistanceService& assistance, ApiCall& call) {
    YISHI_HANDLER_CHECK(onlyKnownQuery(call));
    YISHI_HANDLER_ASSIGN(std::int64_t community, pathId(call, "id", "community"));
    YISHI_HANDLER_ASSIGN(auto people, assistance.residents(call.actor, CommunityId(community)));
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& p : people) {
        w.beginObject().member("id", p.id.value).member("display_name", p.display_name).endObject();
    }
    w.endArray().endObject();
    return jsonResponse(200, w);
}

}  // namespace

void addAssistanceRoutes(Router& router, AssistanceService& assistance) {
    router.add("POST", "/api/v1/assisted-acts", Access::kSession, with(assistance, act));
    router.add("GET", "/api/v1/me/assisted-acts", Access::kSession, with(assistance, mine));
    router.add("GET", "/api/v1/communities/{id}/assistable-residents", Access::kSession, with(assistance, residents));
}

}  // namespace yishi::http
