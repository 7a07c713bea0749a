#include "record_ballot_box.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <span>
#include <thread>

#include "yishi/crypto/merkle_hash.h"
#include "yishi/domain/election_store.h"
#include "yishi/election/messages.h"
#include "yishi/election/selection_rules.h"
#include "yishi/election/tally.h"
#include "yishi/election/trustee.h"
#include "yishi/election/verifier.h"

namespace yishi::app {

using domain::ElectionId;

namespace {

// Entries read (and their ballots checked on every core) at a time when a
// board is loaded.
constexpr std::uint64_t kLoadChunk = 2048;

std::int64_t millis(Instant t) { return t.micros() / 1000; }

election::ElectionKind kindOf(domain::ElectionKind kind) {
    return kind == domain::ElectionKind::kReferendum ? election::ElectionKind::kReferendum
                                                     : election::ElectionKind::kApproval;
}

domain::ElectionPhase phaseOf(election::Phase phase) {
    switch (phase) {
        case election::Phase::kCeremony: return domain::ElectionPhase::kCeremony;
        case election::Phase::kOpen: return domain::ElectionPhase::kOpen;
        case election::Phase::kClosed: return domain::ElectionPhase::kClosed;
        case election::Phase::kTallied:
        case election::Phase::kDecrypted: return domain::ElectionPhase::kTallied;
        case election::Phase::kPublished: return domain::ElectionPhase::kPublished;
    }
    return domain::ElectionPhase::kCeremony;
}

std::string bytesOf(const crypto::ElectionId& eid) { return std::string(crypto::asBytes(eid)); }

std::vector<std::string> proofBytes(const std::vector<crypto::MerkleHash>& proof) {
    std::vector<std::string> out;
    out.reserve(proof.size());
    for (const auto& h : proof) out.push_back(crypto::merkleHashBytes(h));
    return out;
}

// The server names a refused ballot more precisely than the record can
// (docs/election-record.md 7.6): the codes residents' clients rely on.
Status ballotRefusal(const Status& s, std::int64_t at, const election::Manifest& manifest, bool replay) {
    const std::string& code = s.code();
    if (code == "entry.election") return Status::invalid("ballot.wrong_election", s.message());
    if (code == "message.format" || code == "entry.format") return Status::invalid("ballot.format", s.message());
    if (code == "message.signature") return Status::invalid("ballot.signature", s.message());
    if (code == "ballot.window" || code == "entry.order") {
        if (at < manifest.opens_at_ms) return Status::conflict("ballot.not_open", "Voting has not opened yet.");
        return Status::conflict("ballot.closed", "Voting has closed.");
    }
    if (code == "ballot.duplicate") {
        if (replay) return Status::conflict("ballot.replay", "This very ballot is already on the board.");
        return Status::conflict("ballot.duplicate", s.message());
    }
    if (code == "ballot.not_enrolled") return Status::conflict(code, s.message());
    return s;
}

// The plugin's select hook knows a project's community as a number
// (docs/plugins.md): each distinct group gets one. A group "community/<id>"
// is that community's id; any other group a number below zero, by first
// appearance (or when its number is another group's, as "community/05"
// after "community/5"), so no two groups share one.
std::vector<std::int64_t> groupNumbers(const election::Manifest& manifest) {
    constexpr std::string_view kCommunity = "community/";
    std::map<std::string, std::int64_t> numbers;
    std::vector<std::int64_t> out;
    for (const auto& o : manifest.options) {
        auto it = numbers.find(o.group);
        if (it == numbers.end()) {
            std::int64_t n = -static_cast<std::int64_t>(numbers.size()) - 1;
            if (o.group.rfind(kCommunity, 0) == 0) {
                const std::string digits = o.group.substr(kCommunity.size());
                std::int64_t id = 0;
                const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
                const bool taken =
                    std::any_of(numbers.begin(), numbers.end(), [&](const auto& g) { return g.second == id; });
                if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size() && id > 0 && !taken)
                    n = id;
            }
            it = numbers.emplace(o.group, n).first;
        }
        out.push_back(it->second);
    }
    return out;
}

template <typename T>
Result<T> parseAs(std::string_view message, const election::Manifest& manifest, const crypto::ElectionId& eid,
                  const char* format_code, const char* wrong_election_code) {
    Result<election::Message> parsed = election::parseMessage(message, manifest, eid);
    if (!parsed.isOk()) {
        if (parsed.status().code() == "entry.election")
            return Status::invalid(wrong_election_code, parsed.status().message());
        return Status::invalid(format_code, parsed.status().message());
    }
    if (!std::holds_alternative<T>(*parsed)) {
        return Status::invalid(format_code, "This is a " + std::string(election::messageName(*parsed)) + " message.");
    }
    return std::get<T>(std::move(parsed).value());
}

}  // namespace

Result<domain::RecordedRule> RecordBallotBox::recordedRule(std::string_view manifest) const {
    YISHI_ASSIGN_OR_RETURN(election::Manifest m, election::Manifest::parse(manifest));
    return domain::RecordedRule{m.rule, m.rule_param, m.rule_version, m.rule_hash};
}

std::string RecordBallotBox::recordPrefix(std::uint64_t entry_count) const {
    return election::recordPrefix(entry_count);
}

std::string RecordBallotBox::recordField(std::string_view bytes) const { return election::recordField(bytes); }

domain::BoardView RecordBallotBox::viewOf(const election::BoardState& state) {
    domain::BoardView v;
    v.phase = phaseOf(state.phase());
    v.size = state.size();
    if (state.electionKey()) v.election_key = state.electionKey()->encoded();
    if (state.result()) {
        v.counts = state.result()->counts;
        v.selected = state.result()->selected;
    }
    return v;
}

domain::SignedHead RecordBallotBox::signedHead(const election::TreeHead& head) {
    return {head.size, crypto::merkleHashBytes(head.root), head.at_ms, head.sig, head.encoded()};
}

Result<domain::NewBoard> RecordBallotBox::create(const domain::BoardSpec& spec) {
    std::vector<election::Trustee> trustees;
    if (spec.demo) {
        for (std::int64_t j = 1; j <= spec.demo_trustees; ++j)
            trustees.push_back(election::Trustee::generate(j, "demo trustee " + std::to_string(j)));
    }
    const crypto::SigningKey board_key = crypto::SigningKey::generate();

    election::Manifest m;
    m.ref = spec.ref;
    m.scope = spec.scope;
    m.subject = spec.subject;
    m.kind = kindOf(spec.kind);
    m.title = spec.title;
    for (const auto& o : spec.options) m.options.push_back({o.label, o.cost, o.group});
    m.min = spec.min;
    m.max = spec.max;
    m.budget = spec.budget;
    m.opens_at_ms = millis(spec.opens_at);
    m.closes_at_ms = millis(spec.closes_at);
    m.quorum = spec.quorum;
    for (const auto& t : trustees) m.trustees.push_back(t.spec());
    for (const auto& t : spec.trustees) m.trustees.push_back({t.name, t.sign_pk, t.box_pk});
    m.demo = spec.demo;
    m.board_pk = board_key.verifyKey().encoded();
    m.rule = spec.rule;
    m.rule_param = spec.rule_param;
    if (!spec.rule.empty() && rules_ == nullptr) m.rule_version = "builtin-1";
    if (!spec.rule.empty() && rules_ != nullptr) {
        // The district's plugin selects, whether the election is a community's, a street's or the district's.
        YISHI_ASSIGN_OR_RETURN(domain::PluginInfo plugin, rules_->info(spec.district));
        m.rule_version = plugin.name + " " + plugin.version;
        m.rule_hash = plugin.hash;
    }
    YISHI_RETURN_IF_ERROR(m.validate());

    domain::NewBoard out;
    out.manifest = m.encoded();
    YISHI_ASSIGN_OR_RETURN(election::BoardState state, election::BoardState::start(out.manifest));
    const crypto::ElectionId eid = state.electionId();
    out.entries.push_back(out.manifest);
    out.eid = bytesOf(eid);
    out.board_pk = m.board_pk;
    out.secrets.board_seed = board_key.seed();
    if (!spec.demo) return out;

    const std::int64_t at = millis(clock_.now());
    // Every ceremony message goes through the same checks as any entry.
    auto append = [&](const election::Message& message) -> Status {
        std::string entry = election::Entry{eid, at, election::encodeMessage(message, eid)}.encoded();
        YISHI_RETURN_IF_ERROR(state.append(entry));
        out.entries.push_back(std::move(entry));
        return Status::ok();
    };
    std::vector<election::TrusteeReveal> reveals;
    std::vector<election::TrusteeShares> shares;
    for (auto& t : trustees) YISHI_RETURN_IF_ERROR(append(t.commit(m, eid)));
    for (auto& t : trustees) {
        reveals.push_back(t.reveal(eid));
        YISHI_RETURN_IF_ERROR(append(reveals.back()));
    }
    for (auto& t : trustees) {
        YISHI_ASSIGN_OR_RETURN(election::TrusteeShares s, t.shares(m, eid));
        shares.push_back(s);
        YISHI_RETURN_IF_ERROR(append(s));
    }
    for (auto& t : trustees) {
        YISHI_ASSIGN_OR_RETURN(election::TrusteeOk ok, t.confirm(m, eid, reveals, shares));
        YISHI_RETURN_IF_ERROR(append(ok));
    }
    YISHI_ASSIGN_OR_RETURN(election::Open open, election::openKeys(m, reveals));
    YISHI_RETURN_IF_ERROR(append(open));
    for (const auto& t : trustees) out.secrets.trustee_states.push_back(t.exportState());
    return out;
}

void RecordBallotBox::note(Board& b, std::string_view message) {
    Result<election::Message> m = election::parseMessage(message, b.fixed->manifest, b.fixed->eid);
    if (!m.isOk()) return;
    if (const auto* reveal = std::get_if<election::TrusteeReveal>(&*m)) b.reveals.push_back(*reveal);
    if (std::holds_alternative<election::TrusteeOk>(*m)) ++b.oks;
    if (std::holds_alternative<election::Ballot>(*m)) b.ballot_hashes.insert(election::ballotHash(message));
}

Result<std::string> RecordBallotBox::resultMessage(const Fixed& fixed, const election::Tally& tally,
                                                   std::vector<election::Partial> partials) {
    partials.resize(static_cast<std::size_t>(fixed.manifest.quorum));
    YISHI_ASSIGN_OR_RETURN(std::vector<crypto::Point> sums, election::combinePartials(tally, partials));
    election::ElectionResult result;
    for (const crypto::Point& mi : sums) {
        const std::optional<std::int64_t> n = election::discreteLog(mi, tally.counted);
        if (!n) return Status::internal("result.count", "A count was not found by its discrete logarithm.");
        result.counts.push_back(*n);
    }
    if (!fixed.manifest.rule.empty() && rules_ != nullptr) {
        YISHI_ASSIGN_OR_RETURN(result.selected, districtSelection(fixed, result.counts));
    } else {
        result.selected = election::selectOptions(fixed.manifest, result.counts);
    }
    return election::encodeMessage(result, fixed.eid);
}

Result<std::vector<std::int64_t>> RecordBallotBox::districtSelection(const Fixed& fixed,
                                                                     const std::vector<std::int64_t>& counts) {
    const election::Manifest& manifest = fixed.manifest;
    domain::SelectionRequest request;
    request.budget = manifest.budget;
    request.rule = manifest.rule;
    if (manifest.rule == "greedy-threshold") request.threshold = manifest.rule_param;
    if (manifest.rule == "greedy-quota") request.quota_per_community = manifest.rule_param;
    const std::vector<std::int64_t> groups = groupNumbers(manifest);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        std::optional<std::int64_t> community;
        if (!manifest.options[i].group.empty()) community = groups[i];
        request.projects.push_back({std::to_string(i), manifest.options[i].cost, counts[i], community});
    }
    YISHI_ASSIGN_OR_RETURN(domain::SelectionOutcome outcome, rules_->select(fixed.district, request));
    std::vector<std::int64_t> selected;
    for (const std::string& id : outcome.selected) selected.push_back(std::stoll(id));
    // The record's rule is the definition a verifier re-runs: a district
    // plugin that selects otherwise would publish a result nobody can check.
    if (selected != election::selectOptions(manifest, counts)) {
        return Status::internal("result.selection", "The district's plugin " + outcome.plugin.name + " " +
                                                        outcome.plugin.version + " selects otherwise than the rule " +
                                                        manifest.rule + " of election-record.md 5.9; not published.");
    }
    return selected;
}

std::shared_ptr<RecordBallotBox::Board> RecordBallotBox::board(ElectionId id) {
    MutexLock lock(boards_mutex_);
    std::shared_ptr<Board>& b = boards_[id.value];
    if (!b) b = std::make_shared<Board>();
    return b;
}

Status RecordBallotBox::ensureLoaded(ElectionId id, Board& b) {
    if (b.state) return Status::ok();
    std::optional<domain::ElectionSecrets> secrets;
    std::optional<domain::StoredHead> stored_head;
    std::vector<std::string> first;
    DistrictId district;
    YISHI_RETURN_IF_ERROR(db_.read([&](domain::Stores& s) {
        auto& store = s.get<domain::ElectionStore>();
        if (std::optional<domain::Election> e = store.election(id)) district = e->district_id;
        secrets = store.secrets(id);
        stored_head = store.latestHead(id);
        first = store.entries(id, 0, 1);
        return Status::ok();
    }));
    if (first.empty() || !secrets) return Status::notFound("election.not_found", "There is no such election.");
    auto corrupt = [&](std::uint64_t index, const Status& s) {
        return Status::internal("election.board_corrupt", "Stored entry " + std::to_string(index) + " of election " +
                                                              std::to_string(id.value) +
                                                              " fails its check: " + s.toString());
    };
    Result<election::BoardState> started = election::BoardState::start(first.front());
    if (!started.isOk()) return corrupt(0, started.status());
    election::BoardState state = std::move(started).value();
    Result<crypto::SigningKey> key = crypto::SigningKey::fromSeed(secrets->board_seed);
    if (!key.isOk()) return corrupt(0, key.status());
    auto fixed = std::make_shared<Fixed>(Fixed{state.manifest(), state.electionId(), std::move(key).value(),
                                               std::move(secrets->trustee_states), district});
    b.fixed = fixed;
    b.ballot_hashes.clear();
    b.reveals.clear();
    b.oks = 0;
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    auto append = [&](const std::string& entry, std::uint64_t index, bool crypto_checked) YISHI_REQUIRES(b.mutex) {
        if (Status s = state.append(entry, crypto_checked); !s.isOk()) return corrupt(index, s);
        note(b, election::Entry::parse(entry)->message);
        return Status::ok();
    };
    // Every stored entry is checked again, ballots' proofs included: a row
    // edited behind the server's back stops the board instead of serving it.
    // The ballots' signatures and proofs, the slow part, are checked on every
    // core at once (as the verifier does); the rest in board order.
    for (std::uint64_t from = 1;;) {
        std::vector<std::string> chunk;
        YISHI_RETURN_IF_ERROR(db_.read([&](domain::Stores& s) {
            chunk = s.get<domain::ElectionStore>().entries(id, from, kLoadChunk);
            return Status::ok();
        }));
        std::size_t i = 0;
        for (; i < chunk.size() && !state.electionKey(); ++i) YISHI_RETURN_IF_ERROR(append(chunk[i], from + i, false));
        if (i < chunk.size()) {
            const std::span<const std::string> rest(chunk.data() + i, chunk.size() - i);
            const std::vector<char> crypto_ok =
                election::checkBallotEntries(rest, fixed->manifest, fixed->eid, *state.electionKey(), threads);
            for (std::size_t k = 0; k < rest.size(); ++k)
                YISHI_RETURN_IF_ERROR(append(rest[k], from + i + k, crypto_ok[k] != 0));
        }
        from += chunk.size();
        if (chunk.size() < kLoadChunk) break;
    }
    election::TreeHead head;
    bool have_head = false;
    if (stored_head && stored_head->size == state.size()) {
        Result<election::TreeHead> parsed = election::TreeHead::parse(stored_head->bytes);
        if (parsed.isOk() && parsed->root == state.root()) {
            head = std::move(parsed).value();
            have_head = true;
        }
    }
    b.state.emplace(std::move(state));
    if (!have_head)
        head =
            election::TreeHead{fixed->eid, b.state->size(), b.state->root(), nextAt(b), {}}.signedBy(fixed->board_key);
    b.head = std::move(head);
    return Status::ok();
}

std::int64_t RecordBallotBox::nextAt(const Board& b) const {
    return std::max(millis(clock_.now()), b.state->lastAt().value_or(0));
}

Result<domain::Appended> RecordBallotBox::admit(Board& b, const std::vector<std::string>& messages, bool ballot_checked,
                                                const domain::PersistAppended& persist, const Derive& derive) {
    domain::Appended appended;
    const Fixed& fixed = *b.fixed;
    auto append = [&](const std::string& message) YISHI_REQUIRES(b.mutex) -> Status {
        const std::int64_t at = nextAt(b);
        std::string entry = election::Entry{fixed.eid, at, message}.encoded();
        const std::uint64_t index = b.state->size();
        YISHI_RETURN_IF_ERROR(b.state->append(entry, ballot_checked));
        appended.entries.push_back({index, std::move(entry)});
        return Status::ok();
    };
    Status status = Status::ok();
    for (const std::string& message : messages) {
        status = append(message);
        if (!status.isOk()) break;
    }
    if (status.isOk() && derive) {
        Result<std::vector<std::string>> more = derive(*b.state);
        status = more.status();
        if (more.isOk()) {
            for (const std::string& message : *more) {
                status = append(message);
                if (!status.isOk()) break;
            }
        }
    }
    if (!status.isOk()) {
        // What this admission appended is in the state already: load it again.
        if (!appended.entries.empty()) b.state.reset();
        return status;
    }
    const election::TreeHead head =
        election::TreeHead{fixed.eid, b.state->size(), b.state->root(), nextAt(b), {}}.signedBy(fixed.board_key);
    appended.head = signedHead(head);
    appended.after = viewOf(*b.state);
    if (Status s = persist(appended); !s.isOk()) {
        // The state holds what was not saved: load it again from the rows.
        b.state.reset();
        return s;
    }
    b.head = head;
    for (const auto& e : appended.entries) note(b, election::Entry::parse(e.bytes)->message);
    return appended;
}

Result<domain::BoardView> RecordBallotBox::view(ElectionId id) {
    auto b = board(id);
    MutexLock lock(b->mutex);
    YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
    return viewOf(*b->state);
}

Result<domain::EnrollKeys> RecordBallotBox::enrollKeys(ElectionId id, std::string_view message) {
    std::shared_ptr<const Fixed> fixed;
    {
        auto b = board(id);
        MutexLock lock(b->mutex);
        YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
        fixed = b->fixed;
    }
    YISHI_ASSIGN_OR_RETURN(election::Enroll e, parseAs<election::Enroll>(message, fixed->manifest, fixed->eid,
                                                                         "enroll.format", "enroll.wrong_election"));
    return domain::EnrollKeys{e.credential, e.replaces};
}

Result<std::string> RecordBallotBox::ballotKey(ElectionId id, std::string_view message) {
    std::shared_ptr<const Fixed> fixed;
    {
        auto b = board(id);
        MutexLock lock(b->mutex);
        YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
        fixed = b->fixed;
    }
    YISHI_ASSIGN_OR_RETURN(
        election::Ballot ballot,
        parseAs<election::Ballot>(message, fixed->manifest, fixed->eid, "ballot.format", "ballot.wrong_election"));
    return ballot.credential;
}

Result<domain::Appended> RecordBallotBox::enroll(ElectionId id, std::string_view message,
                                                 const domain::PersistAppended& persist) {
    auto b = board(id);
    MutexLock lock(b->mutex);
    YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
    YISHI_RETURN_IF_ERROR(
        parseAs<election::Enroll>(message, b->fixed->manifest, b->fixed->eid, "enroll.format", "enroll.wrong_election")
            .status());
    Result<domain::Appended> done = admit(*b, {std::string(message)}, false, persist);
    if (!done.isOk() && done.status().code() == "entry.order")
        return Status::conflict("enroll.closed", "This election is closed: no more credentials.");
    return done;
}

Result<domain::BallotReceipt> RecordBallotBox::cast(ElectionId id, std::string_view message,
                                                    const domain::RecordBallot& record) {
    auto b = board(id);
    std::shared_ptr<const Fixed> fixed;
    std::optional<crypto::Point> y;
    {
        MutexLock lock(b->mutex);
        YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
        fixed = b->fixed;
        y = b->state->electionKey();
    }
    if (!y) return Status::conflict("ballot.not_open", "Voting has not opened yet.");
    YISHI_ASSIGN_OR_RETURN(
        election::Ballot ballot,
        parseAs<election::Ballot>(message, fixed->manifest, fixed->eid, "ballot.format", "ballot.wrong_election"));
    // Signature and proofs: the slow part, outside the board's lock.
    const std::int64_t early_at = millis(clock_.now());
    std::vector<crypto::Ciphertext> decoded;
    if (Status s = election::checkBallotCrypto(message, ballot, fixed->manifest, fixed->eid, *y, &decoded); !s.isOk())
        return ballotRefusal(s, early_at, fixed->manifest, false);

    auto queued = std::make_shared<QueuedBallot>();
    queued->decoded = std::move(decoded);
    queued->message = std::string(message);
    queued->hash = election::ballotHash(message);
    queued->fixed = fixed;
    queued->record = &record;
    {
        MutexLock lock(b->queue_mutex);
        b->queue.push_back(queued);
    }
    MutexLock lock(b->mutex);
    // Whoever held the mutex before may have written this ballot's group already.
    if (!queued->result) {
        Group group;
        {
            MutexLock queue_lock(b->queue_mutex);
            group.swap(b->queue);
        }
        castGroup(id, *b, group);
    }
    return std::move(*queued->result);
}

void RecordBallotBox::castGroup(ElectionId id, Board& b, const Group& group) {
    if (Status s = ensureLoaded(id, b); !s.isOk()) {
        for (const auto& q : group) q->result = s;
        return;
    }
    const Fixed& fixed = *b.fixed;
    Group admitted;
    std::vector<domain::Appended::Entry> entries;
    std::unordered_set<std::string> group_hashes;
    for (const auto& q : group) {
        const std::int64_t at = nextAt(b);
        std::string entry = election::Entry{fixed.eid, at, q->message}.encoded();
        const std::uint64_t index = b.state->size();
        const bool checked = q->fixed == b.fixed;
        if (Status s = b.state->append(entry, checked, checked ? &q->decoded : nullptr); !s.isOk()) {
            const bool replay = b.ballot_hashes.count(q->hash) > 0 || group_hashes.count(q->hash) > 0;
            q->result = ballotRefusal(s, at, fixed.manifest, replay);
            continue;
        }
        group_hashes.insert(q->hash);
        admitted.push_back(q);
        entries.push_back({index, std::move(entry)});
    }
    if (admitted.empty()) return;
    const election::TreeHead head =
        election::TreeHead{fixed.eid, b.state->size(), b.state->root(), nextAt(b), {}}.signedBy(fixed.board_key);
    const Status written = db_.write([&](domain::Stores& s) {
        auto& store = s.get<domain::ElectionStore>();
        for (std::size_t k = 0; k < admitted.size(); ++k) {
            YISHI_RETURN_IF_ERROR((*admitted[k]->record)(s));
            store.appendEntry(id, entries[k].index, entries[k].bytes);
        }
        store.saveHead(id, {head.size, head.encoded()});
        return Status::ok();
    });
    if (!written.isOk()) {
        // The state holds what was not saved: load it again from the rows,
        // and give each ballot its own transaction and its own answer.
        b.state.reset();
        if (admitted.size() == 1) {
            admitted.front()->result = written;
            return;
        }
        for (const auto& q : admitted) castGroup(id, b, {q});
        return;
    }
    b.head = head;
    const domain::SignedHead signed_head = signedHead(head);
    for (std::size_t k = 0; k < admitted.size(); ++k) {
        QueuedBallot& q = *admitted[k];
        b.ballot_hashes.insert(q.hash);
        domain::BallotReceipt r;
        r.ballot_hash = q.hash;
        r.tracking_code = election::trackingCode(q.hash);
        r.index = entries[k].index;
        r.at_ms = election::Entry::parse(entries[k].bytes)->at_ms;
        r.head = signed_head;
        Result<std::vector<crypto::MerkleHash>> proof = b.state->tree().inclusionProof(r.index, head.size);
        if (!proof.isOk()) {
            q.result = proof.status();
            continue;
        }
        r.inclusion_proof = proofBytes(*proof);
        q.result = std::move(r);
    }
}

Result<domain::Appended> RecordBallotBox::finish(ElectionId id, const domain::PersistAppended& persist) {
    auto b = board(id);
    MutexLock lock(b->mutex);
    YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
    election::BoardState& state = *b->state;
    if (state.phase() != election::Phase::kOpen) return Status::conflict("election.not_open", "The board is not open.");
    const Fixed& fixed = *b->fixed;
    const election::Manifest& m = fixed.manifest;
    // What the board will hold after the close: its roster and its sums.
    election::Tally tally;
    tally.counted = state.countedBallots();
    for (const auto& c : state.aggregates()) {
        tally.a.push_back(c.a.encoded());
        tally.b.push_back(c.b.encoded());
    }
    std::vector<std::string> messages;
    messages.push_back(election::encodeMessage(election::Close{state.activeRoster()}, fixed.eid));
    messages.push_back(election::encodeMessage(tally, fixed.eid));
    // In demo mode the server's trustees decrypt at once; otherwise the
    // trustees post their partial decryptions (trustee()).
    if (m.demo && fixed.trustee_states.size() >= static_cast<std::size_t>(m.quorum)) {
        std::vector<election::Partial> partials;
        for (std::int64_t j = 0; j < m.quorum; ++j) {
            YISHI_ASSIGN_OR_RETURN(election::Trustee trustee,
                                   election::Trustee::importState(fixed.trustee_states[static_cast<std::size_t>(j)]));
            YISHI_ASSIGN_OR_RETURN(election::Partial p, trustee.partial(fixed.eid, tally));
            messages.push_back(election::encodeMessage(p, fixed.eid));
            partials.push_back(std::move(p));
        }
        YISHI_ASSIGN_OR_RETURN(std::string result, resultMessage(fixed, tally, std::move(partials)));
        messages.push_back(std::move(result));
    }
    return admit(*b, messages, false, persist);
}

Result<domain::Appended> RecordBallotBox::trustee(ElectionId id, std::string_view message,
                                                  const domain::PersistAppended& persist) {
    auto b = board(id);
    MutexLock lock(b->mutex);
    YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
    const Fixed& fixed = *b->fixed;
    Result<election::Message> parsed = election::parseMessage(message, fixed.manifest, fixed.eid);
    if (!parsed.isOk()) return parsed.status();
    const bool is_ok = std::holds_alternative<election::TrusteeOk>(*parsed);
    const bool is_partial = std::holds_alternative<election::Partial>(*parsed);
    if (!is_ok && !is_partial && !std::holds_alternative<election::TrusteeCommit>(*parsed) &&
        !std::holds_alternative<election::TrusteeReveal>(*parsed) &&
        !std::holds_alternative<election::TrusteeShares>(*parsed)) {
        return Status::invalid("trustee.format", "This is a " + std::string(election::messageName(*parsed)) +
                                                     " message, not a trustee's.");
    }
    const std::int64_t n = fixed.manifest.trusteeCount();
    const std::int64_t oks = b->oks;
    const std::vector<election::TrusteeReveal> reveals = b->reveals;
    // Once the message is on the board: the last ok opens the election
    // (5.4), the quorum-th partial decryption publishes the result (5.8).
    auto derive = [&](const election::BoardState& state) -> Result<std::vector<std::string>> {
        std::vector<std::string> more;
        if (is_ok && oks + 1 == n && static_cast<std::int64_t>(reveals.size()) == n) {
            YISHI_ASSIGN_OR_RETURN(election::Open open, election::openKeys(fixed.manifest, reveals));
            more.push_back(election::encodeMessage(open, fixed.eid));
        }
        if (is_partial && state.tally() &&
            static_cast<std::int64_t>(state.partials().size()) == fixed.manifest.quorum) {
            YISHI_ASSIGN_OR_RETURN(std::string result, resultMessage(fixed, *state.tally(), state.partials()));
            more.push_back(std::move(result));
        }
        return more;
    };
    return admit(*b, {std::string(message)}, false, persist, derive);
}

Result<domain::SignedHead> RecordBallotBox::head(ElectionId id) {
    auto b = board(id);
    MutexLock lock(b->mutex);
    YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
    return signedHead(b->head);
}

Result<std::vector<std::string>> RecordBallotBox::inclusionProof(ElectionId id, std::uint64_t index,
                                                                 std::uint64_t size) {
    auto b = board(id);
    MutexLock lock(b->mutex);
    YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
    Result<std::vector<crypto::MerkleHash>> proof = b->state->tree().inclusionProof(index, size);
    if (!proof.isOk()) return Status::invalid("proof.bad_size", proof.status().message());
    return proofBytes(*proof);
}

Result<std::vector<std::string>> RecordBallotBox::consistencyProof(ElectionId id, std::uint64_t from,
                                                                   std::uint64_t to) {
    auto b = board(id);
    MutexLock lock(b->mutex);
    YISHI_RETURN_IF_ERROR(ensureLoaded(id, *b));
    Result<std::vector<crypto::MerkleHash>> proof = b->state->tree().consistencyProof(from, to);
    if (!proof.isOk()) return Status::invalid("proof.bad_size", proof.status().message());
    return proofBytes(*proof);
}

}  // namespace yishi::app
