#pragma once

#include <map>

#include <string>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/points.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

class PointsProcessor;

// What people do with points: see their balance, log volunteer service
// (which the points rule turns into points), run the redemption catalog,
// redeem, hand over. Thread-safe.
class PointsService {
  public:
    // `utc_offset`: the district's time zone, for the local day of daily caps.
    PointsService(Database& db, const Clock& clock, Duration utc_offset);

    // What a redemption in the ledger is now: the reward's name and the
    // redemption's state, for the resident to see what they are owed.
    struct RedeemedGift {
        std::string reward_name;
        RedemptionState state = RedemptionState::kRequested;
        Instant handed_over_at;  // the epoch until handed over
    };
    struct Statement {
        std::int64_t balance = 0;
        Page<LedgerEntry> entries;
        std::map<std::int64_t, RedeemedGift> redeemed;  // by redemption id, for the entries' redemptions
    };
    // The signed-in user's balance and ledger in `district`, newest first.
    Result<Statement> mine(const Actor& actor, DistrictId district, PageRequest page);

    // A committee member of `community` records service by one of its
    // verified residents: 1..1440 minutes on one day, with a description.
    // Writes the outbox event "volunteer.logged" (quantity = minutes) and an
    // audit row. Nobody grants themselves points: forbidden "volunteer.self"
    // for one's own service. forbidden "community.forbidden"; invalid "volunteer.minutes",
    // "volunteer.description", "volunteer.not_resident"; not_found.
    Result<std::int64_t> logVolunteerService(const Actor& actor, CommunityId community, UserId user,
                                             std::int64_t minutes, const std::string& description);

    // District admins: the catalog. invalid "reward.name", "reward.cost"
    // (1..10^9), "reward.stock" (0..10^6).
    Result<RewardItem> createItem(const Actor& actor, DistrictId district, const std::string& name, std::int64_t cost,
                                  std::int64_t stock);
    struct ItemChange {
        std::optional<std::string> name;
        std::optional<std::int64_t> cost;
        std::optional<std::int64_t> stock;
        std::optional<bool> active;
    };
    Result<RewardItem> updateItem(const Actor& actor, RewardItemId item, const ItemChange& change);
    // Public.
    Result<std::vector<RewardItem>> items(DistrictId district);

    // A verified resident of a community in the item's district redeems it.
    // One transaction checks the balance and the stock, takes one from the
    // stock, writes the negative ledger row and the redemption; a balance or
    // stock never goes below zero. The same idempotency key returns the
    // first redemption again (created = false) and changes nothing.
    // conflict "points.insufficient", "reward.out_of_stock",
    // "reward.inactive"; invalid "redemption.key" (1..64 characters).
    struct Redeemed {
        Redemption redemption;
        std::int64_t balance = 0;
        bool created = false;
    };
    Result<Redeemed> redeem(const Actor& actor, RewardItemId item, const std::string& idempotency_key);

    // The committee of the resident's community marks it handed over.
    // conflict "redemption.handed_over" the second time.
    Result<Redemption> handOver(const Actor& actor, RedemptionId redemption);

    // A redemption as the committee's list shows it: who (display name) and what.
    struct RedemptionView {
        Redemption redemption;
        std::string user_name;
        std::string reward_name;
        std::int64_t reward_cost = 0;  // the catalog's cost now (the redemption keeps what was paid)
    };

    // Committee, street staff and admins of the community: its redemptions.
    Result<Page<RedemptionView>> communityRedemptions(const Actor& actor, CommunityId community,
                                                      std::optional<RedemptionState> state, PageRequest page);

    // The district's skipped events not yet awarded, oldest first: all of
    // them for its admins and observers; those of the communities they
    // oversee for committees and street staff. forbidden "points.forbidden"
    // for anyone who oversees nothing in the district; not_found.
    Result<std::vector<SkippedEvent>> skipped(const Actor& actor, DistrictId district);

    // A district admin tries a skipped event of the district again with the
    // rule serving it now (PointsProcessor::retrySkipped, whose errors it
    // returns); forbidden "district.forbidden"; not_found "skipped.not_found".
    Result<std::vector<LedgerEntry>> retrySkipped(const Actor& actor, DistrictId district, std::int64_t event_id);

    // Where retries run (the feature sets it; none: retry is unavailable).
    void setProcessor(PointsProcessor* processor) { processor_ = processor; }

    // The district's local day number of a moment (for daily caps).
    std::int64_t dayOf(Instant at) const;

  private:
    Database& db_;
    const Clock& clock_;
    Duration utc_offset_;
    PointsProcessor* processor_ = nullptr;
};

}  // namespace yishi::domain
