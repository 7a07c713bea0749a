#include "views.h"

#include <Poco/JSON/Array.h>

#include "json_io.h"

namespace yishi::http {

using Poco::JSON::Object;

Object::Ptr userView(const domain::User& user) {
    Object::Ptr o = newObject();
    o->set("id", user.id.value);
    o->set("login", user.login);
    o->set("display_name", user.display_name);
    return o;
}

Object::Ptr grantView(const domain::RoleGrant& grant) {
    Object::Ptr o = newObject();
    o->set("role", domain::roleName(grant.role));
    Object::Ptr scope = newObject();
    scope->set("kind", domain::scopeKindName(grant.scope.kind));
    scope->set("id", grant.scope.id);
    o->set("scope", scope);
    return o;
}

Object::Ptr membershipView(const domain::Membership& m) {
    Object::Ptr o = newObject();
    o->set("community_id", m.community_id.value);
    o->set("user_id", m.user_id.value);
    o->set("status", domain::membershipStatusName(m.status));
    o->set("joined_at", m.joined_at.seconds());
    o->set("decided_at", orNull(m.decided_at));
    o->set("reason", m.reason);
    return o;
}

Object::Ptr memberView(const domain::MemberSummary& member) {
    Object::Ptr o = membershipView(member.membership);
    o->set("display_name", member.display_name);
    return o;
}

Object::Ptr streetView(const domain::Street& street) {
    Object::Ptr o = newObject();
    o->set("id", street.id.value);
    o->set("district_id", street.district_id.value);
    o->set("name", street.name);
    return o;
}

Object::Ptr communitySummaryView(const domain::Community& c) {
    Object::Ptr o = newObject();
    o->set("id", c.id.value);
    o->set("name", c.name);
    o->set("street_id", c.street_id.value);
    o->set("district_id", c.district_id.value);
    return o;
}

Object::Ptr communityView(const domain::CommunityService::CommunityView& view) {
    Object::Ptr o = newObject();
    o->set("id", view.community.id.value);
    o->set("name", view.community.name);
    Object::Ptr street = newObject();
    street->set("id", view.street.id.value);
    street->set("name", view.street.name);
    o->set("street", street);
    Object::Ptr district = newObject();
    district->set("id", view.district.id.value);
    district->set("name", view.district.name);
    o->set("district", district);
    o->set("verified_residents", view.verified_residents);
    if (view.show_join_code) o->set("join_code", view.community.join_code);
    return o;
}

Object::Ptr createdCommunityView(const domain::Community& c) {
    Object::Ptr o = communitySummaryView(c);
    o->set("join_code", c.join_code);
    return o;
}

void setNextCursor(Object::Ptr object, std::int64_t next_after) {
    object->set("next_cursor", valueOrNull(next_after > 0, std::to_string(next_after)));
}

Poco::JSON::Array::Ptr stringArray(const std::vector<std::string>& values) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const std::string& v : values) a->add(v);
    return a;
}

}  // namespace yishi::http
