#pragma once

#include <string_view>

namespace yishi::election::tag {

// The tags of the record's messages and wrappers (docs/election-record.md,
// 2.3 and sections 5 and 6). The hash tags are in yishi/crypto/election_hash.h.
inline constexpr std::string_view kManifestMessage = "yishi/v1/msg/manifest";
inline constexpr std::string_view kTrusteeCommit = "yishi/v1/msg/trustee-commit";
inline constexpr std::string_view kTrusteeReveal = "yishi/v1/msg/trustee-reveal";
inline constexpr std::string_view kTrusteeShares = "yishi/v1/msg/trustee-shares";
inline constexpr std::string_view kTrusteeOk = "yishi/v1/msg/trustee-ok";
inline constexpr std::string_view kOpen = "yishi/v1/msg/open";
inline constexpr std::string_view kEnroll = "yishi/v1/msg/enroll";
inline constexpr std::string_view kBallot = "yishi/v1/msg/ballot";
inline constexpr std::string_view kClose = "yishi/v1/msg/close";
inline constexpr std::string_view kTally = "yishi/v1/msg/tally";
inline constexpr std::string_view kPartial = "yishi/v1/msg/partial";
inline constexpr std::string_view kResult = "yishi/v1/msg/result";

inline constexpr std::string_view kEntry = "yishi/v1/entry";
inline constexpr std::string_view kTreeHead = "yishi/v1/sth";
inline constexpr std::string_view kRecord = "yishi/v1/record";

inline constexpr std::string_view kSignature = "yishi/v1/sig";
inline constexpr std::string_view kCoefficients = "yishi/v1/coeffs";

}  // namespace yishi::election::tag
