#pragma once

#include <string>

#include "yishi/common/ids.h"

namespace yishi::domain {

// The administrative tree: district (区) > street or town (街道/镇) >
// community (居委/村). Every role and every piece of content hangs off one
// node of it.
enum class ScopeKind { kDistrict, kStreet, kCommunity };

struct ScopeRef {
    ScopeKind kind = ScopeKind::kDistrict;
    std::int64_t id = 0;
    friend bool operator==(const ScopeRef&, const ScopeRef&) = default;
};

struct District {
    DistrictId id;
    std::string name;
};

struct Street {
    StreetId id;
    DistrictId district_id;
    std::string name;
};

struct Community {
    CommunityId id;
    StreetId street_id;
    DistrictId district_id;
    std::string name;
    // The 社区码 a resident signs up with. Shown only to those who run the
    // community; never part of public views.
    std::string join_code;
};

// "district", "street", "community"; parseScopeKind returns false on
// anything else.
const char* scopeKindName(ScopeKind kind);
bool parseScopeKind(const std::string& text, ScopeKind* kind);

// Whether `community` lies within `scope`: it is that community, or on that
// street, or in that district.
bool scopeContains(ScopeRef scope, const Community& community);

}  // namespace yishi::domain
