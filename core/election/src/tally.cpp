#include "yishi/election/tally.h"

#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

namespace yishi::election {

namespace {

crypto::Scalar scalarOf(std::int64_t n) {
    if (n >= 0) return crypto::Scalar::fromUint64(static_cast<std::uint64_t>(n));
    return -crypto::Scalar::fromUint64(static_cast<std::uint64_t>(-n));
}

}  // namespace

Result<Tally> tallyOf(const Manifest& manifest, const std::vector<Ballot>& ballots_in_board_order) {
    std::map<std::string, const Ballot*> last;
    for (const auto& ballot : ballots_in_board_order) last[ballot.credential] = &ballot;
    std::vector<crypto::Point> a(manifest.options.size()), b(manifest.options.size());
    for (const auto& [credential, ballot] : last) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            auto ai = crypto::Point::parse(ballot->options[i].a);
            auto bi = crypto::Point::parse(ballot->options[i].b);
            if (!ai.isOk() || !bi.isOk()) return Status::invalid("tally.sum", "a ballot's point does not decode");
            a[i] = a[i] + ai.value();
            b[i] = b[i] + bi.value();
        }
    }
    Tally tally;
    tally.counted = static_cast<std::int64_t>(last.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        tally.a.push_back(a[i].encoded());
        tally.b.push_back(b[i].encoded());
    }
    return tally;
}

crypto::Scalar lagrangeAtZero(std::int64_t j, const std::vector<std::int64_t>& indices) {
    crypto::Scalar lambda = crypto::Scalar::fromUint64(1);
    for (const std::int64_t k : indices) {
        if (k == j) continue;
        // (k − j) is non-zero and far below L, so its inverse exists.
        lambda = lambda * scalarOf(k) * scalarOf(k - j).inverse().value();
    }
    return lambda;
}

Result<std::vector<crypto::Point>> combinePartials(const Tally& tally, const std::vector<Partial>& partials) {
    std::vector<std::int64_t> indices;
    for (const auto& p : partials) indices.push_back(p.trustee);
    std::vector<crypto::Scalar> lambdas;
    for (const auto& p : partials) lambdas.push_back(lagrangeAtZero(p.trustee, indices));
    std::vector<crypto::Point> m;
    for (std::size_t i = 0; i < tally.b.size(); ++i) {
        auto b = crypto::Point::parse(tally.b[i]);
        if (!b.isOk()) return Status::invalid("result.count", "a tally's B_i does not decode");
        crypto::Point sum = crypto::Point::identity();
        for (std::size_t s = 0; s < partials.size(); ++s) {
            auto d = crypto::Point::parse(partials[s].shares[i]);
            if (!d.isOk()) return Status::invalid("result.count", "a partial decryption does not decode");
            sum = sum + d.value() * lambdas[s];
        }
        m.push_back(b.value() - sum);
    }
    return m;
}

std::optional<std::int64_t> discreteLog(const crypto::Point& m, std::int64_t max_count) {
    if (max_count < 0) return std::nullopt;
    const auto steps = static_cast<std::int64_t>(std::ceil(std::sqrt(static_cast<double>(max_count) + 1.0)));
    std::unordered_map<std::string, std::int64_t> baby;  // j·G -> j for 0 <= j < steps
    baby.reserve(static_cast<std::size_t>(steps));
    crypto::Point jg = crypto::Point::identity();
    const crypto::Point g = crypto::Point::base();
    for (std::int64_t j = 0; j < steps; ++j) {
        baby.emplace(jg.encoded(), j);
        jg = jg + g;
    }
    const crypto::Point giant = jg;  // steps·G
    crypto::Point rest = m;          // m − i·steps·G
    for (std::int64_t i = 0; i <= steps; ++i) {
        if (auto it = baby.find(rest.encoded()); it != baby.end()) {
            const std::int64_t n = i * steps + it->second;
            if (n <= max_count) return n;
            return std::nullopt;
        }
        rest = rest - giant;
    }
    return std::nullopt;
}

}  // namespace yishi::election
