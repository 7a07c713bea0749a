#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/ballot_box.h"
#include "yishi/domain/election.h"
#include "yishi/domain/election_listener.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Verifiable elections of a community (docs/election-record.md): the
// committee creates one, verified residents enroll a credential and vote,
// and once closes_at has passed the server closes the roster, tallies and,
// in demo mode (the server plays every trustee), decrypts and publishes the
// result. The rules live here (who may do what, when); the record's checks
// live behind the BallotBox. Thread-safe.
class ElectionService {
  public:
    struct CreateRequest {
        ElectionKind kind = ElectionKind::kReferendum;
        std::string title;
        std::string subject;
        std::vector<ElectionOption> options;  // approval; a referendum's are fixed
        std::int64_t min = 1;
        std::int64_t max = 1;
        std::int64_t budget = 0;
        std::string rule;
        std::int64_t rule_param = 0;
        Instant opens_at;
        Instant closes_at;
        // Demo mode: the server plays three trustees, any two decrypt.
        // Otherwise the trustees named here, any `quorum` of whom decrypt.
        bool demo = true;
        std::vector<TrusteeKeys> trustees;
        std::int64_t quorum = 0;
    };

    struct Posted {
        std::uint64_t index = 0;  // the message's entry
        ElectionPhase phase = ElectionPhase::kCeremony;
    };

    struct View {
        Election election;
        BoardView board;
        // The caller's active credential key, when signed in and enrolled.
        std::optional<std::string> my_credential;
    };

    // The record up to the latest signed head (6.5): its size, the head's
    // bytes and the file's length in bytes.
    struct RecordPlan {
        std::uint64_t size = 0;
        std::string head;
        std::uint64_t length = 0;
    };

    ElectionService(Database& db, const Clock& clock, BallotBox& box, SecretSource& secrets);

    // The committee of `community` (or an admin of its district) creates an
    // election and, in demo mode, runs the whole key ceremony: it is open
    // when this returns; with external trustees it is in its ceremony until
    // they have posted their messages. forbidden "election.forbidden"; not_found
    // "community.not_found"; invalid "election.kind", "election.title",
    // "election.options", "election.range", "election.budget",
    // "election.rule", "election.window", "election.trustees".
    Result<View> create(const Actor& actor, CommunityId community, const CreateRequest& request);
    // A trustee's message (election-record.md 5.4, 5.8): anyone may post
    // one, its signature under a trustee's key of the manifest is what
    // counts. The server opens the election after the last ok and publishes
    // the result after the quorum-th partial decryption. not_found
    // "election.not_found"; invalid "trustee.format" and the board's checks.
    Result<Posted> postTrusteeMessage(ElectionId id, const std::string& message);
    // Anyone; closes the election first when its deadline has passed.
    // not_found "election.not_found".
    Result<View> get(const Actor& actor, ElectionId id);
    Result<std::vector<Election>> list(CommunityId community);

    // A verified resident of the election's community registers a credential
    // (an enroll message); one active credential per resident, replaced
    // (old_pk) only before it signed a ballot. Returns the entry's index.
    // conflict "enroll.closed", "credential.exists" (has one: name it as
    // old_pk), "credential.not_yours" (old_pk is not theirs); and the
    // board's checks (enroll.format, enroll.key, enroll.duplicate,
    // enroll.replace, message.signature).
    Result<std::uint64_t> enroll(const Actor& actor, ElectionId id, const std::string& message);
    // A verified resident casts a ballot signed by their active credential;
    // answers with the receipt once the ballot is durable. conflict
    // "ballot.not_open", "ballot.closed", "ballot.not_enrolled" (not their
    // active credential); and the board's checks (docs/election-record.md 7.6).
    Result<BallotReceipt> cast(const Actor& actor, ElectionId id, const std::string& message);
    // Those who manage the community close it once closes_at has passed.
    // forbidden "election.forbidden"; conflict "election.not_due",
    // "election.not_open" (already closed).
    Result<View> close(const Actor& actor, ElectionId id);
    // Closes every election whose deadline has passed (the feature's tick);
    // returns how many it closed.
    Result<int> closeDue();

    Result<SignedHead> head(ElectionId id);
    Result<std::vector<std::string>> inclusionProof(ElectionId id, std::uint64_t index, std::uint64_t size);
    Result<std::vector<std::string>> consistencyProof(ElectionId id, std::uint64_t from, std::uint64_t to);
    Result<RecordPlan> record(ElectionId id);
    // D[from .. from+limit) of the stored board (entries below a head's size
    // never change).
    Result<std::vector<std::string>> entries(ElectionId id, std::uint64_t from, std::uint64_t limit);
    // A page of the board for clients that replay it (trustees): D[from ..
    // from+limit) cut at the latest signed head, and that head's size.
    // not_found "election.not_found".
    struct EntriesPage {
        std::vector<std::string> entries;
        std::uint64_t size = 0;
    };
    Result<EntriesPage> entriesPage(ElectionId id, std::uint64_t from, std::uint64_t limit);
    std::string recordPrefix(std::uint64_t size) const { return box_.recordPrefix(size); }
    std::string recordField(std::string_view bytes) const { return box_.recordField(bytes); }

    Instant now() const { return clock_.now(); }

    // Tells `listener` of every result published from now on. Call before
    // the server starts; not thread-safe.
    void addListener(ElectionListener& listener) { listeners_.push_back(&listener); }

  private:
    Result<Election> load(ElectionId id);
    // Closes, tallies and publishes `election` when its deadline has passed
    // and it is still open; returns it as it is afterwards.
    Result<Election> closeIfDue(Election election, UserId by);
    Result<Election> finish(const Election& election, UserId by);
    // Inside the publishing transaction: the listeners hear of the result.
    Status published(Stores& s, Election election, const BoardView& board, Instant now);

    Database& db_;
    const Clock& clock_;
    BallotBox& box_;
    SecretSource& secrets_;
    std::vector<ElectionListener*> listeners_;
};

}  // namespace yishi::domain
