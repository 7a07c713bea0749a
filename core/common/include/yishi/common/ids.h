#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace yishi {

// A typed row id: a UserId cannot be passed where a CommunityId is meant.
// Ids are positive; 0 means "none".
template <typename Tag>
struct Id {
    std::int64_t value = 0;

    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr bool valid() const { return value > 0; }
    friend constexpr auto operator<=>(const Id&, const Id&) = default;
};

using DistrictId = Id<struct DistrictTag>;
using StreetId = Id<struct StreetTag>;
using CommunityId = Id<struct CommunityTag>;
using UserId = Id<struct UserTag>;

}  // namespace yishi

template <typename Tag>
struct std::hash<yishi::Id<Tag>> {
    std::size_t operator()(const yishi::Id<Tag>& id) const noexcept { return std::hash<std::int64_t>()(id.value); }
};
