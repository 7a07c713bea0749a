#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "yishi/common/ids.h"
#include "yishi/common/time.h"

namespace yishi::domain {

// 公开之栏, the community's public accounts (居务公开 / 财务公开,
// docs/noticeboard.md): every income and expense of the community, in fen.
// An entry is never edited: a wrong one is corrected by a new entry that
// names it and says why, and states it whole again (amount 0: it never
// happened). The newest correction of an entry is what counts.
enum class AccountDirection { kIncome, kExpense };

const char* accountDirectionName(AccountDirection direction);
bool parseAccountDirection(const std::string& text, AccountDirection* direction);

// The categories, each of one direction, so that figures compare across
// months and communities: income allocation (上级拨款), public_revenue
// (公共收益), donation (捐赠), other_income; expense activities (活动经费),
// maintenance (维修维护), office (办公), services (购买服务), assistance
// (帮困慰问), other_expense.
bool accountCategoryOf(const std::string& category, AccountDirection direction);
const std::vector<std::string>& accountCategories(AccountDirection direction);

struct AccountEntry {
    std::int64_t id = 0;
    CommunityId community_id;
    AccountDirection direction = AccountDirection::kExpense;
    std::string category;
    std::int64_t amount_fen = 0;
    Instant date;  // when the money moved
    std::string counterparty;
    std::string note;
    UserId by;
    Instant recorded_at;
    std::int64_t corrects = 0;  // the original entry this corrects; 0 for an original
    std::string reason;         // why (corrections only)
};

// original id -> the id of its newest correction, over entries in id order.
std::map<std::int64_t, std::int64_t> newestCorrections(const std::vector<AccountEntry>& entries);

// The entries that count, one per original: each at its newest correction,
// in the order of the originals' ids; those whose amount counts as 0 are
// left out.
std::vector<AccountEntry> countingEntries(const std::vector<AccountEntry>& entries);

struct AccountMonth {
    int year = 0;
    unsigned month = 0;
    std::int64_t income_fen = 0;
    std::int64_t expense_fen = 0;
};

struct AccountCategoryTotal {
    AccountDirection direction = AccountDirection::kExpense;
    std::string category;
    std::int64_t amount_fen = 0;
    std::int64_t entries = 0;
};

// Totals computed from the entries alone (never typed in).
struct AccountTotals {
    std::int64_t income_fen = 0;
    std::int64_t expense_fen = 0;
    std::int64_t balance_fen = 0;                   // income - expense; negative when more went out
    std::int64_t entries = 0;                       // the entries that count
    std::vector<AccountMonth> by_month;             // oldest month first; months without entries left out
    std::vector<AccountCategoryTotal> by_category;  // income first, then by category name
};

// `entries` in id order; an entry's month is the local date of its `date`
// in a zone `utc_offset` ahead of UTC. With `year`, only the entries of that
// local year count. REQUIRES: every total stays within kMaxAmountFen (the
// service refuses entries that would pass it).
AccountTotals computeAccountTotals(const std::vector<AccountEntry>& entries, Duration utc_offset,
                                   std::optional<int> year = std::nullopt);

}  // namespace yishi::domain
