#include "yishi/election/messages.h"

#include <type_traits>

#include "yishi/common/frame_reader.h"
#include "yishi/common/length_prefixed.h"
#include "yishi/election/tags.h"

namespace yishi::election {

namespace {

constexpr std::size_t kKey = 32;
constexpr std::size_t kPoint = 32;
constexpr std::size_t kHash = 32;
constexpr std::size_t kSig = 64;
constexpr std::size_t kProof = 64;  // Schnorr, pdec, one range branch
constexpr std::size_t kVote01Proof = 128;
constexpr std::size_t kBox = 72;

template <typename T>
constexpr bool kSigned = std::is_same_v<T, TrusteeCommit> || std::is_same_v<T, TrusteeReveal> ||
                         std::is_same_v<T, TrusteeShares> || std::is_same_v<T, TrusteeOk> ||
                         std::is_same_v<T, Enroll> || std::is_same_v<T, Ballot> || std::is_same_v<T, Partial>;

std::string_view tagOf(const Message& message) {
    return std::visit(
        [](const auto& m) -> std::string_view {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, TrusteeCommit>) return tag::kTrusteeCommit;
            if constexpr (std::is_same_v<T, TrusteeReveal>) return tag::kTrusteeReveal;
            if constexpr (std::is_same_v<T, TrusteeShares>) return tag::kTrusteeShares;
            if constexpr (std::is_same_v<T, TrusteeOk>) return tag::kTrusteeOk;
            if constexpr (std::is_same_v<T, Open>) return tag::kOpen;
            if constexpr (std::is_same_v<T, Enroll>) return tag::kEnroll;
            if constexpr (std::is_same_v<T, Ballot>) return tag::kBallot;
            if constexpr (std::is_same_v<T, Close>) return tag::kClose;
            if constexpr (std::is_same_v<T, Tally>) return tag::kTally;
            if constexpr (std::is_same_v<T, Partial>) return tag::kPartial;
            if constexpr (std::is_same_v<T, ElectionResult>) return tag::kResult;
        },
        message);
}

// Every field but the signature.
LengthPrefixed encodeUnsigned(const Message& message, const crypto::ElectionId& eid) {
    LengthPrefixed f(tagOf(message));
    f.bytes(crypto::asBytes(eid));
    std::visit(
        [&](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, TrusteeCommit>) {
                f.int64(m.trustee).bytes(m.commitment);
            } else if constexpr (std::is_same_v<T, TrusteeReveal>) {
                f.int64(m.trustee);
                for (std::size_t k = 0; k < m.coefficients.size(); ++k) f.bytes(m.coefficients[k]).bytes(m.proofs[k]);
            } else if constexpr (std::is_same_v<T, TrusteeShares>) {
                f.int64(m.trustee);
                for (const auto& box : m.boxes) f.bytes(box);
            } else if constexpr (std::is_same_v<T, TrusteeOk>) {
                f.int64(m.trustee);
            } else if constexpr (std::is_same_v<T, Open>) {
                f.bytes(m.y);
                for (const auto& y : m.trustee_keys) f.bytes(y);
            } else if constexpr (std::is_same_v<T, Enroll>) {
                f.bytes(m.credential).bytes(m.replaces);
            } else if constexpr (std::is_same_v<T, Ballot>) {
                f.bytes(m.credential);
                for (const auto& o : m.options) f.bytes(o.a).bytes(o.b).bytes(o.proof);
                f.bytes(m.range_proof);
            } else if constexpr (std::is_same_v<T, Close>) {
                f.int64(static_cast<std::int64_t>(m.roster.size()));
                for (const auto& pk : m.roster) f.bytes(pk);
            } else if constexpr (std::is_same_v<T, Tally>) {
                f.int64(m.counted);
                for (std::size_t i = 0; i < m.a.size(); ++i) f.bytes(m.a[i]).bytes(m.b[i]);
            } else if constexpr (std::is_same_v<T, Partial>) {
                f.int64(m.trustee);
                for (std::size_t i = 0; i < m.shares.size(); ++i) f.bytes(m.shares[i]).bytes(m.proofs[i]);
            } else if constexpr (std::is_same_v<T, ElectionResult>) {
                for (const auto n : m.counts) f.int64(n);
                f.int64(static_cast<std::int64_t>(m.selected.size()));
                for (const auto s : m.selected) f.int64(s);
            }
        },
        message);
    return f;
}

const std::string* signatureOf(const Message& message) {
    return std::visit(
        [](const auto& m) -> const std::string* {
            using T = std::decay_t<decltype(m)>;
            if constexpr (kSigned<T>) {
                return &m.sig;
            } else {
                return nullptr;
            }
        },
        message);
}

class MessageReader {
  public:
    MessageReader(std::string_view bytes, const Manifest& manifest) : r_(bytes, "message.format"), m_(manifest) {}

    Result<Message> read(const crypto::ElectionId& eid) {
        YISHI_ASSIGN_OR_RETURN(std::string_view t, r_.tag());
        YISHI_ASSIGN_OR_RETURN(std::string_view message_eid, r_.bytesOfSize("EID", kHash));
        if (message_eid != crypto::asBytes(eid)) {
            return Status::invalid("entry.election", "the message names another election");
        }
        Result<Message> message = readBody(t);
        if (!message.isOk()) return message;
        if (Status s = r_.finish(); !s.isOk()) return s;
        return message;
    }

  private:
    Result<std::string> field(std::string_view what, std::size_t size) {
        YISHI_ASSIGN_OR_RETURN(std::string_view v, r_.bytesOfSize(what, size));
        return std::string(v);
    }

    Result<std::int64_t> trustee() { return r_.int64InRange("the trustee index", 1, m_.trusteeCount()); }

    Result<Message> readBody(std::string_view t) {
        const std::size_t n_options = m_.options.size();
        if (t == tag::kTrusteeCommit) {
            TrusteeCommit m;
            YISHI_ASSIGN_OR_RETURN(m.trustee, trustee());
            YISHI_ASSIGN_OR_RETURN(m.commitment, field("h_i", kHash));
            YISHI_ASSIGN_OR_RETURN(m.sig, field("sig", kSig));
            return Message(std::move(m));
        }
        if (t == tag::kTrusteeReveal) {
            TrusteeReveal m;
            YISHI_ASSIGN_OR_RETURN(m.trustee, trustee());
            for (std::int64_t k = 0; k <= m_.degree(); ++k) {
                YISHI_ASSIGN_OR_RETURN(std::string a, field("A_ik", kPoint));
                YISHI_ASSIGN_OR_RETURN(std::string proof, field("a Schnorr proof", kProof));
                m.coefficients.push_back(std::move(a));
                m.proofs.push_back(std::move(proof));
            }
            YISHI_ASSIGN_OR_RETURN(m.sig, field("sig", kSig));
            return Message(std::move(m));
        }
        if (t == tag::kTrusteeShares) {
            TrusteeShares m;
            YISHI_ASSIGN_OR_RETURN(m.trustee, trustee());
            for (std::int64_t j = 1; j < m_.trusteeCount(); ++j) {
                YISHI_ASSIGN_OR_RETURN(std::string box, field("a share's box", kBox));
                m.boxes.push_back(std::move(box));
            }
            YISHI_ASSIGN_OR_RETURN(m.sig, field("sig", kSig));
            return Message(std::move(m));
        }
        if (t == tag::kTrusteeOk) {
            TrusteeOk m;
            YISHI_ASSIGN_OR_RETURN(m.trustee, trustee());
            YISHI_ASSIGN_OR_RETURN(m.sig, field("sig", kSig));
            return Message(std::move(m));
        }
        if (t == tag::kOpen) {
            Open m;
            YISHI_ASSIGN_OR_RETURN(m.y, field("Y", kPoint));
            for (std::int64_t j = 1; j <= m_.trusteeCount(); ++j) {
                YISHI_ASSIGN_OR_RETURN(std::string y, field("Y_j", kPoint));
                m.trustee_keys.push_back(std::move(y));
            }
            return Message(std::move(m));
        }
        if (t == tag::kEnroll) {
            Enroll m;
            YISHI_ASSIGN_OR_RETURN(m.credential, field("cred_pk", kKey));
            YISHI_ASSIGN_OR_RETURN(std::string_view old, r_.bytes("old_pk"));
            if (!old.empty() && old.size() != kKey) {
                return Status::invalid("message.format", "old_pk must be empty or 32 bytes");
            }
            m.replaces = old;
            YISHI_ASSIGN_OR_RETURN(m.sig, field("sig", kSig));
            return Message(std::move(m));
        }
        if (t == tag::kBallot) {
            Ballot m;
            YISHI_ASSIGN_OR_RETURN(m.credential, field("cred_pk", kKey));
            for (std::size_t i = 0; i < n_options; ++i) {
                BallotOption o;
                YISHI_ASSIGN_OR_RETURN(o.a, field("a_i", kPoint));
                YISHI_ASSIGN_OR_RETURN(o.b, field("b_i", kPoint));
                YISHI_ASSIGN_OR_RETURN(o.proof, field("a vote01 proof", kVote01Proof));
                m.options.push_back(std::move(o));
            }
            const std::size_t range_size =
                m_.hasRangeProof() ? kProof * static_cast<std::size_t>(m_.max - m_.min + 1) : 0;
            YISHI_ASSIGN_OR_RETURN(m.range_proof, field("the votesum proof", range_size));
            YISHI_ASSIGN_OR_RETURN(m.sig, field("sig", kSig));
            return Message(std::move(m));
        }
        if (t == tag::kClose) {
            Close m;
            YISHI_ASSIGN_OR_RETURN(std::int64_t k, r_.int64InRange("the roster's size", 0, 10000000));
            for (std::int64_t i = 0; i < k; ++i) {
                YISHI_ASSIGN_OR_RETURN(std::string pk, field("a roster key", kKey));
                m.roster.push_back(std::move(pk));
            }
            return Message(std::move(m));
        }
        if (t == tag::kTally) {
            Tally m;
            YISHI_ASSIGN_OR_RETURN(m.counted, r_.int64InRange("N", 0, std::int64_t{1} << 53));
            for (std::size_t i = 0; i < n_options; ++i) {
                YISHI_ASSIGN_OR_RETURN(std::string a, field("A_i", kPoint));
                YISHI_ASSIGN_OR_RETURN(std::string b, field("B_i", kPoint));
                m.a.push_back(std::move(a));
                m.b.push_back(std::move(b));
            }
            return Message(std::move(m));
        }
        if (t == tag::kPartial) {
            Partial m;
            YISHI_ASSIGN_OR_RETURN(m.trustee, trustee());
            for (std::size_t i = 0; i < n_options; ++i) {
                YISHI_ASSIGN_OR_RETURN(std::string d, field("D_ji", kPoint));
                YISHI_ASSIGN_OR_RETURN(std::string proof, field("a pdec proof", kProof));
                m.shares.push_back(std::move(d));
                m.proofs.push_back(std::move(proof));
            }
            YISHI_ASSIGN_OR_RETURN(m.sig, field("sig", kSig));
            return Message(std::move(m));
        }
        if (t == tag::kResult) {
            ElectionResult m;
            for (std::size_t i = 0; i < n_options; ++i) {
                YISHI_ASSIGN_OR_RETURN(std::int64_t n, r_.int64("a count"));
                m.counts.push_back(n);
            }
            YISHI_ASSIGN_OR_RETURN(std::int64_t k, r_.int64InRange("k", 0, static_cast<std::int64_t>(n_options)));
            for (std::int64_t s = 0; s < k; ++s) {
                YISHI_ASSIGN_OR_RETURN(std::int64_t index, r_.int64("a selected option"));
                m.selected.push_back(index);
            }
            return Message(std::move(m));
        }
        return Status::invalid("entry.format", "the message's tag is not a type of the record");
    }

    FrameReader r_;
    const Manifest& m_;
};

}  // namespace

std::string_view messageName(const Message& message) {
    std::string_view t = tagOf(message);
    return t.substr(t.rfind('/') + 1);
}

Result<Message> parseMessage(std::string_view bytes, const Manifest& manifest, const crypto::ElectionId& eid) {
    return MessageReader(bytes, manifest).read(eid);
}

std::string encodeMessage(const Message& message, const crypto::ElectionId& eid) {
    LengthPrefixed f = encodeUnsigned(message, eid);
    if (const std::string* sig = signatureOf(message)) f.bytes(*sig);
    return f.encoded();
}

std::string signedPayload(std::string_view signed_message) {
    const std::string_view p = signed_message.substr(0, signed_message.size() - (4 + kSig));
    return LengthPrefixed(tag::kSignature).bytes(p).encoded();
}

Message signMessage(Message message, const crypto::ElectionId& eid, const crypto::SigningKey& key) {
    if (signatureOf(message) == nullptr) return message;
    const std::string p = encodeUnsigned(message, eid).encoded();
    const std::string sig = key.sign(LengthPrefixed(tag::kSignature).bytes(p).encoded());
    std::visit(
        [&](auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (kSigned<T>) m.sig = sig;
        },
        message);
    return message;
}

Status verifyMessageSignature(std::string_view signed_message, std::string_view key) {
    if (signed_message.size() < 4 + kSig) return Status::invalid("message.signature", "no signature");
    auto verify_key = crypto::VerifyKey::parse(key);
    if (!verify_key.isOk()) return Status::invalid("message.signature", "the signing key is not valid");
    const std::string_view sig = signed_message.substr(signed_message.size() - kSig);
    if (!verify_key->verify(signedPayload(signed_message), sig)) {
        return Status::invalid("message.signature", "the signature does not verify");
    }
    return Status::ok();
}

std::string ballotHash(std::string_view ballot_message) {
    return crypto::hashBytes(LengthPrefixed(crypto::tag::kBallot).bytes(ballot_message));
}

std::string trackingCode(std::string_view ballot_hash) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string code;
    for (int letter = 0; letter < 20; ++letter) {
        if (letter > 0 && letter % 4 == 0) code.push_back('-');
        int value = 0;
        for (int bit = letter * 5; bit < letter * 5 + 5; ++bit) {
            const auto byte = static_cast<unsigned char>(ballot_hash[static_cast<std::size_t>(bit / 8)]);
            value = (value << 1) | ((byte >> (7 - bit % 8)) & 1);
        }
        code.push_back(kAlphabet[value]);
    }
    return code;
}

}  // namespace yishi::election
