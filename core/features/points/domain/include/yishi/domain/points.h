#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/result.h"
#include "yishi/common/time.h"
#include "yishi/domain/events.h"
#include "yishi/domain/page.h"

namespace yishi::domain {

// Points (积分): what a district's points rule awards for participation, in
// an append-only ledger. Balance = the sum of a user's rows in a district.

using RewardItemId = Id<struct RewardItemTag>;
using RedemptionId = Id<struct RedemptionTag>;

// What a points rule returns for one event.
struct Award {
    UserId user;
    std::int64_t points = 0;
    std::string rule;    // the cap key, e.g. "comment"
    std::string reason;  // shown to the resident
    // At most this many points per user, rule and local day; the host clamps.
    std::optional<std::int64_t> daily_cap;
};

struct LedgerEntry {
    std::int64_t id = 0;
    DistrictId district;
    UserId user;
    std::int64_t delta = 0;
    std::string rule;
    std::string reason;
    std::int64_t day = 0;           // the local day number (localDayNumber)
    std::int64_t source_event = 0;  // 0 for redemptions
    RedemptionId redemption;
    std::string plugin;
    Instant at;
};

struct RewardItem {
    RewardItemId id;
    DistrictId district;
    std::string name;
    std::int64_t cost = 0;
    std::int64_t stock = 0;
    bool active = true;
    Instant created_at;
};

enum class RedemptionState { kRequested, kHandedOver };
const char* redemptionStateName(RedemptionState state);
bool parseRedemptionState(const std::string& text, RedemptionState* state);

struct Redemption {
    RedemptionId id;
    RewardItemId item;
    DistrictId district;
    CommunityId community;
    UserId user;
    std::int64_t cost = 0;
    std::string idempotency_key;
    RedemptionState state = RedemptionState::kRequested;
    Instant created_at;
    Instant handed_over_at;  // unset (the epoch) until handed over
    UserId handed_over_by;
};

// An event the points rule failed on. It stays listed until a retry (by an
// admin, or automatic with backoff) awards it; then it is resolved.
// What a skipped event keeps of the failure, at most: the rule's error is a
// plugin's text, and every event it fails on stores a copy.
inline constexpr std::size_t kMaxSkipCodeBytes = 64;
inline constexpr std::size_t kMaxSkipMessageBytes = 4096;

struct SkippedEvent {
    std::int64_t event_id = 0;
    DistrictId district;
    std::string code;
    std::string message;  // at most kMaxSkipMessageBytes (an excerpt, valid UTF-8)
    CommunityId community;
    std::string plugin;  // "name version hash" of the rule that failed ("" when none ran)
    std::string event_type;
    std::int64_t attempts = 1;
    Instant at;             // of the last attempt
    Instant next_retry_at;  // unset: no automatic retry
    Instant resolved_at;    // unset while skipped
};

// A version of a points rule as kept by the ledger: its content hash, its
// "name version hash", and its source (opaque to the domain: the plugin
// host's bundle as text).
struct RuleVersion {
    std::string hash;
    std::string identity;
    std::string source;
};

// The ledger, the catalog and the processing cursor, inside one transaction.
class PointsStore {
  public:
    virtual ~PointsStore() = default;
    virtual void appendLedger(const LedgerEntry& entry) = 0;
    virtual std::int64_t balance(DistrictId district, UserId user) = 0;
    // Newest first.
    virtual Page<LedgerEntry> ledger(DistrictId district, UserId user, PageRequest page) = 0;
    // Every row awarded for events, oldest first (for replay).
    virtual std::vector<LedgerEntry> eventAwards(DistrictId district) = 0;
    // Points already awarded to `user` under `rule` on local day `day`.
    virtual std::int64_t awardedOnDay(DistrictId district, UserId user, const std::string& rule, std::int64_t day) = 0;
    // The same for every rule at once (rules without awards are absent).
    virtual std::map<std::string, std::int64_t> awardedByRuleOnDay(DistrictId district, UserId user,
                                                                   std::int64_t day) = 0;
    virtual std::int64_t processedThrough() = 0;
    virtual void setProcessedThrough(std::int64_t event_id) = 0;
    // Records a skip (or, for an event skipped before, its new attempt).
    virtual void recordSkipped(const SkippedEvent& skipped, Instant at) = 0;
    // The district's skipped events not resolved yet, oldest first.
    virtual std::vector<SkippedEvent> skipped(DistrictId district) = 0;
    virtual std::optional<SkippedEvent> skippedEvent(std::int64_t event_id) = 0;
    virtual void resolveSkipped(std::int64_t event_id, Instant at) = 0;
    // Unresolved skips due for an automatic retry at `now`, oldest first.
    virtual std::vector<SkippedEvent> dueForRetry(Instant now, int limit) = 0;

    // Keeps a rule version's source (once per hash).
    virtual void keepVersion(const RuleVersion& version, Instant at) = 0;
    virtual std::optional<RuleVersion> version(const std::string& hash) = 0;
    // Notes that `hash` judges the district's events from `from_event` on,
    // unless it already judged the ones before.
    virtual void noteSpan(DistrictId district, std::int64_t from_event, const std::string& hash) = 0;
    // (from_event, hash), in order.
    virtual std::vector<std::pair<std::int64_t, std::string>> spans(DistrictId district) = 0;

    virtual RewardItemId insertItem(const RewardItem& item) = 0;
    virtual std::optional<RewardItem> item(RewardItemId id) = 0;
    virtual std::vector<RewardItem> items(DistrictId district) = 0;
    virtual void updateItem(const RewardItem& item) = 0;  // name, cost, stock, active

    virtual RedemptionId insertRedemption(const Redemption& redemption) = 0;
    virtual std::optional<Redemption> redemption(RedemptionId id) = 0;
    virtual std::optional<Redemption> redemptionByKey(UserId user, const std::string& key) = 0;
    virtual Page<Redemption> redemptions(CommunityId community, std::optional<RedemptionState> state,
                                         PageRequest page) = 0;
    virtual void markHandedOver(RedemptionId id, UserId by, Instant at) = 0;
};

// An event as a points rule sees it: with what its people (actor and owner)
// were already awarded on the event's local day, per rule, before it. The
// processor keeps this exact: one batch never holds two events of the same
// person on the same day.
struct PointsEvent {
    DomainEvent event;
    std::map<std::int64_t, std::map<std::string, std::int64_t>> awarded_today;  // user -> rule -> points
};

// What a rule made of a batch: one result per event, in order (the awards,
// or the failure that made the rule skip the event), and the identity
// ("name version hash") of the very rule that computed them, which is
// stored with the awards.
struct RuleAwards {
    std::string identity;
    std::vector<Result<std::vector<Award>>> results;
    RuleVersion version;  // of the rule that computed (empty hash when none ran)
};

// A district's points rule (the plugin host implements it; benchmarks also
// have one in C++). Thread-safe.
class PointsRule {
  public:
    virtual ~PointsRule() = default;
    virtual RuleAwards awardsFor(DistrictId district, const std::vector<PointsEvent>& events) = 0;
    // "name version hash" of the rule serving `district` now.
    virtual std::string identity(DistrictId district) = 0;
    // The same as awardsFor, computed by a kept version (`version.source`)
    // instead of the current rule; a source that no longer loads fails
    // every event with its status. A rule that keeps no versions (the C++
    // doubles of tests) fails them all with "plugin.version_unavailable".
    virtual RuleAwards awardsWith(const RuleVersion& version, const std::vector<PointsEvent>& events) {
        return {version.identity,
                std::vector<Result<std::vector<Award>>>(
                    events.size(), Status::unavailable("plugin.version_unavailable", "This rule keeps no versions.")),
                version};
    }
};

}  // namespace yishi::domain
