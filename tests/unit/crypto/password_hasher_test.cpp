#include <boost/test/unit_test.hpp>

#include <sodium.h>

#include <atomic>
#include <thread>
#include <vector>

#include "yishi/crypto/argon2_password_hasher.h"

using yishi::crypto::Argon2PasswordHasher;

namespace {

Argon2PasswordHasher::Options cheap(int concurrency = 2) {
    Argon2PasswordHasher::Options o;
    o.ops_limit = crypto_pwhash_OPSLIMIT_MIN;
    o.mem_limit = crypto_pwhash_MEMLIMIT_MIN;
    o.max_concurrent = concurrency;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(password_hasher)

BOOST_AUTO_TEST_CASE(hashes_are_argon2id_salted_and_verify) {
    Argon2PasswordHasher hasher(cheap());
    const std::string h1 = hasher.hash("正确的密码 correct").value();
    const std::string h2 = hasher.hash("正确的密码 correct").value();
    BOOST_TEST(h1.rfind("$argon2id$", 0) == 0u);
    BOOST_TEST(h1 != h2);  // fresh salt each time
    BOOST_TEST(hasher.verify(h1, "正确的密码 correct"));
    BOOST_TEST(!hasher.verify(h1, "正确的密码 wrong"));
    BOOST_TEST(!hasher.verify("not a hash", "x"));
    BOOST_TEST(!hasher.verify(std::string(1000, '$'), "x"));
}

BOOST_AUTO_TEST_CASE(needs_rehash_when_parameters_differ) {
    Argon2PasswordHasher weak(cheap());
    Argon2PasswordHasher::Options stronger_options = cheap();
    stronger_options.ops_limit += 1;
    Argon2PasswordHasher stronger(stronger_options);
    const std::string h = weak.hash("a password").value();
    BOOST_TEST(!weak.needsRehash(h));
    BOOST_TEST(stronger.needsRehash(h));
    BOOST_TEST(stronger.verify(h, "a password"));  // old hashes still verify
}

BOOST_AUTO_TEST_CASE(verify_nothing_costs_a_hash_and_accepts_nothing) {
    Argon2PasswordHasher hasher(cheap());
    hasher.verifyNothing("anything");  // must not crash or throw
    BOOST_TEST(!hasher.verify("", ""));
}

BOOST_AUTO_TEST_CASE(concurrent_hashing_is_bounded_and_all_succeed) {
    Argon2PasswordHasher hasher(cheap(1));
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&, i] {
            auto h = hasher.hash("password " + std::to_string(i));
            if (h.isOk() && hasher.verify(h.value(), "password " + std::to_string(i))) ++ok;
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(ok.load() == 6);
}

BOOST_AUTO_TEST_SUITE_END()
