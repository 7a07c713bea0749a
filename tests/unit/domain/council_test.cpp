// The adoption rate's periods (docs/council.md): counted from the standing
// marks alone, per calendar month in China (UTC+8), oldest first.
#include <boost/test/unit_test.hpp>

#include "yishi/domain/council.h"

using namespace yishi;
using namespace yishi::domain;

namespace {

AdoptionDecided markAt(std::int64_t seconds, AdoptionDecision decision) {
    return {decision, Instant::fromSeconds(seconds)};
}

// 2026-11-30T15:59:59Z is 23:59:59 on 30 November in China; a second later
// it is 1 December there, while still 30 November in UTC.
constexpr std::int64_t kLastSecondOfNovemberInChina = 1796054399;

}  // namespace

BOOST_AUTO_TEST_SUITE(council)

BOOST_AUTO_TEST_CASE(marks_fall_in_the_month_of_china_and_periods_come_oldest_first) {
    const std::vector<AdoptionDecided> marks = {
        markAt(kLastSecondOfNovemberInChina + 1, AdoptionDecision::kAdopted),
        markAt(kLastSecondOfNovemberInChina, AdoptionDecision::kNotAdopted),
        markAt(kLastSecondOfNovemberInChina + 86400, AdoptionDecision::kPartlyAdopted),
        markAt(kLastSecondOfNovemberInChina - 86400, AdoptionDecision::kAdopted),
    };
    const std::vector<AdoptionPeriod> periods = computeAdoptionPeriods(marks);
    BOOST_REQUIRE_EQUAL(periods.size(), 2u);
    BOOST_TEST(periods[0].period == "2026-11");
    BOOST_TEST(periods[0].adopted == 1);
    BOOST_TEST(periods[0].not_adopted == 1);
    BOOST_TEST(periods[0].decided() == 2);
    BOOST_TEST(periods[1].period == "2026-12");
    BOOST_TEST(periods[1].adopted == 1);
    BOOST_TEST(periods[1].partly_adopted == 1);
    BOOST_TEST(periods[1].decided() == 2);
}

// The one invited is read back from the reason of `meeting.invited`.
BOOST_AUTO_TEST_CASE(the_invited_reason_names_the_one_invited) {
    BOOST_TEST(invitedUserOf(invitedReason(UserId(42), "3号楼 王阿姨")).value == 42);
    BOOST_TEST(!invitedUserOf("").valid());
    BOOST_TEST(!invitedUserOf("王阿姨").valid());
    BOOST_TEST(!invitedUserOf("12x").valid());
}

BOOST_AUTO_TEST_CASE(no_marks_no_periods) { BOOST_TEST(computeAdoptionPeriods({}).empty()); }

BOOST_AUTO_TEST_CASE(decisions_and_answers_read_back_from_their_names) {
    for (AdoptionDecision d :
         {AdoptionDecision::kAdopted, AdoptionDecision::kPartlyAdopted, AdoptionDecision::kNotAdopted}) {
        AdoptionDecision back = AdoptionDecision::kAdopted;
        BOOST_TEST(parseAdoptionDecision(adoptionDecisionName(d), &back));
        BOOST_TEST((back == d));
    }
    AdoptionDecision ignored;
    BOOST_TEST(!parseAdoptionDecision("maybe", &ignored));
    InvitationAnswer a;
    BOOST_TEST(parseInvitationAnswer("decline", &a));
    BOOST_TEST((a == InvitationAnswer::kDecline));
    BOOST_TEST(!parseInvitationAnswer("yes", &a));
}

BOOST_AUTO_TEST_SUITE_END()
