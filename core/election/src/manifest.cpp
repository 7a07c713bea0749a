#include "yishi/election/manifest.h"

#include <set>

#include "yishi/common/frame_reader.h"
#include "yishi/common/length_prefixed.h"
#include "yishi/common/utf8.h"
#include "yishi/crypto/ed25519.h"
#include "yishi/election/tags.h"

namespace yishi::election {

namespace {

constexpr std::int64_t kMaxOptions = 64;
constexpr std::int64_t kMaxTrustees = 16;
constexpr std::int64_t kMaxCost = 1'000'000'000'000;        // 10^12 fen
constexpr std::int64_t kMaxBudget = 1'000'000'000'000'000;  // 10^15 fen
constexpr std::int64_t kMaxTimeMs = (std::int64_t{1} << 53) - 1;

Status invalid(const std::string& what) { return Status::invalid("manifest.invalid", what); }

Status text(std::string_view what, std::string_view value, std::size_t min_bytes, std::size_t max_bytes) {
    if (value.size() < min_bytes || value.size() > max_bytes) {
        return invalid(std::string(what) + " must have " + std::to_string(min_bytes) + " to " +
                       std::to_string(max_bytes) + " bytes");
    }
    if (!isValidUtf8(value)) return invalid(std::string(what) + " is not valid UTF-8");
    return Status::ok();
}

}  // namespace

std::string_view toString(ElectionKind kind) { return kind == ElectionKind::kReferendum ? "referendum" : "approval"; }

bool isRecordableRule(std::string_view rule) {
    return rule == "greedy" || rule == "greedy-threshold" || rule == "greedy-quota";
}

std::string Manifest::encoded() const {
    LengthPrefixed f(tag::kManifestMessage);
    f.bytes(ref).bytes(scope).bytes(subject).bytes(toString(kind)).bytes(title);
    f.int64(optionCount());
    for (const auto& o : options) f.bytes(o.label).int64(o.cost).bytes(o.group);
    f.int64(min).int64(max).int64(budget).int64(opens_at_ms).int64(closes_at_ms);
    f.int64(trusteeCount()).int64(quorum);
    for (const auto& t : trustees) f.bytes(t.name).bytes(t.sign_pk).bytes(t.box_pk);
    f.int64(demo ? 1 : 0).bytes(board_pk);
    f.bytes(rule).bytes(rule_version).bytes(rule_hash).int64(rule_param);
    return f.encoded();
}

Result<Manifest> Manifest::parse(std::string_view bytes) {
    FrameReader r(bytes, "manifest.format");
    Manifest m;
    if (Status s = r.expectTag(tag::kManifestMessage); !s.isOk()) return s;
    YISHI_ASSIGN_OR_RETURN(std::string_view ref, r.bytes("ref"));
    YISHI_ASSIGN_OR_RETURN(std::string_view scope, r.bytes("scope"));
    YISHI_ASSIGN_OR_RETURN(std::string_view subject, r.bytes("subject"));
    YISHI_ASSIGN_OR_RETURN(std::string_view kind, r.bytes("kind"));
    YISHI_ASSIGN_OR_RETURN(std::string_view title, r.bytes("title"));
    m.ref = ref, m.scope = scope, m.subject = subject, m.title = title;
    if (kind == "referendum") {
        m.kind = ElectionKind::kReferendum;
    } else if (kind == "approval") {
        m.kind = ElectionKind::kApproval;
    } else {
        return Status::invalid("manifest.format", "kind is neither referendum nor approval");
    }
    YISHI_ASSIGN_OR_RETURN(std::int64_t n_options, r.int64InRange("n_options", 1, kMaxOptions));
    for (std::int64_t i = 0; i < n_options; ++i) {
        OptionSpec o;
        YISHI_ASSIGN_OR_RETURN(std::string_view label, r.bytes("an option's label"));
        YISHI_ASSIGN_OR_RETURN(o.cost, r.int64("an option's cost"));
        YISHI_ASSIGN_OR_RETURN(std::string_view group, r.bytes("an option's group"));
        o.label = label, o.group = group;
        m.options.push_back(std::move(o));
    }
    YISHI_ASSIGN_OR_RETURN(m.min, r.int64("min"));
    YISHI_ASSIGN_OR_RETURN(m.max, r.int64("max"));
    YISHI_ASSIGN_OR_RETURN(m.budget, r.int64("budget"));
    YISHI_ASSIGN_OR_RETURN(m.opens_at_ms, r.int64("opens_at"));
    YISHI_ASSIGN_OR_RETURN(m.closes_at_ms, r.int64("closes_at"));
    YISHI_ASSIGN_OR_RETURN(std::int64_t n_trustees, r.int64InRange("n_trustees", 1, kMaxTrustees));
    YISHI_ASSIGN_OR_RETURN(m.quorum, r.int64("quorum"));
    for (std::int64_t j = 0; j < n_trustees; ++j) {
        TrusteeSpec t;
        YISHI_ASSIGN_OR_RETURN(std::string_view name, r.bytes("a trustee's name"));
        YISHI_ASSIGN_OR_RETURN(std::string_view sign_pk, r.bytesOfSize("a trustee's sign_pk", 32));
        YISHI_ASSIGN_OR_RETURN(std::string_view box_pk, r.bytesOfSize("a trustee's box_pk", 32));
        t.name = name, t.sign_pk = sign_pk, t.box_pk = box_pk;
        m.trustees.push_back(std::move(t));
    }
    YISHI_ASSIGN_OR_RETURN(std::int64_t demo, r.int64InRange("demo", 0, 1));
    m.demo = demo == 1;
    YISHI_ASSIGN_OR_RETURN(std::string_view board_pk, r.bytesOfSize("board_pk", 32));
    m.board_pk = board_pk;
    YISHI_ASSIGN_OR_RETURN(std::string_view rule, r.bytes("rule"));
    YISHI_ASSIGN_OR_RETURN(std::string_view rule_version, r.bytes("rule_version"));
    YISHI_ASSIGN_OR_RETURN(std::string_view rule_hash, r.bytes("rule_hash"));
    m.rule = rule, m.rule_version = rule_version, m.rule_hash = rule_hash;
    YISHI_ASSIGN_OR_RETURN(m.rule_param, r.int64("rule_param"));
    if (Status s = r.finish(); !s.isOk()) return s;
    return m;
}

Status Manifest::validate() const {
    if (Status s = text("ref", ref, 1, 64); !s.isOk()) return s;
    if (Status s = text("scope", scope, 1, 64); !s.isOk()) return s;
    if (scope != "district" && scope.rfind("community/", 0) != 0 && scope.rfind("street/", 0) != 0) {
        return invalid("scope must be community/<id>, street/<id> or district");
    }
    if (Status s = text("subject", subject, 0, 64); !s.isOk()) return s;
    if (Status s = text("title", title, 1, 400); !s.isOk()) return s;
    const bool referendum = kind == ElectionKind::kReferendum;
    if (referendum && optionCount() != 3) return invalid("a referendum has 3 options: yes, no, abstain");
    if (optionCount() < 1 || optionCount() > kMaxOptions) return invalid("n_options must be 1 to 64");
    for (const auto& o : options) {
        if (Status s = text("an option's label", o.label, 1, 400); !s.isOk()) return s;
        if (Status s = text("an option's group", o.group, 0, 64); !s.isOk()) return s;
        if (o.cost < 0 || o.cost > kMaxCost) return invalid("an option's cost must be 0 to 10^12 fen");
        if (referendum && o.cost != 0) return invalid("a referendum's options cost nothing");
        if (rule == "greedy-quota" && o.group.empty()) return invalid("greedy-quota needs every option's group");
    }
    if (referendum && (min != 1 || max != 1)) return invalid("a referendum selects exactly one option");
    if (min < 0 || max < min || max > optionCount() || max < 1) {
        return invalid("min and max must satisfy 0 <= min <= max <= n_options and max >= 1");
    }
    if (budget < 0 || budget > kMaxBudget) return invalid("budget must be 0 to 10^15 fen");
    if (referendum && budget != 0) return invalid("a referendum has no budget");
    if (opens_at_ms < 0 || closes_at_ms <= opens_at_ms || closes_at_ms > kMaxTimeMs) {
        return invalid("the window must satisfy 0 <= opens_at < closes_at < 2^53");
    }
    if (quorum < 1 || quorum > trusteeCount() || trusteeCount() > kMaxTrustees) {
        return invalid("1 <= quorum <= n_trustees <= 16 must hold");
    }
    std::set<std::string> sign_keys, box_keys;
    for (const auto& t : trustees) {
        if (Status s = text("a trustee's name", t.name, 1, 200); !s.isOk()) return s;
        if (!crypto::VerifyKey::parse(t.sign_pk).isOk()) return invalid("a trustee's sign_pk is not a valid key");
        if (t.box_pk.size() != 32) return invalid("a trustee's box_pk must have 32 bytes");
        if (!sign_keys.insert(t.sign_pk).second) return invalid("two trustees share a sign_pk");
        if (!box_keys.insert(t.box_pk).second) return invalid("two trustees share a box_pk");
    }
    if (!crypto::VerifyKey::parse(board_pk).isOk()) return invalid("board_pk is not a valid key");
    if (referendum) {
        if (!rule.empty() || !rule_version.empty() || !rule_hash.empty() || rule_param != 0) {
            return invalid("a referendum has no selection rule");
        }
    } else if (rule.empty()) {
        if (!rule_version.empty() || !rule_hash.empty() || rule_param != 0) {
            return invalid("rule_version, rule_hash and rule_param need a rule");
        }
    } else if (!isRecordableRule(rule)) {
        return invalid("rule must be greedy, greedy-threshold or greedy-quota: a record can re-run only these");
    }
    if (Status s = text("rule_version", rule_version, 0, 64); !s.isOk()) return s;
    if (Status s = text("rule_hash", rule_hash, 0, 128); !s.isOk()) return s;
    if (rule_param < 0) return invalid("rule_param must be >= 0");
    return Status::ok();
}

crypto::ElectionId electionIdOf(std::string_view manifest_bytes) {
    const std::string h = crypto::hashBytes(LengthPrefixed(crypto::tag::kManifest).bytes(manifest_bytes));
    crypto::ElectionId eid{};
    std::copy(h.begin(), h.end(), eid.begin());
    return eid;
}

}  // namespace yishi::election
