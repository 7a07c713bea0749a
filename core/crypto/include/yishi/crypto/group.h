#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/common/result.h"

namespace yishi::crypto {

// The ristretto255 group of prime order L = 2^252 + 27742317777372353535851937790883648493
// (docs/election-record.md, sections 1 and 3). Values are immutable; all
// functions are safe to call from any thread.

// An integer modulo L, always held in its canonical form (< L), encoded as
// 32 bytes little-endian.
class Scalar {
  public:
    using Bytes = std::array<unsigned char, 32>;

    // Zero.
    Scalar();

    // The 32-byte little-endian encoding of a number below L. invalid
    // "crypto.bad_scalar" for another length or a number >= L (s + L, or any
    // value with bit 255 set, would otherwise make proofs malleable).
    static Result<Scalar> parse(std::string_view encoded);
    static Scalar fromUint64(std::uint64_t n);
    // A 64-byte string read as a little-endian integer, reduced modulo L.
    // REQUIRES: wide.size() == 64.
    static Scalar reduceWide(std::string_view wide);
    // Uniform in [1, L) from libsodium's CSPRNG (never 0).
    static Scalar random();

    bool isZero() const;
    const Bytes& bytes() const { return bytes_; }
    std::string encoded() const;  // 32 bytes
    std::string hex() const;

    Scalar operator+(const Scalar& o) const;
    Scalar operator-(const Scalar& o) const;
    Scalar operator*(const Scalar& o) const;
    Scalar operator-() const;
    // invalid "crypto.zero_inverse" for zero, which has no inverse.
    Result<Scalar> inverse() const;

    bool operator==(const Scalar& o) const;
    bool operator!=(const Scalar& o) const { return !(*this == o); }

  private:
    explicit Scalar(const Bytes& b) : bytes_(b) {}
    Bytes bytes_{};
};

// A ristretto255 element, held in its canonical 32-byte encoding. The
// identity (32 zero bytes) is a valid element; refuse it with
// requireNotIdentity where it means nothing (election and trustee keys, a_i).
class Point {
  public:
    using Bytes = std::array<unsigned char, 32>;

    // The identity.
    Point();

    // invalid "crypto.bad_point" unless `encoded` is the canonical encoding of
    // a ristretto255 element (the identity included).
    static Result<Point> parse(std::string_view encoded);
    // parse, then invalid "crypto.identity_point" for the identity.
    static Result<Point> parseNotIdentity(std::string_view encoded);

    static Point identity() { return Point(); }
    static Point base();
    // s·G; the identity for s = 0 (libsodium refuses to compute it).
    static Point baseMul(const Scalar& s);
    // m·G for a small non-negative m (vote values, counts), from a table for
    // m < 256.
    static Point smallMultiple(std::uint64_t m);

    bool isIdentity() const;
    // OK, or invalid "crypto.identity_point" when this is the identity.
    Status requireNotIdentity() const;

    const Bytes& bytes() const { return bytes_; }
    std::string encoded() const;  // 32 bytes
    std::string hex() const;

    // s·P; the identity when s = 0 or P is the identity.
    Point operator*(const Scalar& s) const;
    Point operator+(const Point& o) const;
    Point operator-(const Point& o) const;

    bool operator==(const Point& o) const;
    bool operator!=(const Point& o) const { return !(*this == o); }

  private:
    explicit Point(const Bytes& b) : bytes_(b) {}
    Bytes bytes_{};
};

inline Point operator*(const Scalar& s, const Point& p) { return p * s; }

// Lower-case hex of bytes, and its inverse for tests and tools (empty
// optional-like failure: invalid "crypto.bad_hex").
std::string toHex(std::string_view bytes);
Result<std::string> fromHex(std::string_view hex);

}  // namespace yishi::crypto
