#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <thread>

#include "public_cache.h"

using yishi::http::PublicCache;

BOOST_AUTO_TEST_SUITE(public_cache)

BOOST_AUTO_TEST_CASE(an_entry_serves_its_generation_until_the_ttl) {
    PublicCache cache({std::chrono::milliseconds(100), 10, 1 << 20});
    BOOST_TEST(!cache.find("/a", 1));
    cache.store("/a", 1, "one");
    BOOST_REQUIRE(cache.find("/a", 1));
    BOOST_TEST(cache.find("/a", 1)->body == "one");
    BOOST_TEST(!cache.find("/a", 2));  // a write happened since
    BOOST_TEST(!cache.find("/b", 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    BOOST_TEST(!cache.find("/a", 1));  // too old
    BOOST_TEST(cache.hits() == 2u);
}

// Issue 12, item 7 (soak): renderings that can never be served again are
// dropped at the next store, with their memory files, instead of holding a
// descriptor each until the cache is full.
BOOST_AUTO_TEST_CASE(entries_that_can_never_be_served_again_are_dropped) {
    PublicCache cache({std::chrono::milliseconds(100), 100, 1 << 20, 8});
    cache.store("/a", 1, "a rendering large enough for a file");
    cache.store("/b", 1, "another rendering large enough");
    BOOST_TEST(cache.entries() == 2u);
    cache.store("/c", 2, "a rendering of a later generation");
    BOOST_TEST(cache.entries() == 1u);
    BOOST_TEST(cache.find("/c", 2));
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    cache.store("/d", 2, "after the ttl of /c");
    BOOST_TEST(cache.entries() == 1u);
    BOOST_TEST(!cache.find("/c", 2));
    BOOST_TEST(cache.find("/d", 2));
}

BOOST_AUTO_TEST_CASE(it_stays_within_its_bounds) {
    PublicCache cache({std::chrono::milliseconds(10'000), 3, 10, 8});
    cache.store("/a", 1, "aaaa");
    cache.store("/b", 1, "bbbb");
    cache.store("/c", 1, "cccc");  // 12 bytes > 10: starts over
    BOOST_TEST(!cache.find("/a", 1));
    BOOST_TEST(cache.find("/c", 1));
    cache.store("/huge", 1, std::string(11, 'x'));
    BOOST_TEST(!cache.find("/huge", 1));
    cache.store("/c", 2, "new");  // replaces
    BOOST_TEST(cache.find("/c", 2)->body == "new");
    BOOST_TEST(cache.find("/c", 2)->fd < 0);
    cache.store("/big", 3, "0123456789");  // >= 8 bytes: also a memory file
    auto big = cache.find("/big", 3);
    BOOST_REQUIRE(big);
    BOOST_REQUIRE(big->fd >= 0);
    char copy[10];
    BOOST_TEST(::pread(big->fd, copy, sizeof copy, 0) == 10);
    BOOST_TEST(std::string(copy, 10) == "0123456789");
}

BOOST_AUTO_TEST_SUITE_END()
