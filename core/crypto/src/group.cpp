#include "yishi/crypto/group.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

#include "sodium_ready.h"

namespace yishi::crypto {

namespace {

template <typename Bytes>
Bytes copy32(std::string_view s) {
    Bytes b{};
    std::memcpy(b.data(), s.data(), b.size());
    return b;
}

std::string asString(const std::array<unsigned char, 32>& b) {
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
}

}  // namespace

// --- Scalar ---------------------------------------------------------------

Scalar::Scalar() = default;

Result<Scalar> Scalar::parse(std::string_view encoded) {
    if (encoded.size() != 32) {
        return Status::invalid("crypto.bad_scalar", "A scalar is 32 bytes.");
    }
    // Canonical iff reducing s || 0^32 gives s back.
    unsigned char wide[64] = {0};
    std::memcpy(wide, encoded.data(), 32);
    Bytes reduced{};
    crypto_core_ristretto255_scalar_reduce(reduced.data(), wide);
    if (std::memcmp(reduced.data(), encoded.data(), 32) != 0) {
        return Status::invalid("crypto.bad_scalar", "A scalar must be below the group order L.");
    }
    return Scalar(reduced);
}

Scalar Scalar::fromUint64(std::uint64_t n) {
    Bytes b{};
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(n >> (8 * i));
    return Scalar(b);  // n < 2^64 < L
}

Scalar Scalar::reduceWide(std::string_view wide) {
    if (wide.size() != 64) throw std::invalid_argument("reduceWide takes 64 bytes");
    Bytes b{};
    crypto_core_ristretto255_scalar_reduce(b.data(), reinterpret_cast<const unsigned char*>(wide.data()));
    return Scalar(b);
}

Scalar Scalar::random() {
    ensureSodium();
    Bytes b{};
    crypto_core_ristretto255_scalar_random(b.data());
    return Scalar(b);
}

bool Scalar::isZero() const { return sodium_is_zero(bytes_.data(), bytes_.size()) == 1; }
std::string Scalar::encoded() const { return asString(bytes_); }
std::string Scalar::hex() const { return toHex(encoded()); }

Scalar Scalar::operator+(const Scalar& o) const {
    Bytes r{};
    crypto_core_ristretto255_scalar_add(r.data(), bytes_.data(), o.bytes_.data());
    return Scalar(r);
}

Scalar Scalar::operator-(const Scalar& o) const {
    Bytes r{};
    crypto_core_ristretto255_scalar_sub(r.data(), bytes_.data(), o.bytes_.data());
    return Scalar(r);
}

Scalar Scalar::operator*(const Scalar& o) const {
    Bytes r{};
    crypto_core_ristretto255_scalar_mul(r.data(), bytes_.data(), o.bytes_.data());
    return Scalar(r);
}

Scalar Scalar::operator-() const {
    Bytes r{};
    crypto_core_ristretto255_scalar_negate(r.data(), bytes_.data());
    return Scalar(r);
}

Result<Scalar> Scalar::inverse() const {
    Bytes r{};
    if (isZero() || crypto_core_ristretto255_scalar_invert(r.data(), bytes_.data()) != 0) {
        return Status::invalid("crypto.zero_inverse", "Zero has no inverse modulo L.");
    }
    return Scalar(r);
}

bool Scalar::operator==(const Scalar& o) const { return sodium_memcmp(bytes_.data(), o.bytes_.data(), 32) == 0; }

// --- Point ----------------------------------------------------------------

Point::Point() = default;

Result<Point> Point::parse(std::string_view encoded) {
    if (encoded.size() != 32) {
        return Status::invalid("crypto.bad_point", "A group element is 32 bytes.");
    }
    const auto* p = reinterpret_cast<const unsigned char*>(encoded.data());
    // is_valid_point refuses non-elements and most non-canonical encodings,
    // and accepts the identity, which is a valid element. libsodium 1.0.18
    // does not look at bit 255 (later versions do): it decodes s + 2^255 as
    // s, a second encoding of one element. RFC 9496 refuses it, so do we.
    if ((p[31] & 0x80) != 0 || crypto_core_ristretto255_is_valid_point(p) != 1) {
        return Status::invalid("crypto.bad_point", "Not the canonical encoding of a ristretto255 element.");
    }
    return Point(copy32<Bytes>(encoded));
}

Result<Point> Point::parseNotIdentity(std::string_view encoded) {
    YISHI_ASSIGN_OR_RETURN(Point p, parse(encoded));
    YISHI_RETURN_IF_ERROR(p.requireNotIdentity());
    return p;
}

Point Point::base() {
    static const Point g = baseMul(Scalar::fromUint64(1));
    return g;
}

Point Point::baseMul(const Scalar& s) {
    if (s.isZero()) return Point();
    Bytes r{};
    // s is canonical and non-zero, so s·G is not the identity: -1 is a bug.
    if (crypto_scalarmult_ristretto255_base(r.data(), s.bytes().data()) != 0) {
        throw std::logic_error("ristretto255 base multiplication failed");
    }
    return Point(r);
}

Point Point::smallMultiple(std::uint64_t m) {
    static const auto table = [] {
        std::array<Point, 256> t;
        for (std::uint64_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] + base();
        return t;
    }();
    if (m < table.size()) return table[m];
    return baseMul(Scalar::fromUint64(m));
}

bool Point::isIdentity() const { return sodium_is_zero(bytes_.data(), bytes_.size()) == 1; }

Status Point::requireNotIdentity() const {
    if (isIdentity()) {
        return Status::invalid("crypto.identity_point", "The identity element is not allowed here.");
    }
    return Status::ok();
}

std::string Point::encoded() const { return asString(bytes_); }
std::string Point::hex() const { return toHex(encoded()); }

Point Point::operator*(const Scalar& s) const {
    if (s.isZero() || isIdentity()) return Point();
    Bytes r{};
    // In a group of prime order, s ≠ 0 times P ≠ identity is never the
    // identity, so -1 can only mean a bug.
    if (crypto_scalarmult_ristretto255(r.data(), s.bytes().data(), bytes_.data()) != 0) {
        throw std::logic_error("ristretto255 multiplication failed");
    }
    return Point(r);
}

Point Point::operator+(const Point& o) const {
    Bytes r{};
    if (crypto_core_ristretto255_add(r.data(), bytes_.data(), o.bytes_.data()) != 0) {
        throw std::logic_error("ristretto255 addition failed");
    }
    return Point(r);
}

Point Point::operator-(const Point& o) const {
    Bytes r{};
    if (crypto_core_ristretto255_sub(r.data(), bytes_.data(), o.bytes_.data()) != 0) {
        throw std::logic_error("ristretto255 subtraction failed");
    }
    return Point(r);
}

bool Point::operator==(const Point& o) const { return sodium_memcmp(bytes_.data(), o.bytes_.data(), 32) == 0; }

// --- hex ------------------------------------------------------------------

std::string toHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(kDigits[c >> 4]);
        out.push_back(kDigits[c & 15]);
    }
    return out;
}

Result<std::string> fromHex(std::string_view hex) {
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0) return Status::invalid("crypto.bad_hex", "Hex has an even number of digits.");
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = digit(hex[i]);
        const int lo = digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return Status::invalid("crypto.bad_hex", "Not a hex digit.");
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
}

}  // namespace yishi::crypto
