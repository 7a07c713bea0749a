#include "yishi/election/board.h"

#include <algorithm>

#include "yishi/common/frame_reader.h"
#include "yishi/common/length_prefixed.h"
#include "yishi/election/messages.h"
#include "yishi/election/tags.h"

namespace yishi::election {

namespace {

constexpr std::size_t kSig = 64;

crypto::ElectionId toEid(std::string_view bytes) {
    crypto::ElectionId eid{};
    std::copy(bytes.begin(), bytes.end(), eid.begin());
    return eid;
}

LengthPrefixed headUnsigned(const TreeHead& h) {
    LengthPrefixed f(tag::kTreeHead);
    f.bytes(crypto::asBytes(h.eid)).int64(static_cast<std::int64_t>(h.size));
    f.bytes(crypto::merkleHashBytes(h.root)).int64(h.at_ms);
    return f;
}

}  // namespace

std::string Entry::encoded() const {
    return LengthPrefixed(tag::kEntry).bytes(crypto::asBytes(eid)).int64(at_ms).bytes(message).encoded();
}

Result<Entry> Entry::parse(std::string_view bytes) {
    FrameReader r(bytes, "entry.format");
    if (Status s = r.expectTag(tag::kEntry); !s.isOk()) return s;
    Entry e;
    YISHI_ASSIGN_OR_RETURN(std::string_view eid, r.bytesOfSize("EID", 32));
    YISHI_ASSIGN_OR_RETURN(e.at_ms, r.int64("at"));
    YISHI_ASSIGN_OR_RETURN(std::string_view message, r.bytes("the message"));
    if (Status s = r.finish(); !s.isOk()) return s;
    e.eid = toEid(eid);
    e.message = message;
    return e;
}

std::string TreeHead::encoded() const { return headUnsigned(*this).bytes(sig).encoded(); }

Result<TreeHead> TreeHead::parse(std::string_view bytes) {
    FrameReader r(bytes, "sth.format");
    if (Status s = r.expectTag(tag::kTreeHead); !s.isOk()) return s;
    TreeHead h;
    YISHI_ASSIGN_OR_RETURN(std::string_view eid, r.bytesOfSize("EID", 32));
    YISHI_ASSIGN_OR_RETURN(std::int64_t size, r.int64InRange("size", 1, INT64_MAX));
    YISHI_ASSIGN_OR_RETURN(std::string_view root, r.bytesOfSize("root", 32));
    YISHI_ASSIGN_OR_RETURN(h.at_ms, r.int64("at"));
    YISHI_ASSIGN_OR_RETURN(std::string_view sig, r.bytesOfSize("sig", kSig));
    if (Status s = r.finish(); !s.isOk()) return s;
    h.eid = toEid(eid);
    h.size = static_cast<std::uint64_t>(size);
    std::copy(root.begin(), root.end(), h.root.begin());
    h.sig = sig;
    return h;
}

TreeHead TreeHead::signedBy(const crypto::SigningKey& board_key) const {
    TreeHead h = *this;
    h.sig = board_key.sign(LengthPrefixed(tag::kSignature).bytes(headUnsigned(h).encoded()).encoded());
    return h;
}

Status TreeHead::verifySignature(std::string_view board_pk) const {
    Status s = verifyMessageSignature(encoded(), board_pk);
    if (!s.isOk()) return Status::invalid("sth.signature", "the tree head's signature does not verify");
    return s;
}

std::string Record::encoded() const {
    std::string out = recordPrefix(entries.size());
    for (const auto& e : entries) out += recordField(e);
    out += recordField(head);
    return out;
}

Result<Record> Record::parse(std::string_view bytes) {
    FrameReader r(bytes, "record.format");
    if (Status s = r.expectTag(tag::kRecord); !s.isOk()) return s;
    YISHI_ASSIGN_OR_RETURN(std::int64_t n, r.int64InRange("n", 1, INT64_MAX));
    Record record;
    // Each entry takes at least 4 bytes: a bound before reserving.
    if (static_cast<std::uint64_t>(n) > bytes.size() / 4) {
        return Status::invalid("record.format", "n is larger than the file could hold");
    }
    record.entries.reserve(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        YISHI_ASSIGN_OR_RETURN(std::string_view entry, r.bytes("an entry"));
        record.entries.emplace_back(entry);
    }
    YISHI_ASSIGN_OR_RETURN(std::string_view head, r.bytes("the tree head"));
    record.head = head;
    if (Status s = r.finish(); !s.isOk()) return s;
    return record;
}

std::string recordPrefix(std::uint64_t entry_count) {
    return LengthPrefixed(tag::kRecord).int64(static_cast<std::int64_t>(entry_count)).encoded();
}

std::string recordField(std::string_view bytes) {
    std::string out;
    out.reserve(4 + bytes.size());
    const auto n = static_cast<std::uint32_t>(bytes.size());
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
    out.append(bytes);
    return out;
}

}  // namespace yishi::election
