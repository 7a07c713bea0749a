#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "yishi/common/json_writer.h"
#include "yishi/common/time.h"
#include "yishi/domain/community_service.h"
#include "yishi/domain/people.h"
#include "yishi/domain/scope.h"
#include "yishi/http/messages.h"

// The JSON shapes of domain values, as docs/api.md describes them, each
// written as one object in the order shown there. Views show the minimum:
// never a password hash, a join code only when asked for.
namespace yishi::http {

void writeUser(JsonWriter& w, const domain::User& user);
void writeGrant(JsonWriter& w, const domain::RoleGrant& grant);
// The members of writeGrant's object, for a view that adds to them.
void writeGrantMembers(JsonWriter& w, const domain::RoleGrant& grant);
void writeMembership(JsonWriter& w, const domain::Membership& membership, Language language);
// The members of writeMembership's object, for a view that adds to them.
void membershipMembers(JsonWriter& w, const domain::Membership& membership, Language language);
void writeMember(JsonWriter& w, const domain::MemberSummary& member, Language language);
void writeStreet(JsonWriter& w, const domain::Street& street);
void writeCommunitySummary(JsonWriter& w, const domain::Community& community);
void writeCommunity(JsonWriter& w, const domain::CommunityService::CommunityView& view);
void writeCreatedCommunity(JsonWriter& w, const domain::Community& community);

// `value` when `present`, JSON null otherwise.
template <typename T>
std::optional<T> valueOrNull(bool present, const T& value) {
    return present ? std::optional<T>(value) : std::nullopt;
}

// An id or a time, null when 0 (not set).
inline std::optional<std::int64_t> orNull(std::int64_t value) { return valueOrNull(value != 0, value); }

// A time in the API's unit, seconds since the epoch; null when not set
// (the epoch).
inline std::optional<std::int64_t> orNull(Instant at) { return valueOrNull(at != Instant(), at.seconds()); }

// A page's "next_cursor" member: null on the last page.
// `assisted`: null for one's own act, else the helper (帮办代办) with their
// role, the consent and, when `note` is given, the consent's note.
void writeAssisted(JsonWriter& w, const std::string& helper_name, const std::string& role, const std::string& consent,
                   const std::string* note);

void writeNextCursor(JsonWriter& w, std::int64_t next_after);

// The members "items": [write(item)...] and "next_cursor" of an object the
// caller opened (and may add to before closing it).
template <typename T, typename Write>
void writePageMembers(JsonWriter& w, const domain::Page<T>& page, Write write) {
    w.key("items").beginArray();
    for (const T& item : page.items) write(w, item);
    w.endArray();
    writeNextCursor(w, page.next_after);
}

// {"items": [write(item)...], "next_cursor": ...}
template <typename T, typename Write>
void writePage(JsonWriter& w, const domain::Page<T>& page, Write write) {
    w.beginObject();
    writePageMembers(w, page, write);
    w.endObject();
}

}  // namespace yishi::http
