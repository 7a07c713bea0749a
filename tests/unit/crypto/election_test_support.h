#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "yishi/crypto/election_hash.h"
#include "yishi/crypto/elgamal.h"
#include "yishi/crypto/group.h"

namespace yishi::crypto {

// Boost.Test prints failed comparisons of scalars and points in hex.
inline std::ostream& boost_test_print_type(std::ostream& os, const Scalar& s) { return os << s.hex(); }
inline std::ostream& boost_test_print_type(std::ostream& os, const Point& p) { return os << p.hex(); }

}  // namespace yishi::crypto

namespace yishi::crypto::testing {

inline std::string unhex(std::string_view hex) {
    auto bytes = fromHex(hex);
    if (!bytes.isOk()) throw std::invalid_argument("bad hex in a test");
    return *bytes;
}

inline Scalar scalar(std::uint64_t n) { return Scalar::fromUint64(n); }

// The nonces a test dictates, in the order the prover draws them; throws
// when the prover asks for more than the test gave.
inline NonceSource fixedNonces(std::initializer_list<std::uint64_t> values) {
    auto queue = std::make_shared<std::deque<std::uint64_t>>(values);
    return [queue] {
        if (queue->empty()) throw std::logic_error("the prover drew more nonces than the test gave");
        const std::uint64_t n = queue->front();
        queue->pop_front();
        return Scalar::fromUint64(n);
    };
}

// The worked example's election id: the bytes 00 01 02 … 1f.
inline ElectionId exampleEid() {
    ElectionId eid{};
    for (std::size_t i = 0; i < eid.size(); ++i) eid[i] = static_cast<unsigned char>(i);
    return eid;
}

inline ElectionId otherEid() {
    ElectionId eid = exampleEid();
    eid[31] ^= 1;
    return eid;
}

// Flips one bit of byte `index`.
inline std::string flipped(std::string bytes, std::size_t index) {
    bytes[index] = static_cast<char>(bytes[index] ^ 0x01);
    return bytes;
}

}  // namespace yishi::crypto::testing
