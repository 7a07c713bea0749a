#include "yishi/domain/scope.h"

namespace yishi::domain {

const char* scopeKindName(ScopeKind kind) {
    switch (kind) {
        case ScopeKind::kDistrict: return "district";
        case ScopeKind::kStreet: return "street";
        case ScopeKind::kCommunity: return "community";
    }
    return "district";
}

bool parseScopeKind(const std::string& text, ScopeKind* kind) {
    for (ScopeKind k : {ScopeKind::kDistrict, ScopeKind::kStreet, ScopeKind::kCommunity}) {
        if (text == scopeKindName(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

bool scopeContains(ScopeRef scope, const Community& community) {
    switch (scope.kind) {
        case ScopeKind::kCommunity: return community.id.value == scope.id;
        case ScopeKind::kStreet: return community.street_id.value == scope.id;
        case ScopeKind::kDistrict: return community.district_id.value == scope.id;
    }
    return false;
}

}  // namespace yishi::domain
