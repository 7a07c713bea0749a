#include "views.h"

#include <string>

#include "yishi/http/fact_text.h"

namespace yishi::http {

void membershipMembers(JsonWriter& w, const domain::Membership& m, Language language) {
    w.member("community_id", m.community_id.value);
    w.member("user_id", m.user_id.value);
    w.member("status", domain::membershipStatusName(m.status));
    w.member("joined_at", m.joined_at.seconds());
    w.member("decided_at", orNull(m.decided_at));
    w.member("reason", renderStoredText(m.reason, language));
}

namespace {

void communitySummaryMembers(JsonWriter& w, const domain::Community& c) {
    w.member("id", c.id.value);
    w.member("name", c.name);
    w.member("street_id", c.street_id.value);
    w.member("district_id", c.district_id.value);
}

}  // namespace

void writeUser(JsonWriter& w, const domain::User& user) {
    w.beginObject();
    w.member("id", user.id.value);
    w.member("login", user.login);
    w.member("display_name", user.display_name);
    w.endObject();
}

void writeGrantMembers(JsonWriter& w, const domain::RoleGrant& grant) {
    w.member("role", domain::roleName(grant.role));
    w.key("scope").beginObject();
    w.member("kind", domain::scopeKindName(grant.scope.kind));
    w.member("id", grant.scope.id);
    w.endObject();
}

void writeGrant(JsonWriter& w, const domain::RoleGrant& grant) {
    w.beginObject();
    writeGrantMembers(w, grant);
    w.endObject();
}

void writeMembership(JsonWriter& w, const domain::Membership& m, Language language) {
    w.beginObject();
    membershipMembers(w, m, language);
    w.endObject();
}

void writeMember(JsonWriter& w, const domain::MemberSummary& member, Language language) {
    w.beginObject();
    membershipMembers(w, member.membership, language);
    w.member("display_name", member.display_name);
    w.endObject();
}

void writeStreet(JsonWriter& w, const domain::Street& street) {
    w.beginObject();
    w.member("id", street.id.value);
    w.member("district_id", street.district_id.value);
    w.member("name", street.name);
    w.endObject();
}

void writeCommunitySummary(JsonWriter& w, const domain::Community& c) {
    w.beginObject();
    communitySummaryMembers(w, c);
    w.endObject();
}

void writeCommunity(JsonWriter& w, const domain::CommunityService::CommunityView& view) {
    w.beginObject();
    w.member("id", view.community.id.value);
    w.member("name", view.community.name);
    w.key("street").beginObject();
    w.member("id", view.street.id.value);
    w.member("name", view.street.name);
    w.endObject();
    w.key("district").beginObject();
    w.member("id", view.district.id.value);
    w.member("name", view.district.name);
    w.endObject();
    w.member("verified_residents", view.verified_residents);
    if (view.show_join_code) w.member("join_code", view.community.join_code);
    w.endObject();
}

void writeCreatedCommunity(JsonWriter& w, const domain::Community& c) {
    w.beginObject();
    communitySummaryMembers(w, c);
    w.member("join_code", c.join_code);
    w.endObject();
}

void writeNextCursor(JsonWriter& w, std::int64_t next_after) {
    w.member("next_cursor", valueOrNull(next_after > 0, std::to_string(next_after)));
}

void writeAssisted(JsonWriter& w, const std::string& helper_name, const std::string& role, const std::string& consent,
                   const std::string* note) {
    w.key("assisted");
    if (role.empty()) {
        w.null();
        return;
    }
    w.beginObject();
    w.key("by").beginObject().member("display_name", helper_name).endObject();
    w.member("role", role);
    w.member("consent", consent);
    if (note != nullptr) w.member("note", *note);
    w.endObject();
}

}  // namespace yishi::http
