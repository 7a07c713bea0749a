#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <thread>

#include "public_cache.h"

using yishi::CommunityId;
using yishi::UserId;
using yishi::http::CacheFacts;
using yishi::http::PublicCache;

namespace {

// Versions a test moves by hand.
struct Versions final : yishi::domain::DataVersions {
    std::uint64_t seq = 0, global = 0, any = 0, community1 = 0, community2 = 0, account7 = 0;
    std::uint64_t sequence() const override { return seq; }
    std::uint64_t communityChangedAt(CommunityId c) const override {
        return c.value == 1 ? community1 : (c.value == 2 ? community2 : 0);
    }
    std::uint64_t globalChangedAt() const override { return global; }
    std::uint64_t anyScopeChangedAt() const override { return any; }
    std::uint64_t accountChangedAt(UserId u) const override { return u.value == 7 ? account7 : 0; }
    void changeCommunity(int c) {
        ++seq;
        any = seq;
        (c == 1 ? community1 : community2) = seq;
    }
};

bool has(const PublicCache::Found& found) { return found.rendering != nullptr; }

CacheFacts of(int community) {
    CacheFacts f;
    f.community = CommunityId(community);
    f.shared = true;
    return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(public_cache)

BOOST_AUTO_TEST_CASE(an_entry_lives_while_its_community_is_unchanged_and_the_ttl_lasts) {
    Versions v;
    PublicCache cache({std::chrono::milliseconds(100), 10, 1 << 20});
    BOOST_TEST(!has(cache.find("/a", v)));
    cache.store("/a", v.sequence(), of(1), UserId(), "one", v);
    cache.store("/b", v.sequence(), of(2), UserId(), "two", v);
    BOOST_REQUIRE(has(cache.find("/a", v)));
    BOOST_TEST(cache.find("/a", v).rendering->body == "one");
    BOOST_TEST(cache.find("/a", v).facts->community.value == 1);
    v.changeCommunity(2);
    BOOST_TEST(has(cache.find("/a", v)));   // another community's write
    BOOST_TEST(!has(cache.find("/b", v)));  // its own
    ++v.seq;
    v.global = v.any = v.seq;  // a change naming no community
    BOOST_TEST(!has(cache.find("/a", v)));
    cache.store("/a", v.sequence(), of(1), UserId(), "one again", v);
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    BOOST_TEST(!has(cache.find("/a", v)));  // too old
    BOOST_TEST(cache.hits() == 4u);
}

// Data read before a commit is never served after it: the sequence taken
// before the read is older than the community's change.
BOOST_AUTO_TEST_CASE(a_rendering_read_before_a_write_is_stale_after_it) {
    Versions v;
    PublicCache cache({std::chrono::milliseconds(10'000), 10, 1 << 20});
    const std::uint64_t read_at = v.sequence();
    v.changeCommunity(1);  // committed while the page was being rendered
    cache.store("/a", read_at, of(1), UserId(), "old", v);
    BOOST_TEST(!has(cache.find("/a", v)));
}

BOOST_AUTO_TEST_CASE(a_page_of_no_community_depends_on_every_change_and_a_personal_one_on_its_account) {
    Versions v;
    PublicCache cache({std::chrono::milliseconds(10'000), 10, 1 << 20});
    cache.store("/all", v.sequence(), CacheFacts{}, UserId(), "all", v);
    cache.store("/mine", v.sequence(), of(1), UserId(7), "mine", v);
    ++v.seq;
    v.account7 = v.seq;  // a login or a grant: no page scope
    BOOST_TEST(has(cache.find("/all", v)));
    BOOST_TEST(!has(cache.find("/mine", v)));
    v.changeCommunity(2);
    BOOST_TEST(!has(cache.find("/all", v)));
}

BOOST_AUTO_TEST_CASE(entries_that_can_never_be_served_again_are_dropped) {
    Versions v;
    PublicCache cache({std::chrono::milliseconds(10'000), 2, 1 << 20, 8});
    cache.store("/a", v.sequence(), of(1), UserId(), "a rendering large enough for a file", v);
    cache.store("/b", v.sequence(), of(2), UserId(), "another rendering large enough", v);
    BOOST_TEST(cache.entries() == 2u);
    v.changeCommunity(1);
    cache.store("/c", v.sequence(), of(2), UserId(), "a third", v);  // full: /a goes, /b stays
    BOOST_TEST(cache.entries() == 2u);
    BOOST_TEST(has(cache.find("/b", v)));
    BOOST_TEST(has(cache.find("/c", v)));
}

BOOST_AUTO_TEST_CASE(it_stays_within_its_bounds) {
    Versions v;
    PublicCache cache({std::chrono::milliseconds(10'000), 3, 10, 8});
    cache.store("/a", 0, of(1), UserId(), "aaaa", v);
    cache.store("/b", 0, of(1), UserId(), "bbbb", v);
    cache.store("/c", 0, of(1), UserId(), "cccc", v);  // 12 bytes > 10: starts over
    BOOST_TEST(!has(cache.find("/a", v)));
    BOOST_TEST(has(cache.find("/c", v)));
    cache.store("/huge", 0, of(1), UserId(), std::string(11, 'x'), v);
    BOOST_TEST(!has(cache.find("/huge", v)));
    cache.store("/c", 0, of(1), UserId(), "new", v);  // replaces
    BOOST_TEST(cache.find("/c", v).rendering->body == "new");
    BOOST_TEST(cache.find("/c", v).rendering->fd < 0);
    cache.store("/big", 0, of(1), UserId(), "0123456789", v);  // >= 8 bytes: also a memory file
    auto big = cache.find("/big", v);
    BOOST_REQUIRE(has(big));
    BOOST_REQUIRE(big.rendering->fd >= 0);
    char copy[10];
    BOOST_TEST(::pread(big.rendering->fd, copy, sizeof copy, 0) == 10);
    BOOST_TEST(std::string(copy, 10) == "0123456789");
}

BOOST_AUTO_TEST_SUITE_END()
