#pragma once

#include <optional>
#include <string>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/account.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/page.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// 公开之栏, the community's public accounts (docs/noticeboard.md). Anyone
// reads every entry, the totals computed from them and a CSV of them; those
// who run the community (its committee, a district admin) record entries and
// correct them by new entries, each with a Change of the entry's trace in
// the same transaction. Thread-safe.
class AccountService {
  public:
    struct Input {
        AccountDirection direction = AccountDirection::kExpense;
        std::string category;
        std::int64_t amount_fen = 0;
        Instant date;  // the epoch: now
        std::string counterparty;
        std::string note;
    };

    struct Row {
        AccountEntry entry;
        std::string by_name;
        std::int64_t corrected_by = 0;  // the newest correction of this entry's original, when it is not this one
        bool counts = false;            // this is the version of its original that counts
    };

    // `utc_offset`: the zone whose calendar months the totals use.
    AccountService(Database& db, const Clock& clock, Duration utc_offset);

    // Those who run the community (else forbidden "account.forbidden").
    // invalid "account.amount" (1 to kMaxAmountFen fen), "account.category"
    // (not one of the direction's), "account.date" (more than a day ahead),
    // "counterparty.invalid" (up to 200 characters), "note.invalid" (up to
    // 1,000); conflict "account.total" (the community's income or expense,
    // each entry at its newest correction, would pass kMaxAmountFen);
    // not_found "community.not_found".
    Result<Row> record(const Actor& actor, CommunityId community, const Input& input);
    // A correction of entry `id` (or of its original, when `id` is itself a
    // correction): the entry stated whole again, amount 0 to kMaxAmountFen,
    // with why (invalid "account.reason_required", "reason.invalid"). The
    // checks of record, and not_found "account.not_found".
    Result<Row> correct(const Actor& actor, std::int64_t id, const Input& input, const std::string& reason);

    // Public: newest first. not_found "community.not_found".
    Result<Page<Row>> list(CommunityId community, PageRequest page);
    // Public: every entry in id order (the CSV export).
    Result<std::vector<Row>> all(CommunityId community);
    // Public: the totals (computeAccountTotals) of all time or of one local year.
    Result<AccountTotals> totals(CommunityId community, std::optional<int> year);

    Duration utcOffset() const { return utc_offset_; }

  private:
    Database& db_;
    const Clock& clock_;
    const Duration utc_offset_;
};

}  // namespace yishi::domain
