#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "yishi/common/time.h"
#include "yishi/domain/community_service.h"
#include "yishi/domain/people.h"
#include "yishi/domain/scope.h"

// The JSON shapes of domain values, as docs/api.md describes them. Views
// show the minimum: never a password hash, a join code only when asked for.
namespace yishi::http {

Poco::JSON::Object::Ptr userView(const domain::User& user);
Poco::JSON::Object::Ptr grantView(const domain::RoleGrant& grant);
Poco::JSON::Object::Ptr membershipView(const domain::Membership& membership);
Poco::JSON::Object::Ptr memberView(const domain::MemberSummary& member);
Poco::JSON::Object::Ptr streetView(const domain::Street& street);
Poco::JSON::Object::Ptr communitySummaryView(const domain::Community& community);
Poco::JSON::Object::Ptr communityView(const domain::CommunityService::CommunityView& view);
Poco::JSON::Object::Ptr createdCommunityView(const domain::Community& community);

// `value` when `present`, JSON null otherwise.
template <typename T>
Poco::Dynamic::Var valueOrNull(bool present, const T& value) {
    return present ? Poco::Dynamic::Var(value) : Poco::Dynamic::Var();
}

// An id or a time, null when 0 (not set).
inline Poco::Dynamic::Var orNull(std::int64_t value) { return valueOrNull(value != 0, value); }

// A time in the API's unit, seconds since the epoch; null when not set
// (the epoch).
inline Poco::Dynamic::Var orNull(Instant at) { return valueOrNull(at != Instant(), at.seconds()); }

// A JSON array of strings.
Poco::JSON::Array::Ptr stringArray(const std::vector<std::string>& values);

// A page's "next_cursor": null on the last page.
void setNextCursor(Poco::JSON::Object::Ptr object, std::int64_t next_after);

// {"items": [view(item)...], "next_cursor": ...}
template <typename T, typename View>
Poco::JSON::Object::Ptr pageView(const domain::Page<T>& page, View view) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const T& item : page.items) items->add(view(item));
    o->set("items", items);
    setNextCursor(o, page.next_after);
    return o;
}

}  // namespace yishi::http
