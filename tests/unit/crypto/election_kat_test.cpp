// Known answers: the worked example of docs/election-record.md, section 3.8.
// Every hex string here is also printed there; change both or neither.
#include <boost/test/unit_test.hpp>

#include <string>

#include "election_test_support.h"
#include "yishi/crypto/dleq_proof.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/schnorr_proof.h"
#include "yishi/crypto/vote_proof.h"

using namespace yishi::crypto;
using namespace yishi::crypto::testing;
using yishi::LengthPrefixed;

namespace {

struct Example {
    VoteContext voter{exampleEid(),
                      SigningKey::fromSeed(unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
                          ->verifyKey()
                          .encoded()};
    Scalar x = scalar(7);
    Point y = Point::baseMul(x);
    Scalar r = scalar(1000);
    Ciphertext ct = encrypt(y, 1, r);
};

}  // namespace

BOOST_AUTO_TEST_SUITE(election_known_answers)

BOOST_AUTO_TEST_CASE(hb_and_hs_of_a_frame) {
    LengthPrefixed frame("yishi/v1/test");
    frame.bytes("abc").int64(7);
    BOOST_TEST(toHex(frame.encoded()) == "0000000d79697368692f76312f74657374000000036162630000000000000007");
    BOOST_TEST(toHex(hashBytes(frame)) == "257a541d723a8e5f67130e2ecc0e25933d4eea4ee393630a01bdf8703ad93aab");
    BOOST_TEST(hashToScalar(frame).hex() == "045171e203c4d411492e20d22d37aa7e893a51cc8561882a8f8011c3625bc60e");
}

BOOST_AUTO_TEST_CASE(the_example_key_and_ciphertext) {
    const Example e;
    BOOST_TEST(toHex(e.voter.credential) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    BOOST_TEST(e.y.hex() == "44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d");
    BOOST_TEST(e.ct.a.hex() == "fa36eb3fa5add2d1e61c7574b8b89178216cdbba70077e7bcd29f097ac2a6e74");
    BOOST_TEST(e.ct.b.hex() == "0ac478332fb22b51d719a5d29c10e27caa6526e1a779287e96c5fe2297cac125");
}

BOOST_AUTO_TEST_CASE(vote01_with_fixed_nonces) {
    const Example e;
    const RangeProof proof = proveVote01(e.voter, 2, e.y, e.ct, 1, e.r, fixedNonces({2001, 2002, 2003}));
    BOOST_TEST(toHex(proof.encoded()) ==
               "d207000000000000000000000000000000000000000000000000000000000000"
               "d307000000000000000000000000000000000000000000000000000000000000"
               "9df1b9adb979e1b44e46d206a9dbf5634bca3ef1e92e0e534b48ff27fcf3e10b"
               "644f222f35249a0ca78e4557e828c51abec9b9a229be9890c399cdc203ef5e05");
    BOOST_TEST(verifyVote01(e.voter, 2, e.y, e.ct, proof));
}

BOOST_AUTO_TEST_CASE(votesum_with_fixed_nonces) {
    const Example e;
    const RangeProof proof =
        proveVoteSum(e.voter, 0, 2, e.y, e.ct, 1, e.r, fixedNonces({3001, 3002, 3003, 3004, 3005}));
    BOOST_TEST(toHex(proof.encoded()) ==
               "ba0b000000000000000000000000000000000000000000000000000000000000"
               "bb0b000000000000000000000000000000000000000000000000000000000000"
               "3e21e08b5f5beeae94633fbcb64a2bf1c076c60b1e2c7304b735ca510a151a08"
               "e8e758b7fb575519b59fc6681d027d447b1ec000a2aa1b9e162d1e82b0cf1d0a"
               "bc0b000000000000000000000000000000000000000000000000000000000000"
               "bd0b000000000000000000000000000000000000000000000000000000000000");
    BOOST_TEST(verifyVoteSum(e.voter, 0, 2, e.y, e.ct, proof));
}

BOOST_AUTO_TEST_CASE(schnorr_with_a_fixed_nonce) {
    const Example e;
    const SchnorrProof proof = proveSchnorr({exampleEid(), 1, 0}, e.x, fixedNonces({4001}));
    BOOST_TEST(toHex(proof.encoded()) ==
               "dbc9da3884871d5ca906fe017f40b62080fd17bb3fbcb8ceec69fa3eb09bc300"
               "915eface7cae43d3346e05956536e32f7f1158e241daf258861a27472ebea60a");
    BOOST_TEST(verifySchnorr({exampleEid(), 1, 0}, e.y, proof));
}

BOOST_AUTO_TEST_CASE(pdec_with_a_fixed_nonce) {
    const Example e;
    const Point d = e.ct.a * e.x;
    BOOST_TEST(d.hex() == "3adf682c337ba2cfce56e6c7464f6caa69b74daeb38750c899b5ba187e5c4d4d");
    const DleqProof proof = provePdec({exampleEid(), 1, 2}, e.x, e.ct.a, fixedNonces({5001}));
    BOOST_TEST(toHex(proof.encoded()) ==
               "d61e3d738876f28868a284bdf87ba55ffc3bdab1289fd7517145b71b7dc96501"
               "9c0f4a365f257199fa2b577411965877195c0823e3a51ac3e619fd3d947d3706");
    BOOST_TEST(verifyPdec({exampleEid(), 1, 2}, e.y, e.ct.a, d, proof));
}

BOOST_AUTO_TEST_SUITE_END()
