#include "yishi/domain/election_service.h"

#include <algorithm>

#include "election_place.h"
#include "election_request.h"
#include "yishi/domain/election_store.h"
#include "yishi/domain/elections_changes.h"

namespace yishi::domain {

namespace {

// The demo ceremony: three trustees played by the server, any two decrypt.
constexpr std::int64_t kDemoTrustees = 3;
constexpr std::int64_t kDemoQuorum = 2;

Status invalid(const std::string& code, const std::string& message) { return Status::invalid(code, message); }

// Writes an admission of the box: its entries, its head and the phase after.
void persistAppended(ElectionStore& store, ElectionId id, const Appended& appended) {
    for (const Appended::Entry& e : appended.entries) store.appendEntry(id, e.index, e.bytes);
    store.saveHead(id, {appended.head.size, appended.head.bytes});
    store.updatePhase(id, appended.after.phase);
    if (appended.after.phase == ElectionPhase::kPublished) {
        store.saveResult(id, appended.after.counts, appended.after.selected);
    }
}

bool acceptsEnrollments(ElectionPhase phase) {
    return phase == ElectionPhase::kCeremony || phase == ElectionPhase::kOpen;
}

}  // namespace

ElectionService::ElectionService(Database& db, const Clock& clock, BallotBox& box, SecretSource& secrets)
    : db_(db), clock_(clock), box_(box), secrets_(secrets) {}

Status ElectionService::resolveWishes(Stores& s, ScopeRef owner, std::vector<ElectionOption>& options) {
    for (ElectionOption& o : options) {
        if (o.proposal_id == 0) continue;
        if (wishes_ == nullptr) {
            return Status::invalid("election.option_proposal", "This server puts no proposals to the vote as options.");
        }
        YISHI_ASSIGN_OR_RETURN(RoundWishes::Wish wish, wishes_->check(s, o.proposal_id, owner));
        o.label = wish.title;
        o.group = "community/" + std::to_string(wish.community.value);
    }
    return Status::ok();
}

Result<ElectionService::View> ElectionService::create(const Actor& actor, ScopeRef owner,
                                                      const CreateRequest& request) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    std::optional<ElectionPlace> place;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        YISHI_ASSIGN_OR_RETURN(place, findPlace(s, owner));
        return Status::ok();
    }));
    if (!managesPlace(actor, *place)) {
        return Status::forbidden("election.forbidden", std::string("Only those who manage this ") +
                                                           scopeKindName(owner.kind) + " create its elections.");
    }
    const Instant now = clock_.now();
    CreateRequest r = request;
    YISHI_RETURN_IF_ERROR(validateRequest(r, now));
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) { return resolveWishes(s, owner, r.options); }));

    BoardSpec spec;
    spec.kind = r.kind;
    // Unique on the server (5.3): the EID of two elections must differ.
    spec.ref = "e-" + secrets_.newToken().substr(0, 24);
    spec.scope = place->manifest_scope;
    spec.district = place->district;
    spec.subject = r.subject;
    spec.title = r.title;
    spec.options = r.options;
    spec.min = r.min;
    spec.max = r.max;
    spec.budget = r.budget;
    spec.rule = r.rule;
    spec.rule_param = r.rule_param;
    spec.opens_at = r.opens_at;
    spec.closes_at = r.closes_at;
    spec.demo = r.demo;
    spec.demo_trustees = kDemoTrustees;
    spec.trustees = r.trustees;
    spec.quorum = r.demo ? kDemoQuorum : r.quorum;
    // The ceremony's crypto runs here, outside any transaction.
    Result<NewBoard> made = box_.create(spec);
    if (!made.isOk() && made.status().code() == "manifest.invalid")
        return invalid("election.trustees", made.status().message());
    YISHI_ASSIGN_OR_RETURN(NewBoard board, std::move(made));

    Election e;
    e.owner = owner;
    e.district_id = place->district;
    e.community_id = place->community;
    e.scope = spec.scope;
    e.subject = r.subject;
    e.kind = r.kind;
    e.title = r.title;
    e.options = r.options;
    e.min = r.min;
    e.max = r.max;
    e.budget = r.budget;
    e.rule = r.rule;
    e.rule_param = r.rule_param;
    e.opens_at = r.opens_at;
    e.closes_at = r.closes_at;
    e.phase = r.demo ? ElectionPhase::kOpen : ElectionPhase::kCeremony;
    e.demo = r.demo;
    e.manifest = board.manifest;
    e.eid = board.eid;
    e.board_pk = board.board_pk;
    e.created_by = actor.userId();
    e.created_at = now;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        auto& store = s.get<ElectionStore>();
        e.id = store.insertElection(e);
        for (std::size_t i = 0; i < board.entries.size(); ++i) store.appendEntry(e.id, i, board.entries[i]);
        store.saveSecrets(e.id, board.secrets);
        s.record(Change{changes::kElectionCreated, now, actor.userId(), e.id.value, e.community_id});
        // Each wish is checked again here: another round may have taken it meanwhile.
        for (const ElectionOption& o : e.options) {
            if (o.proposal_id == 0) continue;
            YISHI_RETURN_IF_ERROR(wishes_->check(s, o.proposal_id, owner).status());
            YISHI_RETURN_IF_ERROR(wishes_->enter(s, actor, o.proposal_id, e.id, now));
        }
        return Status::ok();
    }));
    return get(actor, e.id);
}

Result<Election> ElectionService::load(ElectionId id) {
    std::optional<Election> e;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        e = s.get<ElectionStore>().election(id);
        return Status::ok();
    }));
    if (!e) return Status::notFound("election.not_found", "There is no such election.");
    return std::move(*e);
}

Status ElectionService::published(Stores& s, Election election, const BoardView& board, Instant now) {
    election.phase = ElectionPhase::kPublished;
    election.counts = board.counts;
    election.selected = board.selected;
    for (ElectionListener* listener : listeners_) YISHI_RETURN_IF_ERROR(listener->onPublished(s, election, now));
    return Status::ok();
}

Result<Election> ElectionService::finish(const Election& election, UserId by) {
    const Instant now = clock_.now();
    Result<Appended> done = box_.finish(election.id, [&](const Appended& appended) {
        return db_.write([&](Stores& s) {
            persistAppended(s.get<ElectionStore>(), election.id, appended);
            if (appended.after.phase == ElectionPhase::kPublished) {
                s.record(Change{changes::kElectionPublished, now, by, election.id.value, election.community_id});
                return published(s, election, appended.after, now);
            }
            return Status::ok();
        });
    });
    // Another caller may have closed it meanwhile: what is stored says.
    if (!done.isOk() && done.status().code() != "election.not_open") return done.status();
    return load(election.id);
}

Result<ElectionService::Posted> ElectionService::postTrusteeMessage(ElectionId id, const std::string& message) {
    YISHI_ASSIGN_OR_RETURN(Election e, load(id));
    const Instant now = clock_.now();
    YISHI_ASSIGN_OR_RETURN(Appended appended, box_.trustee(id, message, [&](const Appended& a) {
        return db_.write([&](Stores& s) {
            persistAppended(s.get<ElectionStore>(), id, a);
            if (a.after.phase == ElectionPhase::kPublished) {
                s.record(Change{changes::kElectionPublished, now, UserId(), id.value, e.community_id});
                return published(s, e, a.after, now);
            }
            return Status::ok();
        });
    }));
    return Posted{appended.entries.front().index, appended.after.phase};
}

Result<Election> ElectionService::closeIfDue(Election election, UserId by) {
    if (election.phase != ElectionPhase::kOpen || clock_.now() < election.closes_at) return election;
    return finish(election, by);
}

Result<ElectionService::View> ElectionService::get(const Actor& actor, ElectionId id) {
    YISHI_ASSIGN_OR_RETURN(Election e, load(id));
    YISHI_ASSIGN_OR_RETURN(e, closeIfDue(std::move(e), UserId()));
    View view;
    YISHI_ASSIGN_OR_RETURN(view.board, box_.view(id));
    if (actor.isAuthenticated()) {
        YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
            view.my_credential = s.get<ElectionStore>().activeCredential(id, actor.userId());
            return Status::ok();
        }));
    }
    view.election = std::move(e);
    return view;
}

Result<std::vector<Election>> ElectionService::list(ScopeRef scope) {
    std::vector<Election> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        YISHI_ASSIGN_OR_RETURN(ElectionPlace place, findPlace(s, scope));
        auto& store = s.get<ElectionStore>();
        if (place.community_row) {
            out = store.forCommunityResidents(*place.community_row);
        } else {
            out = store.forScope(scope);
        }
        return Status::ok();
    }));
    for (Election& e : out) {
        YISHI_ASSIGN_OR_RETURN(e, closeIfDue(std::move(e), UserId()));
    }
    return out;
}

Result<CommunityId> ElectionService::voterOf(const Actor& actor, const Election& e) {
    CommunityId where;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) -> Status {
        YISHI_ASSIGN_OR_RETURN(where, voterCommunity(s, actor, e));
        return Status::ok();
    }));
    return where;
}

Result<std::uint64_t> ElectionService::enroll(const Actor& actor, ElectionId id, const std::string& message) {
    YISHI_ASSIGN_OR_RETURN(Election e, load(id));
    YISHI_ASSIGN_OR_RETURN(const CommunityId voter_community, voterOf(actor, e));
    YISHI_ASSIGN_OR_RETURN(e, closeIfDue(std::move(e), UserId()));
    if (!acceptsEnrollments(e.phase) || clock_.now() >= e.closes_at) {
        return Status::conflict("enroll.closed", "This election is closed: no more credentials.");
    }
    YISHI_ASSIGN_OR_RETURN(EnrollKeys keys, box_.enrollKeys(id, message));
    const UserId user = actor.userId();
    // Whose credential it is, judged in the transaction that stores it.
    auto check = [&](ElectionStore& store) -> Status {
        const std::optional<std::string> active = store.activeCredential(id, user);
        if (active && keys.replaces != *active) {
            return Status::conflict("credential.exists",
                                    "You have a credential for this election; to replace it, name it as old_pk.");
        }
        if (!active && !keys.replaces.empty()) {
            return Status::conflict("credential.not_yours", "old_pk is not your credential.");
        }
        return Status::ok();
    };
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) { return check(s.get<ElectionStore>()); }));
    const Instant now = clock_.now();
    YISHI_ASSIGN_OR_RETURN(Appended appended, box_.enroll(id, message, [&](const Appended& a) {
        return db_.write([&](Stores& s) {
            auto& store = s.get<ElectionStore>();
            YISHI_RETURN_IF_ERROR(check(store));
            persistAppended(store, id, a);
            store.saveCredential(id, user, keys.credential, now);
            s.record(Change{changes::kCredentialEnrolled, now, user, id.value, voter_community});
            return Status::ok();
        });
    }));
    return appended.entries.front().index;
}

Result<BallotReceipt> ElectionService::cast(const Actor& actor, ElectionId id, const std::string& message) {
    YISHI_ASSIGN_OR_RETURN(Election e, load(id));
    YISHI_ASSIGN_OR_RETURN(const CommunityId voter_community, voterOf(actor, e));
    YISHI_ASSIGN_OR_RETURN(e, closeIfDue(std::move(e), UserId()));
    const Instant now = clock_.now();
    if (e.phase == ElectionPhase::kCeremony || now < e.opens_at) {
        return Status::conflict("ballot.not_open", "Voting has not opened yet.");
    }
    if (e.phase != ElectionPhase::kOpen || now >= e.closes_at) {
        return Status::conflict("ballot.closed", "Voting has closed.");
    }
    YISHI_ASSIGN_OR_RETURN(std::string key, box_.ballotKey(id, message));
    const UserId user = actor.userId();
    auto check = [&](ElectionStore& store) -> Status {
        if (store.activeCredential(id, user) != key) {
            return Status::conflict("ballot.not_enrolled", "The ballot is not signed by your active credential.");
        }
        return Status::ok();
    };
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) { return check(s.get<ElectionStore>()); }));
    // In the transaction of the ballot's group (the box writes the entries and the head).
    return box_.cast(id, message, [&](Stores& s) {
        YISHI_RETURN_IF_ERROR(check(s.get<ElectionStore>()));
        s.record(Change{.kind = changes::kVoteCast,
                        .at = clock_.now(),
                        .actor = user,
                        .subject_id = id.value,
                        .community = voter_community,
                        .reason = "",
                        .owner = user});
        return Status::ok();
    });
}

Result<ElectionService::View> ElectionService::close(const Actor& actor, ElectionId id) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_ASSIGN_OR_RETURN(Election e, load(id));
    bool manages = false;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        Result<ElectionPlace> place = findPlace(s, e.owner);
        manages = place.isOk() && managesPlace(actor, *place);
        return Status::ok();
    }));
    if (!manages) {
        return Status::forbidden("election.forbidden", std::string("Only those who manage this ") +
                                                           scopeKindName(e.owner.kind) + " close its elections.");
    }
    if (e.phase != ElectionPhase::kOpen) return Status::conflict("election.not_open", "This election is not open.");
    if (clock_.now() < e.closes_at) {
        return Status::conflict("election.not_due", "The election closes at closes_at, not before.");
    }
    YISHI_RETURN_IF_ERROR(finish(e, actor.userId()).status());
    return get(actor, id);
}

Result<int> ElectionService::closeDue() {
    std::vector<ElectionId> due;
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        due = s.get<ElectionStore>().due(now);
        return Status::ok();
    }));
    int closed = 0;
    for (ElectionId id : due) {
        YISHI_ASSIGN_OR_RETURN(Election e, load(id));
        if (e.phase != ElectionPhase::kOpen) continue;
        YISHI_ASSIGN_OR_RETURN(e, finish(e, UserId()));
        ++closed;
    }
    return closed;
}

Result<SignedHead> ElectionService::head(ElectionId id) {
    YISHI_RETURN_IF_ERROR(load(id).status());
    return box_.head(id);
}

Result<std::vector<std::string>> ElectionService::inclusionProof(ElectionId id, std::uint64_t index,
                                                                 std::uint64_t size) {
    YISHI_RETURN_IF_ERROR(load(id).status());
    return box_.inclusionProof(id, index, size);
}

Result<std::vector<std::string>> ElectionService::consistencyProof(ElectionId id, std::uint64_t from,
                                                                   std::uint64_t to) {
    YISHI_RETURN_IF_ERROR(load(id).status());
    return box_.consistencyProof(id, from, to);
}

Result<ElectionService::RecordPlan> ElectionService::record(ElectionId id) {
    YISHI_RETURN_IF_ERROR(load(id).status());
    YISHI_ASSIGN_OR_RETURN(SignedHead head, box_.head(id));
    RecordPlan plan;
    plan.size = head.size;
    plan.head = head.bytes;
    std::uint64_t entry_bytes = 0;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        entry_bytes = s.get<ElectionStore>().entryBytes(id, head.size);
        return Status::ok();
    }));
    plan.length =
        box_.recordPrefix(plan.size).size() + 4 * plan.size + entry_bytes + box_.recordField(plan.head).size();
    return plan;
}

Result<std::vector<std::string>> ElectionService::entries(ElectionId id, std::uint64_t from, std::uint64_t limit) {
    std::vector<std::string> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        out = s.get<ElectionStore>().entries(id, from, limit);
        return Status::ok();
    }));
    return out;
}

Result<ElectionService::EntriesPage> ElectionService::entriesPage(ElectionId id, std::uint64_t from,
                                                                  std::uint64_t limit) {
    YISHI_RETURN_IF_ERROR(load(id).status());
    YISHI_ASSIGN_OR_RETURN(SignedHead head, box_.head(id));
    EntriesPage page;
    page.size = head.size;
    // Only what the head covers: a reader never sees an entry no signed head vouches for.
    if (from < head.size) {
        YISHI_ASSIGN_OR_RETURN(page.entries, entries(id, from, std::min(limit, head.size - from)));
    }
    return page;
}

}  // namespace yishi::domain
