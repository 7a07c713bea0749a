#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "yishi/common/clock.h"
#include "yishi/common/mutex.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/domain/ballot_box.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/selection.h"
#include "yishi/election/board.h"
#include "yishi/election/board_state.h"
#include "yishi/election/messages.h"

namespace yishi::app {

// The BallotBox over core/election: one BoardState per election in memory
// (the checks of docs/election-record.md section 7 and the Merkle tree),
// loaded from the stored entries at first use and re-checked entry by entry.
// The entries themselves stay in the database: the service streams records
// from there. A message is checked, then persisted (the caller's callback,
// one transaction), and only then kept: a refused or unsaved message never
// reaches the board.
//
// Thread-safe: a mutex per election serializes its appends; a ballot's
// signature and proofs are checked before that mutex is taken. Ballots queue
// for it, and whoever takes it appends every ballot queued meanwhile and
// writes them in one transaction (group commit: one flush to disk shared by
// the group, not one per ballot held under the mutex).
class RecordBallotBox final : public domain::BallotBox {
  public:
    // `rules`: the districts' selection plugins. An approval election's
    // manifest names the plugin serving its district (name, version, source
    // hash; the district of its community, street or itself), and its
    // result is what that plugin selects from the counts (groups become the
    // plugin's communities, rule_param its threshold or quota).
    // Null: the record's own definition of the rule (election-record.md 5.9)
    // selects, and the manifest names no plugin.
    RecordBallotBox(domain::Database& db, const Clock& clock, domain::DistrictPlugins* rules = nullptr)
        : db_(db), clock_(clock), rules_(rules) {}

    Result<domain::NewBoard> create(const domain::BoardSpec& spec) override;
    Result<domain::BoardView> view(domain::ElectionId id) override;
    Result<domain::EnrollKeys> enrollKeys(domain::ElectionId id, std::string_view message) override;
    Result<std::string> ballotKey(domain::ElectionId id, std::string_view message) override;
    Result<domain::Appended> enroll(domain::ElectionId id, std::string_view message,
                                    const domain::PersistAppended& persist) override;
    Result<domain::BallotReceipt> cast(domain::ElectionId id, std::string_view message,
                                       const domain::RecordBallot& record) override;
    Result<domain::Appended> trustee(domain::ElectionId id, std::string_view message,
                                     const domain::PersistAppended& persist) override;
    Result<domain::Appended> finish(domain::ElectionId id, const domain::PersistAppended& persist) override;
    Result<domain::SignedHead> head(domain::ElectionId id) override;
    Result<std::vector<std::string>> inclusionProof(domain::ElectionId id, std::uint64_t index,
                                                    std::uint64_t size) override;
    Result<std::vector<std::string>> consistencyProof(domain::ElectionId id, std::uint64_t from,
                                                      std::uint64_t to) override;
    Result<domain::RecordedRule> recordedRule(std::string_view manifest) const override;
    std::string recordPrefix(std::uint64_t entry_count) const override;
    std::string recordField(std::string_view bytes) const override;

  private:
    // What never changes once a board is loaded.
    struct Fixed {
        election::Manifest manifest;
        crypto::ElectionId eid{};
        crypto::SigningKey board_key;
        std::vector<std::string> trustee_states;  // demo
        DistrictId district;                      // whose plugin selects
    };
    // A ballot whose signature and proofs held, waiting for its group. Its
    // `result` is set, under the board's mutex, once its group committed
    // (or refused it).
    struct QueuedBallot {
        std::string message;
        std::string hash;
        std::shared_ptr<const Fixed> fixed;       // what its proofs were checked against
        std::vector<crypto::Ciphertext> decoded;  // its (a_i, b_i), decoded by those checks
        const domain::RecordBallot* record = nullptr;
        std::optional<Result<domain::BallotReceipt>> result;
    };
    using Group = std::vector<std::shared_ptr<QueuedBallot>>;
    struct Board {
        Mutex queue_mutex;  // taken alone or inside `mutex`, never the other way round
        Group queue YISHI_GUARDED_BY(queue_mutex);
        Mutex mutex;
        std::shared_ptr<const Fixed> fixed YISHI_GUARDED_BY(mutex);
        std::optional<election::BoardState> state YISHI_GUARDED_BY(mutex);
        election::TreeHead head YISHI_GUARDED_BY(mutex);
        std::unordered_set<std::string> ballot_hashes YISHI_GUARDED_BY(mutex);
        // The ceremony so far, for the open message (5.4).
        std::vector<election::TrusteeReveal> reveals YISHI_GUARDED_BY(mutex);
        std::int64_t oks YISHI_GUARDED_BY(mutex) = 0;
    };

    // The board of `id` (made empty on first use); lock its mutex, then
    // ensureLoaded.
    std::shared_ptr<Board> board(domain::ElectionId id);
    Status ensureLoaded(domain::ElectionId id, Board& board) YISHI_REQUIRES(board.mutex);
    // Messages the server derives from the board once the ones given are on it.
    using Derive = std::function<Result<std::vector<std::string>>(const election::BoardState&)>;
    // Appends `messages` to the state (checked), then what `derive` makes of
    // the state (checked too), signs the head over them, persists and keeps;
    // on any failure the board is reloaded on next use.
    Result<domain::Appended> admit(Board& board, const std::vector<std::string>& messages, bool ballot_checked,
                                   const domain::PersistAppended& persist, const Derive& derive = nullptr)
        YISHI_REQUIRES(board.mutex);
    // Appends the queued ballots of `group` that pass the checks under one
    // signed head and writes them in one transaction; answers each. When the
    // transaction fails, the board is reloaded and each ballot is tried alone.
    void castGroup(domain::ElectionId id, Board& board, const Group& group) YISHI_REQUIRES(board.mutex);
    std::int64_t nextAt(const Board& board) const YISHI_REQUIRES(board.mutex);
    // Keeps what the board needs later from a message it holds.
    static void note(Board& board, std::string_view message) YISHI_REQUIRES(board.mutex);
    // The result message (5.8) from the tally and the first quorum partials.
    Result<std::string> resultMessage(const Fixed& fixed, const election::Tally& tally,
                                      std::vector<election::Partial> partials);
    static domain::BoardView viewOf(const election::BoardState& state);
    static domain::SignedHead signedHead(const election::TreeHead& head);

    // The election's district plugin's selection from the counts, as option indices;
    // internal "result.selection" when it is not what the record's rule
    // (5.9) selects, so no result a verifier would refuse is published.
    Result<std::vector<std::int64_t>> districtSelection(const Fixed& fixed, const std::vector<std::int64_t>& counts);

    domain::Database& db_;
    const Clock& clock_;
    domain::DistrictPlugins* rules_;
    Mutex boards_mutex_;
    std::map<std::int64_t, std::shared_ptr<Board>> boards_ YISHI_GUARDED_BY(boards_mutex_);
};

}  // namespace yishi::app
