// 公开之栏's rules (docs/noticeboard.md) as pure functions: the accounts'
// totals from entries and corrections, a notice's status, attachments.
#include <boost/test/unit_test.hpp>

#include <string>

#include "yishi/domain/account.h"
#include "yishi/domain/notice.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

const Duration kUtc8 = Duration::hours(8);

AccountEntry entry(std::int64_t id, AccountDirection direction, const std::string& category, std::int64_t fen,
                   std::int64_t date, std::int64_t corrects = 0) {
    AccountEntry e;
    e.id = id;
    e.direction = direction;
    e.category = category;
    e.amount_fen = fen;
    e.date = Instant::fromSeconds(date);
    e.corrects = corrects;
    return e;
}

std::string status(const Notice& n, std::int64_t at) {
    return noticeStatusName(noticeStatus(n, Instant::fromSeconds(at)));
}

constexpr std::int64_t kDec31Late = 1767195000;  // 2025-12-31 23:30 in UTC+8, 15:30 UTC
constexpr std::int64_t kJan1Early = 1767198600;  // 2026-01-01 00:30 in UTC+8, 16:30 UTC on 31 Dec

}  // namespace

BOOST_AUTO_TEST_SUITE(noticeboard_rules)

BOOST_AUTO_TEST_CASE(each_entry_counts_at_its_newest_correction) {
    const std::vector<AccountEntry> entries = {
        entry(1, AccountDirection::kIncome, "allocation", 1000, kDec31Late),
        entry(2, AccountDirection::kExpense, "office", 300, kDec31Late),
        entry(3, AccountDirection::kExpense, "office", 200, kDec31Late, 2),       // 300 -> 200
        entry(4, AccountDirection::kExpense, "maintenance", 250, kJan1Early, 2),  // then 250, and maintenance
        entry(5, AccountDirection::kExpense, "activities", 90, kJan1Early),
        entry(6, AccountDirection::kExpense, "activities", 0, kJan1Early, 5),  // never happened
    };
    const std::map<std::int64_t, std::int64_t> newest = newestCorrections(entries);
    BOOST_TEST(newest.at(2) == 4);
    BOOST_TEST(newest.at(5) == 6);
    BOOST_TEST(newest.count(1) == 0u);

    const AccountTotals t = computeAccountTotals(entries, kUtc8);
    BOOST_TEST(t.income_fen == 1000);
    BOOST_TEST(t.expense_fen == 250);
    BOOST_TEST(t.balance_fen == 750);
    BOOST_TEST(t.entries == 2);
    // The local date decides the month: 23:30 on 31 Dec is December's, 00:30 on 1 Jan January's.
    BOOST_REQUIRE_EQUAL(t.by_month.size(), 2u);
    BOOST_TEST(t.by_month[0].year == 2025);
    BOOST_TEST(t.by_month[0].month == 12u);
    BOOST_TEST(t.by_month[0].income_fen == 1000);
    BOOST_TEST(t.by_month[0].expense_fen == 0);
    BOOST_TEST(t.by_month[1].year == 2026);
    BOOST_TEST(t.by_month[1].month == 1u);
    BOOST_TEST(t.by_month[1].expense_fen == 250);
    BOOST_REQUIRE_EQUAL(t.by_category.size(), 2u);
    BOOST_TEST(t.by_category[0].category == "allocation");
    BOOST_TEST(t.by_category[1].category == "maintenance");
    BOOST_TEST(t.by_category[1].entries == 1);

    // In UTC both fall on 31 December.
    const AccountTotals utc = computeAccountTotals(entries, Duration());
    BOOST_REQUIRE_EQUAL(utc.by_month.size(), 1u);
    BOOST_TEST(utc.by_month[0].expense_fen == 250);

    const AccountTotals y2026 = computeAccountTotals(entries, kUtc8, 2026);
    BOOST_TEST(y2026.income_fen == 0);
    BOOST_TEST(y2026.expense_fen == 250);
    BOOST_TEST(y2026.balance_fen == -250);
    BOOST_TEST(computeAccountTotals({}, kUtc8).entries == 0);
}

BOOST_AUTO_TEST_CASE(categories_belong_to_one_direction) {
    BOOST_TEST(accountCategoryOf("donation", AccountDirection::kIncome));
    BOOST_TEST(!accountCategoryOf("donation", AccountDirection::kExpense));
    BOOST_TEST(accountCategoryOf("assistance", AccountDirection::kExpense));
    BOOST_TEST(!accountCategoryOf("", AccountDirection::kExpense));
}

BOOST_AUTO_TEST_CASE(withdrawn_wins_over_expired_and_expiry_is_inclusive) {
    Notice n;
    n.current.expires_at = Instant::fromSeconds(1000);
    BOOST_TEST(status(n, 999) == "current");
    BOOST_TEST(status(n, 1000) == "expired");
    n.current.kind = NoticeVersionKind::kWithdrawn;
    BOOST_TEST(status(n, 999) == "withdrawn");
    Notice forever;
    BOOST_TEST(status(forever, 4'000'000'000) == "current");
}

BOOST_AUTO_TEST_CASE(attachments_are_named_by_a_well_formed_hash) {
    NoticeAttachment good{std::string(64, 'a'), 10, "application/pdf", "选民名单.pdf"};
    BOOST_TEST(validateAttachments({good}).isOk());
    NoticeAttachment upper = good;
    upper.sha256 = std::string(64, 'A');
    BOOST_TEST(validateAttachments({upper}).code() == "attachment.sha256");
    NoticeAttachment empty = good;
    empty.size_bytes = 0;
    BOOST_TEST(validateAttachments({empty}).code() == "attachment.size");
    NoticeAttachment folder = good;
    folder.file_name = "../x.pdf";
    BOOST_TEST(validateAttachments({folder}).code() == "file_name.invalid");
    NoticeAttachment typed = good;
    typed.media_type = "application/pdf; charset=x";
    BOOST_TEST(validateAttachments({typed}).code() == "attachment.media_type");
    BOOST_TEST(validateAttachments(std::vector<NoticeAttachment>(11, good)).code() == "attachment.too_many");
}

BOOST_AUTO_TEST_SUITE_END()
