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
#include "yishi/domain/round_wishes.h"

namespace yishi::domain {

// Verifiable elections (docs/election-record.md) of a community, or of a
// street or the district for rounds that span communities: those who
// manage the scope create one, verified residents of its communities enroll
// a credential and vote,
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
        // Approval; a referendum's are fixed. An option that names a wish
        // (proposal_id) leaves label and group empty: they come from the wish.
        std::vector<ElectionOption> options;
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

    // Those who manage `owner` (a community: its committee or an admin of its
    // district; a street: its staff or an admin of its district; a district:
    // its admins) create an election and, in demo mode, run the whole key
    // ceremony: it is open when this returns; with external trustees it is
    // in its ceremony until they have posted their messages. Options that
    // name wishes (a 民心项目 round) move those wishes from accepted to
    // voting in the same transaction (RoundWishes). forbidden
    // "election.forbidden"; not_found "community.not_found",
    // "street.not_found", "district.not_found"; invalid "election.kind",
    // "election.title", "election.options", "election.range",
    // "election.budget", "election.rule", "election.window",
    // "election.trustees", and RoundWishes::check's codes
    // ("election.option_*").
    Result<View> create(const Actor& actor, ScopeRef owner, const CreateRequest& request);
    // A trustee's message (election-record.md 5.4, 5.8): anyone may post
    // one, its signature under a trustee's key of the manifest is what
    // counts. The server opens the election after the last ok and publishes
    // the result after the quorum-th partial decryption. not_found
    // "election.not_found"; invalid "trustee.format" and the board's checks.
    Result<Posted> postTrusteeMessage(ElectionId id, const std::string& message);
    // Anyone; closes the election first when its deadline has passed.
    // not_found "election.not_found".
    Result<View> get(const Actor& actor, ElectionId id);
    // The elections of `scope`, newest first. For a community, also those of
    // its street and district: every election its residents may vote in.
    // not_found "community.not_found", "street.not_found",
    // "district.not_found".
    Result<std::vector<Election>> list(ScopeRef scope);

    // A verified resident of a community within the election's scope
    // (forbidden "membership.*" otherwise) registers a credential
    // (an enroll message); one active credential per resident, replaced
    // (old_pk) only before it signed a ballot. Returns the entry's index.
    // conflict "enroll.closed", "credential.exists" (has one: name it as
    // old_pk), "credential.not_yours" (old_pk is not theirs); and the
    // board's checks (enroll.format, enroll.key, enroll.duplicate,
    // enroll.replace, message.signature).
    Result<std::uint64_t> enroll(const Actor& actor, ElectionId id, const std::string& message);
    // A verified resident of a community within the election's scope casts
    // a ballot signed by their active credential (its vote.cast change
    // names that community, whose district's points rule hears of it);
    // answers with the receipt once the ballot is durable. conflict
    // "ballot.not_open", "ballot.closed", "ballot.not_enrolled" (not their
    // active credential); and the board's checks (docs/election-record.md 7.6).
    Result<BallotReceipt> cast(const Actor& actor, ElectionId id, const std::string& message);
    // Those who manage the election's scope close it once closes_at has passed.
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
    // The rule `election`'s manifest names and the plugin it names to judge it.
    Result<RecordedRule> recordedRule(const Election& election) const { return box_.recordedRule(election.manifest); }
    std::string recordPrefix(std::uint64_t size) const { return box_.recordPrefix(size); }
    std::string recordField(std::string_view bytes) const { return box_.recordField(bytes); }

    Instant now() const { return clock_.now(); }

    // Tells `listener` of every result published from now on. Call before
    // the server starts; not thread-safe.
    void addListener(ElectionListener& listener) { listeners_.push_back(&listener); }
    // Where options that name wishes are checked and moved. Without one, such
    // an option is refused ("election.option_proposal"). Call before the
    // server starts; not thread-safe.
    void setRoundWishes(RoundWishes& wishes) { wishes_ = &wishes; }

  private:
    Result<Election> load(ElectionId id);
    // The community within e's scope for which `actor` votes (see voterCommunity).
    Result<CommunityId> voterOf(const Actor& actor, const Election& e);
    // Closes, tallies and publishes `election` when its deadline has passed
    // and it is still open; returns it as it is afterwards.
    Result<Election> closeIfDue(Election election, UserId by);
    Result<Election> finish(const Election& election, UserId by);
    // Inside the publishing transaction: the listeners hear of the result.
    Status published(Stores& s, Election election, const BoardView& board, Instant now);
    // The options that name wishes get the wish's title and community, each
    // checked by RoundWishes (in the transaction of `s`).
    Status resolveWishes(Stores& s, ScopeRef owner, std::vector<ElectionOption>& options);

    Database& db_;
    const Clock& clock_;
    BallotBox& box_;
    SecretSource& secrets_;
    std::vector<ElectionListener*> listeners_;
    RoundWishes* wishes_ = nullptr;
};

}  // namespace yishi::domain
