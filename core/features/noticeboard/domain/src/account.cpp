#include "yishi/domain/account.h"

#include <algorithm>
#include <tuple>

namespace yishi::domain {

const char* accountDirectionName(AccountDirection direction) {
    return direction == AccountDirection::kIncome ? "income" : "expense";
}

bool parseAccountDirection(const std::string& text, AccountDirection* direction) {
    if (text == "income") {
        *direction = AccountDirection::kIncome;
        return true;
    }
    if (text == "expense") {
        *direction = AccountDirection::kExpense;
        return true;
    }
    return false;
}

const std::vector<std::string>& accountCategories(AccountDirection direction) {
    static const std::vector<std::string> income = {"allocation", "public_revenue", "donation", "other_income"};
    static const std::vector<std::string> expense = {"activities", "maintenance", "office",
                                                     "services",   "assistance",  "other_expense"};
    return direction == AccountDirection::kIncome ? income : expense;
}

bool accountCategoryOf(const std::string& category, AccountDirection direction) {
    const std::vector<std::string>& known = accountCategories(direction);
    return std::find(known.begin(), known.end(), category) != known.end();
}

std::map<std::int64_t, std::int64_t> newestCorrections(const std::vector<AccountEntry>& entries) {
    std::map<std::int64_t, std::int64_t> out;
    for (const AccountEntry& e : entries) {
        if (e.corrects) out[e.corrects] = e.id;
    }
    return out;
}

std::vector<AccountEntry> countingEntries(const std::vector<AccountEntry>& entries) {
    std::map<std::int64_t, const AccountEntry*> standing;  // original id -> its newest version
    for (const AccountEntry& e : entries) standing[e.corrects ? e.corrects : e.id] = &e;
    std::vector<AccountEntry> out;
    for (const auto& [original, e] : standing) {
        if (e->amount_fen > 0) out.push_back(*e);
    }
    return out;
}

AccountTotals computeAccountTotals(const std::vector<AccountEntry>& entries, Duration utc_offset,
                                   std::optional<int> year) {
    AccountTotals out;
    std::map<std::pair<int, unsigned>, AccountMonth> months;
    std::map<std::pair<int, std::string>, AccountCategoryTotal> categories;  // income (0) before expense (1)
    for (const AccountEntry& e : countingEntries(entries)) {
        const CivilDate date = civilDateOfDay(localDayNumber(e.date, utc_offset));
        if (year && date.year != *year) continue;
        const bool income = e.direction == AccountDirection::kIncome;
        ++out.entries;
        (income ? out.income_fen : out.expense_fen) += e.amount_fen;
        AccountMonth& m = months[{date.year, date.month}];
        m.year = date.year;
        m.month = date.month;
        (income ? m.income_fen : m.expense_fen) += e.amount_fen;
        AccountCategoryTotal& c = categories[{income ? 0 : 1, e.category}];
        c.direction = e.direction;
        c.category = e.category;
        c.amount_fen += e.amount_fen;
        ++c.entries;
    }
    out.balance_fen = out.income_fen - out.expense_fen;
    for (auto& [key, m] : months) out.by_month.push_back(m);
    for (auto& [key, c] : categories) out.by_category.push_back(std::move(c));
    return out;
}

}  // namespace yishi::domain
