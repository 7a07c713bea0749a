#include "yishi/domain/account_service.h"

#include <utility>

#include "yishi/domain/money.h"
#include "yishi/domain/noticeboard_changes.h"
#include "yishi/domain/noticeboard_store.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

Status noCommunity() { return Status::notFound("community.not_found", "There is no such community."); }

Status requireKeeper(const Actor& actor, const Community& community) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    if (actor.canManage(community)) return Status::ok();
    return Status::forbidden("account.forbidden", "Only this community's committee keeps its accounts.");
}

Status validInput(const AccountService::Input& input, bool correction, Instant now) {
    const std::int64_t least = correction ? 0 : 1;
    if (input.amount_fen < least || input.amount_fen > kMaxAmountFen) {
        return Status::invalid("account.amount", "An amount is " + std::to_string(least) + " to " +
                                                     std::to_string(kMaxAmountFen) + " fen (100 亿元).");
    }
    if (!accountCategoryOf(input.category, input.direction)) {
        std::string known;
        for (const std::string& c : accountCategories(input.direction)) known += (known.empty() ? "" : ", ") + c;
        return Status::invalid("account.category", std::string("The categories of ") +
                                                       accountDirectionName(input.direction) + " are " + known + ".");
    }
    if (input.date != Instant() && input.date > now + Duration::days(1)) {
        return Status::invalid("account.date", "An entry records money that moved already (date).");
    }
    YISHI_RETURN_IF_ERROR(validateText("counterparty", input.counterparty, 200));
    return validateText("note", input.note, 1000);
}

// Whether the community's income and expense, each entry at its newest
// correction, stay within kMaxAmountFen: so no total ever wraps.
bool withinBound(const std::vector<AccountEntry>& entries) {
    std::int64_t income = 0;
    std::int64_t expense = 0;
    for (const AccountEntry& e : countingEntries(entries)) {
        std::int64_t& total = e.direction == AccountDirection::kIncome ? income : expense;
        if (!addWithin(total, e.amount_fen, kMaxAmountFen, &total)) return false;
    }
    return true;
}

std::string nameOf(Stores& s, UserId id) {
    std::optional<User> u = s.users.user(id);
    return u ? u->display_name : "";
}

AccountService::Row rowOf(Stores& s, AccountEntry e, const std::map<std::int64_t, std::int64_t>& newest) {
    AccountService::Row row;
    row.by_name = nameOf(s, e.by);
    const auto found = newest.find(e.corrects ? e.corrects : e.id);
    const std::int64_t standing = found == newest.end() ? (e.corrects ? e.corrects : e.id) : found->second;
    row.counts = standing == e.id;
    if (!row.counts) row.corrected_by = standing;
    row.entry = std::move(e);
    return row;
}

std::string fenText(std::int64_t fen) { return std::to_string(fen) + " fen"; }

}  // namespace

AccountService::AccountService(Database& db, const Clock& clock, Duration utc_offset)
    : db_(db), clock_(clock), utc_offset_(utc_offset) {}

namespace {

AccountEntry entryOf(const AccountService::Input& input, CommunityId community, UserId by, Instant now) {
    AccountEntry e;
    e.community_id = community;
    e.direction = input.direction;
    e.category = input.category;
    e.amount_fen = input.amount_fen;
    e.date = input.date != Instant() ? input.date : now;
    e.counterparty = input.counterparty;
    e.note = input.note;
    e.by = by;
    e.recorded_at = now;
    return e;
}

// Writes `entry` when the totals stay bounded, and answers its row.
Result<AccountService::Row> insert(Stores& s, AccountEntry entry) {
    AccountStore& store = s.get<AccountStore>();
    std::vector<AccountEntry> after = store.entries(entry.community_id);
    entry.id = after.empty() ? 1 : after.back().id + 1;  // stands for the id it gets: after every other
    after.push_back(entry);
    if (!withinBound(after)) {
        return Status::conflict("account.total", "A community's income, and its expense, add up to at most " +
                                                     std::to_string(kMaxAmountFen) +
                                                     " fen (100 亿元); this entry would pass that.");
    }
    entry.id = store.insertEntry(entry);
    AccountService::Row row;
    row.by_name = nameOf(s, entry.by);
    row.counts = true;
    row.entry = std::move(entry);
    return row;
}

}  // namespace

Result<AccountService::Row> AccountService::record(const Actor& actor, CommunityId community, const Input& input) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(validInput(input, false, now));
    Row row;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return noCommunity();
        YISHI_RETURN_IF_ERROR(requireKeeper(actor, *c));
        YISHI_ASSIGN_OR_RETURN(row, insert(s, entryOf(input, community, actor.userId(), now)));
        s.record({changes::kAccountRecorded, now, actor.userId(), row.entry.id, community,
                  std::string(accountDirectionName(input.direction)) + " " + input.category + " " +
                      fenText(input.amount_fen)});
        return Status::ok();
    }));
    return row;
}

Result<AccountService::Row> AccountService::correct(const Actor& actor, std::int64_t id, const Input& input,
                                                    const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    const Instant now = clock_.now();
    YISHI_RETURN_IF_ERROR(validInput(input, true, now));
    if (reason.empty()) {
        return Status::invalid("account.reason_required", "A correction says why the entry was wrong.");
    }
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, 1000));
    Row row;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<AccountEntry> wrong = s.get<AccountStore>().entry(id);
        if (!wrong) return Status::notFound("account.not_found", "There is no such entry.");
        std::optional<Community> c = s.scopes.community(wrong->community_id);
        if (!c) return Status::notFound("account.not_found", "There is no such entry.");
        YISHI_RETURN_IF_ERROR(requireKeeper(actor, *c));
        AccountEntry e = entryOf(input, c->id, actor.userId(), now);
        e.corrects = wrong->corrects ? wrong->corrects : wrong->id;
        e.reason = reason;
        YISHI_ASSIGN_OR_RETURN(row, insert(s, std::move(e)));
        s.record({changes::kAccountCorrected, now, actor.userId(), row.entry.corrects, c->id,
                  "entry " + std::to_string(row.entry.corrects) + " is " + fenText(input.amount_fen) + ": " + reason});
        return Status::ok();
    }));
    return row;
}

Result<Page<AccountService::Row>> AccountService::list(CommunityId community, PageRequest page) {
    Page<Row> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community)) return noCommunity();
        AccountStore& store = s.get<AccountStore>();
        const std::map<std::int64_t, std::int64_t> newest = newestCorrections(store.entries(community));
        Page<AccountEntry> entries = store.page(community, page.clamped());
        out.next_after = entries.next_after;
        for (AccountEntry& e : entries.items) out.items.push_back(rowOf(s, std::move(e), newest));
        return Status::ok();
    }));
    return out;
}

Result<std::vector<AccountService::Row>> AccountService::all(CommunityId community) {
    std::vector<Row> out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community)) return noCommunity();
        std::vector<AccountEntry> entries = s.get<AccountStore>().entries(community);
        const std::map<std::int64_t, std::int64_t> newest = newestCorrections(entries);
        for (AccountEntry& e : entries) out.push_back(rowOf(s, std::move(e), newest));
        return Status::ok();
    }));
    return out;
}

Result<AccountTotals> AccountService::totals(CommunityId community, std::optional<int> year) {
    AccountTotals out;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.community(community)) return noCommunity();
        out = computeAccountTotals(s.get<AccountStore>().entries(community), utc_offset_, year);
        return Status::ok();
    }));
    return out;
}

}  // namespace yishi::domain
