#include "yishi/domain/wish_round_service.h"

#include <algorithm>
#include <utility>

#include "yishi/domain/election_store.h"
#include "yishi/domain/money.h"
#include "yishi/domain/project_store.h"
#include "yishi/domain/proposal_store.h"
#include "yishi/domain/scope_place.h"
#include "yishi/domain/system_fact.h"
#include "yishi/domain/validation.h"
#include "yishi/domain/wish_rounds_changes.h"

namespace yishi::domain {

namespace {

Status notFound() { return Status::notFound("wish_round.not_found", "There is no such 民心项目 round."); }

// The subject of a round's election: how its result finds the round again,
// even had the step that opened it failed after the election was made.
std::string subjectOf(std::int64_t round) { return "wish_round/" + std::to_string(round); }

std::int64_t roundOfSubject(const std::string& subject) {
    const std::string prefix = "wish_round/";
    if (subject.rfind(prefix, 0) != 0) return 0;
    try {
        return std::stoll(subject.substr(prefix.size()));
    } catch (...) {
        return 0;
    }
}

bool isRule(const std::string& rule) {
    return rule == "greedy" || rule == "greedy-threshold" || rule == "greedy-quota";
}

// The wishes of the round that the committee accepted and costed: the vote's options.
std::vector<RoundWish> costedAccepted(Stores& s, std::int64_t round) {
    std::vector<RoundWish> out;
    for (RoundWish& w : s.get<WishRoundStore>().wishes(round)) {
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(ProposalId(w.proposal_id));
        if (p && p->state == ProposalState::kAccepted && w.cost_fen) out.push_back(std::move(w));
    }
    return out;
}

Status forbiddenFor(ScopeKind kind) {
    switch (kind) {
        case ScopeKind::kCommunity:
            return Status::forbidden("wish_round.forbidden",
                                     "Only this community's committee runs its 民心项目 round.");
        case ScopeKind::kStreet:
            return Status::forbidden("wish_round.forbidden",
                                     "Only the street's staff (or an admin of its district) run a street's 民心项目 "
                                     "round.");
        case ScopeKind::kDistrict: break;
    }
    return Status::forbidden("wish_round.forbidden", "Only the district's admins run the district's 民心项目 round.");
}

// "name version" as the manifest records a plugin (rule_version).
std::pair<std::string, std::string> splitVersion(const std::string& rule_version) {
    const std::size_t space = rule_version.find(' ');
    if (space == std::string::npos) return {rule_version, ""};
    return {rule_version.substr(0, space), rule_version.substr(space + 1)};
}

}  // namespace

WishRoundService::WishRoundService(Database& db, const Clock& clock, ProposalService& proposals,
                                   ElectionService& elections, DistrictPlugins& plugins)
    : db_(db), clock_(clock), proposals_(proposals), elections_(elections), plugins_(plugins) {}

Result<WishRound> WishRoundService::managed(Stores& s, const Actor& actor, std::int64_t id) {
    std::optional<WishRound> round = s.get<WishRoundStore>().round(id);
    if (!round) return notFound();
    Result<ScopePlace> place = findScopePlace(s.scopes, round->scope);
    if (!place.isOk()) return notFound();
    if (!managesScopePlace(actor, *place)) return forbiddenFor(round->scope.kind);
    return *round;
}

WishRoundService::View WishRoundService::viewOf(Stores& s, const Actor& actor, WishRound round, Instant now) {
    View v;
    for (RoundWish& w : s.get<WishRoundStore>().wishes(round.id)) {
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(ProposalId(w.proposal_id));
        if (!p) continue;
        std::optional<Community> c = s.scopes.community(p->community_id);
        WishView wv{std::move(w), std::move(*p), c ? c->name : "", std::nullopt};
        if (wv.wish.project_id != 0) wv.project = s.get<ProjectStore>().project(ProjectId(wv.wish.project_id));
        v.wishes.push_back(std::move(wv));
    }
    if (round.election_id != 0) v.election = s.get<ElectionStore>().election(ElectionId(round.election_id));
    Result<ScopePlace> place = findScopePlace(s.scopes, round.scope);
    if (place.isOk()) v.scope_name = place->name;
    v.manage = actor.isAuthenticated() && place.isOk() && managesScopePlace(actor, *place);
    v.collecting_due = now >= round.wishes_due_at;
    bool resident = false;
    if (actor.isAuthenticated() && round.scope.kind == ScopeKind::kCommunity) {
        resident = v.manage || actor.requireVerifiedResident(round.community_id).isOk();
    } else if (actor.isAuthenticated()) {
        CommunityId where;
        resident = actor.requireVerifiedResidentWithin(round.scope, communitiesOf(s.scopes, actor), &where).isOk();
    }
    v.may_raise = round.phase == WishRoundPhase::kCollecting && !v.collecting_due && resident;
    // Who judges the vote: the election's manifest once it is made; before,
    // the plugin serving the district now (it is the one the manifest will name).
    if (v.election) {
        if (Result<RecordedRule> recorded = elections_.recordedRule(*v.election); recorded.isOk()) {
            auto [name, version] = splitVersion(recorded->rule_version);
            v.judge = Judge{recorded->rule, recorded->rule_param, name, version, recorded->rule_hash, true};
        }
    } else if (!round.rule.empty()) {
        if (Result<PluginInfo> plugin = plugins_.info(round.district_id); plugin.isOk()) {
            v.judge = Judge{round.rule, round.rule_param, plugin->name, plugin->version, plugin->hash, false};
        }
    }
    v.round = std::move(round);
    return v;
}

Result<WishRoundService::View> WishRoundService::create(const Actor& actor, ScopeRef scope, const CreateInput& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateName("title", input.title, 200));
    YISHI_RETURN_IF_ERROR(validateText("call", input.call, 5000));
    if (input.year < 2000 || input.year > 2100) {
        return Status::invalid("wish_round.year", "A round is for a year from 2000 to 2100.");
    }
    const Instant now = clock_.now();
    if (input.wishes_due_at <= now || input.wishes_due_at > now + Duration::days(366)) {
        return Status::invalid("wish_round.due", "Wishes are due after now and within a year (wishes_due_at).");
    }
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(ScopePlace place, findScopePlace(s.scopes, scope));
        if (!managesScopePlace(actor, place)) return forbiddenFor(scope.kind);
        WishRound r;
        r.scope = scope;
        r.district_id = place.district;
        if (place.community) r.community_id = place.community->id;
        r.year = input.year;
        r.title = input.title;
        r.call = input.call;
        r.wishes_due_at = input.wishes_due_at;
        r.created_by = actor.userId();
        r.created_at = now;
        r.id = s.get<WishRoundStore>().insertRound(r);
        s.record({changes::kWishRoundCreated, now, actor.userId(), r.id, r.community_id, r.title});
        view = viewOf(s, actor, std::move(r), now);
        return Status::ok();
    }));
    return view;
}

Result<WishRoundService::View> WishRoundService::reread(const Actor& actor, std::int64_t id) {
    View view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<WishRound> round = s.get<WishRoundStore>().round(id);
        if (!round) return notFound();
        view = viewOf(s, actor, std::move(*round), clock_.now());
        return Status::ok();
    }));
    return view;
}

Result<WishRoundService::View> WishRoundService::get(const Actor& actor, std::int64_t id) {
    YISHI_ASSIGN_OR_RETURN(View view, reread(actor, id));
    // Asking the election closes it when due and publishes its result,
    // which decides the round (onPublished): read the round again then.
    if (view.round.election_id != 0 && view.round.phase == WishRoundPhase::kVoting) {
        YISHI_ASSIGN_OR_RETURN(ElectionService::View e, elections_.get(actor, ElectionId(view.round.election_id)));
        if (e.election.phase == ElectionPhase::kPublished) return reread(actor, id);
    }
    return view;
}

Result<WishRoundService::Listing> WishRoundService::list(const Actor& actor, ScopeRef scope) {
    Listing out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(ScopePlace place, findScopePlace(s.scopes, scope));
        std::vector<ScopeRef> scopes = {scope};
        if (place.community) {
            scopes.push_back({ScopeKind::kStreet, place.community->street_id.value});
            scopes.push_back({ScopeKind::kDistrict, place.community->district_id.value});
        }
        out.scope_name = place.name;
        out.manage = actor.isAuthenticated() && managesScopePlace(actor, place);
        out.rounds = s.get<WishRoundStore>().rounds(scopes);
        return Status::ok();
    }));
    return out;
}

Result<WishRoundService::View> WishRoundService::raiseWish(const Actor& actor, std::int64_t id,
                                                           const std::string& title, const std::string& body) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    auto open = [&](Stores& s) -> Result<WishRound> {
        std::optional<WishRound> round = s.get<WishRoundStore>().round(id);
        if (!round) return notFound();
        if (round->phase != WishRoundPhase::kCollecting) {
            return Status::conflict("wish_round.not_collecting", "This round no longer collects wishes.");
        }
        if (clock_.now() >= round->wishes_due_at) {
            return Status::conflict("wish_round.closed", "The deadline for wishes in this round has passed.");
        }
        return *round;
    };
    CommunityId community;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(WishRound round, open(s));
        if (round.scope.kind == ScopeKind::kCommunity) {
            community = round.community_id;
            return Status::ok();
        }
        // A street's or the district's round: the wish is of the resident's
        // own community within it.
        Status within = actor.requireVerifiedResidentWithin(round.scope, communitiesOf(s.scopes, actor), &community);
        if (within.code() == "membership.outside_scope") {
            return Status::forbidden("wish_round.outside_scope",
                                     std::string("This round takes wishes from verified residents of the ") +
                                         scopeKindName(round.scope.kind) + "'s communities only.");
        }
        return within;
    }));
    // The wish is a proposal like any other (its checks, its history); the
    // round then records it as raised in answer to the call. Had the round
    // closed in between, the wish stays a proposal of the community.
    ProposalService::Draft draft;
    draft.kind = ProposalKind::kWish;
    draft.title = title;
    draft.body = body;
    draft.submit = true;
    YISHI_ASSIGN_OR_RETURN(ProposalService::View raised, proposals_.create(actor, community, draft));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(WishRound round, open(s));
        const Instant now = clock_.now();
        s.get<WishRoundStore>().insertWish({round.id, raised.proposal.id.value, now, std::nullopt, "", 0});
        s.record({changes::kWishRoundWishRaised, now, actor.userId(), round.id, community,
                  "proposal/" + std::to_string(raised.proposal.id.value)});
        view = viewOf(s, actor, std::move(round), now);
        return Status::ok();
    }));
    return view;
}

Result<WishRoundService::View> WishRoundService::closeCollecting(const Actor& actor, std::int64_t id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(WishRound round, managed(s, actor, id));
        if (round.phase != WishRoundPhase::kCollecting) {
            return Status::conflict("wish_round.not_collecting", "This round no longer collects wishes.");
        }
        const Instant now = clock_.now();
        if (now < round.wishes_due_at) {
            return Status::conflict("wish_round.not_due",
                                    "Residents were told they may raise wishes until the deadline; close after it.");
        }
        round.phase = WishRoundPhase::kCosting;
        s.get<WishRoundStore>().updateRound(round);
        s.record({changes::kWishRoundCollectingClosed, now, actor.userId(), round.id, round.community_id});
        view = viewOf(s, actor, std::move(round), now);
        return Status::ok();
    }));
    return view;
}

Result<WishRoundService::View> WishRoundService::cost(const Actor& actor, std::int64_t id, std::int64_t proposal_id,
                                                      std::int64_t cost_fen, const std::string& note) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (cost_fen < 1 || cost_fen > kMaxAmountFen) {
        return Status::invalid("wish_round.cost", "A wish's cost is at least 1 fen and at most the largest amount.");
    }
    YISHI_RETURN_IF_ERROR(validateName("note", note, 500));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(WishRound round, managed(s, actor, id));
        if (round.phase != WishRoundPhase::kCosting && round.phase != WishRoundPhase::kReady) {
            return Status::conflict("wish_round.not_costing",
                                    "Wishes are costed after the collection and before the vote opens.");
        }
        std::vector<RoundWish> wishes = s.get<WishRoundStore>().wishes(round.id);
        auto found = std::find_if(wishes.begin(), wishes.end(),
                                  [&](const RoundWish& w) { return w.proposal_id == proposal_id; });
        if (found == wishes.end()) {
            return Status::notFound("wish_round.no_such_wish", "That wish was not raised in this round.");
        }
        std::optional<Proposal> p = s.get<ProposalStore>().proposal(ProposalId(proposal_id));
        if (!p || p->state != ProposalState::kAccepted) {
            return Status::conflict("wish_round.not_accepted",
                                    "Only a wish the committee accepted is costed; screen it first.");
        }
        const Instant now = clock_.now();
        found->cost_fen = cost_fen;
        found->cost_note = note;
        s.get<WishRoundStore>().updateWish(*found);
        // A new cost asks for the budget again.
        round.phase = WishRoundPhase::kCosting;
        s.get<WishRoundStore>().updateRound(round);
        s.record({changes::kWishRoundWishCosted,
                  now,
                  actor.userId(),
                  round.id,
                  round.community_id,
                  "proposal/" + std::to_string(proposal_id),
                  {},
                  cost_fen});
        view = viewOf(s, actor, std::move(round), now);
        return Status::ok();
    }));
    return view;
}

Result<WishRoundService::View> WishRoundService::setBudget(const Actor& actor, std::int64_t id,
                                                           const BudgetInput& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (input.budget_fen < 1 || input.budget_fen > kMaxAmountFen) {
        return Status::invalid("wish_round.budget",
                               "The year's budget is at least 1 fen and at most the largest amount.");
    }
    if (!isRule(input.rule)) {
        return Status::invalid("wish_round.rule", "rule is \"greedy\", \"greedy-threshold\" or \"greedy-quota\".");
    }
    const bool has_param = input.rule != "greedy";
    if (input.rule_param < 0 || (has_param ? input.rule_param < 1 : input.rule_param != 0)) {
        return Status::invalid("wish_round.rule_param",
                               "rule_param is the least count of greedy-threshold, the wishes per community of "
                               "greedy-quota (at least 1 each), and 0 for greedy.");
    }
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(WishRound round, managed(s, actor, id));
        if (round.phase != WishRoundPhase::kCosting && round.phase != WishRoundPhase::kReady) {
            return Status::conflict("wish_round.not_costing",
                                    "The budget is set after the collection and before the vote opens.");
        }
        std::int64_t costed = 0;
        for (const RoundWish& w : s.get<WishRoundStore>().wishes(round.id)) {
            std::optional<Proposal> p = s.get<ProposalStore>().proposal(ProposalId(w.proposal_id));
            if (!p) continue;
            if (p->state == ProposalState::kSubmitted || p->state == ProposalState::kScreening) {
                return Status::conflict("wish_round.unscreened", "Wish " + std::to_string(w.proposal_id) +
                                                                     " awaits screening: accept or reject it first.");
            }
            if (p->state == ProposalState::kAccepted) {
                if (!w.cost_fen) {
                    return Status::conflict("wish_round.uncosted",
                                            "Accepted wish " + std::to_string(w.proposal_id) + " has no cost yet.");
                }
                ++costed;
            }
        }
        if (costed == 0) return Status::conflict("wish_round.no_wishes", "No accepted and costed wish to vote on.");
        if (input.max_choices < 1 || input.max_choices > costed) {
            return Status::invalid("wish_round.max_choices",
                                   "A voter approves from 1 to " + std::to_string(costed) + " wishes (max_choices).");
        }
        const Instant now = clock_.now();
        round.budget_fen = input.budget_fen;
        round.rule = input.rule;
        round.rule_param = input.rule_param;
        round.max_choices = input.max_choices;
        round.phase = WishRoundPhase::kReady;
        s.get<WishRoundStore>().updateRound(round);
        s.record({changes::kWishRoundBudgetSet,
                  now,
                  actor.userId(),
                  round.id,
                  round.community_id,
                  round.rule,
                  {},
                  round.budget_fen});
        view = viewOf(s, actor, std::move(round), now);
        return Status::ok();
    }));
    return view;
}

Result<WishRoundService::View> WishRoundService::open(const Actor& actor, std::int64_t id, Instant closes_at) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    ElectionService::CreateRequest r;
    ScopeRef scope;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(WishRound round, managed(s, actor, id));
        if (round.phase != WishRoundPhase::kReady) {
            return Status::conflict("wish_round.not_ready",
                                    round.phase == WishRoundPhase::kVoting || round.phase == WishRoundPhase::kDecided
                                        ? "This round's vote is already open."
                                        : "Set the year's budget and the rule before opening the vote.");
        }
        scope = round.scope;
        r.kind = ElectionKind::kApproval;
        r.title = round.title;
        r.subject = subjectOf(round.id);
        for (const RoundWish& w : costedAccepted(s, round.id))
            r.options.push_back({"", *w.cost_fen, "", w.proposal_id});
        r.min = 0;
        r.max = std::min<std::int64_t>(round.max_choices, static_cast<std::int64_t>(r.options.size()));
        r.budget = round.budget_fen;
        r.rule = round.rule;
        r.rule_param = round.rule_param;
        return Status::ok();
    }));
    r.opens_at = clock_.now();
    r.closes_at = closes_at;
    r.demo = true;
    // The election's own checks, and the move of each wish to voting, are
    // the elections feature's: nothing of them is repeated here.
    YISHI_ASSIGN_OR_RETURN(ElectionService::View made, elections_.create(actor, scope, r));
    View view;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_ASSIGN_OR_RETURN(WishRound round, managed(s, actor, id));
        const Instant now = clock_.now();
        round.election_id = made.election.id.value;
        if (round.phase == WishRoundPhase::kReady) round.phase = WishRoundPhase::kVoting;
        s.get<WishRoundStore>().updateRound(round);
        s.record({changes::kWishRoundOpened, now, actor.userId(), round.id, round.community_id,
                  encodeFact(facts::kElection, std::to_string(round.election_id))});
        view = viewOf(s, actor, std::move(round), now);
        return Status::ok();
    }));
    return view;
}

Status WishRoundService::onPublished(Stores& s, const Election& election, Instant now) {
    const std::int64_t id = roundOfSubject(election.subject);
    if (id == 0) return Status::ok();
    std::optional<WishRound> found = s.get<WishRoundStore>().round(id);
    if (!found || found->phase == WishRoundPhase::kDecided) return Status::ok();
    WishRound round = std::move(*found);
    const std::string reason = encodeFact(facts::kElection, std::to_string(election.id.value));
    std::vector<RoundWish> wishes = s.get<WishRoundStore>().wishes(round.id);
    for (std::int64_t index : election.selected) {
        if (index < 0 || static_cast<std::size_t>(index) >= election.options.size()) continue;
        const ElectionOption& option = election.options[static_cast<std::size_t>(index)];
        auto w = std::find_if(wishes.begin(), wishes.end(),
                              [&](const RoundWish& x) { return x.proposal_id == option.proposal_id; });
        if (w == wishes.end()) continue;
        // The wish's own community's 居民委员会 carries it out, in a street's
        // or the district's round as in a community's.
        std::optional<Proposal> wish = s.get<ProposalStore>().proposal(ProposalId(option.proposal_id));
        std::optional<Community> c = wish ? s.scopes.community(wish->community_id) : std::nullopt;
        const std::string responsible = c ? c->name + " 居民委员会" : "居民委员会";
        // The cost the voters saw is the project's budget.
        YISHI_ASSIGN_OR_RETURN(w->project_id, proposals_.formProjectOfRound(s, ProposalId(option.proposal_id),
                                                                            {option.cost, responsible}, reason, now));
        s.get<WishRoundStore>().updateWish(*w);
    }
    round.election_id = election.id.value;
    round.phase = WishRoundPhase::kDecided;
    round.decided_at = now;
    s.get<WishRoundStore>().updateRound(round);
    s.record({changes::kWishRoundDecided, now, UserId(), round.id, round.community_id, reason});
    return Status::ok();
}

}  // namespace yishi::domain
