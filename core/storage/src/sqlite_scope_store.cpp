#include "connection.h"
#include "paging.h"
#include "sqlite_stores.h"

namespace yishi::storage {

using domain::Community;
using domain::District;
using domain::Street;

namespace {

Community readCommunity(SQLite::Statement& q) {
    return Community{CommunityId(q.getColumn(0).getInt64()), StreetId(q.getColumn(1).getInt64()),
                     DistrictId(q.getColumn(2).getInt64()), q.getColumn(3).getString(), q.getColumn(4).getString()};
}

}  // namespace

std::optional<District> SqliteScopeStore::district(DistrictId id) {
    auto q = c_.prepare("SELECT id, name FROM districts WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return District{DistrictId(q->getColumn(0).getInt64()), q->getColumn(1).getString()};
}

std::vector<District> SqliteScopeStore::districts() {
    auto q = c_.prepare("SELECT id, name FROM districts ORDER BY id");
    std::vector<District> out;
    while (q->executeStep()) {
        out.push_back({DistrictId(q->getColumn(0).getInt64()), q->getColumn(1).getString()});
    }
    return out;
}

std::optional<Street> SqliteScopeStore::street(StreetId id) {
    auto q = c_.prepare("SELECT id, district_id, name FROM streets WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return Street{StreetId(q->getColumn(0).getInt64()), DistrictId(q->getColumn(1).getInt64()),
                  q->getColumn(2).getString()};
}

std::vector<Street> SqliteScopeStore::streets(DistrictId district) {
    auto q = c_.prepare("SELECT id, district_id, name FROM streets WHERE district_id = ? ORDER BY id");
    q->bind(1, district.value);
    std::vector<Street> out;
    while (q->executeStep()) {
        out.push_back({StreetId(q->getColumn(0).getInt64()), DistrictId(q->getColumn(1).getInt64()),
                       q->getColumn(2).getString()});
    }
    return out;
}

std::optional<Community> SqliteScopeStore::community(CommunityId id) {
    auto q = c_.prepare("SELECT id, street_id, district_id, name, join_code FROM communities WHERE id = ?");
    q->bind(1, id.value);
    if (!q->executeStep()) return std::nullopt;
    return readCommunity(*q);
}

std::optional<Community> SqliteScopeStore::communityByJoinCode(const std::string& code) {
    auto q = c_.prepare("SELECT id, street_id, district_id, name, join_code FROM communities WHERE join_code = ?");
    q->bind(1, code);
    if (!q->executeStep()) return std::nullopt;
    return readCommunity(*q);
}

domain::Page<Community> SqliteScopeStore::communities(DistrictId district, domain::PageRequest page) {
    auto q = c_.prepare(
        "SELECT id, street_id, district_id, name, join_code FROM communities"
        " WHERE district_id = ? AND id > ? ORDER BY id LIMIT ?");
    q->bind(1, district.value);
    q->bind(2, page.after);
    q->bind(3, page.limit + 1);  // one more tells whether there is a next page
    domain::Page<Community> out;
    while (q->executeStep()) out.items.push_back(readCommunity(*q));
    finishPage(out, page.limit, [](const auto& item) { return item.id.value; });
    return out;
}

DistrictId SqliteScopeStore::insertDistrict(const std::string& name) {
    auto q = c_.prepare("INSERT INTO districts (name) VALUES (?)");
    q->bind(1, name);
    q->exec();
    return DistrictId(c_.db().getLastInsertRowid());
}

StreetId SqliteScopeStore::insertStreet(DistrictId district, const std::string& name) {
    auto q = c_.prepare("INSERT INTO streets (district_id, name) VALUES (?, ?)");
    q->bind(1, district.value);
    q->bind(2, name);
    q->exec();
    return StreetId(c_.db().getLastInsertRowid());
}

CommunityId SqliteScopeStore::insertCommunity(const Community& community) {
    auto q = c_.prepare("INSERT INTO communities (street_id, district_id, name, join_code) VALUES (?, ?, ?, ?)");
    q->bind(1, community.street_id.value);
    q->bind(2, community.district_id.value);
    q->bind(3, community.name);
    q->bind(4, community.join_code);
    q->exec();
    return CommunityId(c_.db().getLastInsertRowid());
}

std::optional<domain::DistrictSettings> SqliteScopeStore::districtSettings(DistrictId district) {
    auto q = c_.prepare(
        "SELECT first_response_seconds, decision_working_days, escalation_working_days, holidays,"
        " auto_hide_reports, comment_edit_window_seconds FROM district_settings WHERE district_id = ?");
    q->bind(1, district.value);
    if (!q->executeStep()) return std::nullopt;
    domain::DistrictSettings s;
    s.rules.first_response = Duration::seconds(q->getColumn(0).getInt64());  // the columns keep seconds
    s.rules.decision_working_days = q->getColumn(1).getInt();
    s.rules.escalation_working_days = q->getColumn(2).getInt();
    const std::string holidays = q->getColumn(3).getString();
    for (std::size_t start = 0; start < holidays.size();) {
        const auto comma = holidays.find(',', start);
        s.holidays.insert(holidays.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    s.auto_hide_reports = q->getColumn(4).getInt();
    s.comment_edit_window = Duration::seconds(q->getColumn(5).getInt64());
    return s;
}

void SqliteScopeStore::saveDistrictSettings(DistrictId district, const domain::DistrictSettings& s, UserId by,
                                            Instant at) {
    std::string holidays;
    for (const auto& day : s.holidays) holidays += (holidays.empty() ? "" : ",") + day;
    auto q = c_.prepare(
        "INSERT INTO district_settings (district_id, first_response_seconds, decision_working_days,"
        " escalation_working_days, holidays, auto_hide_reports, comment_edit_window_seconds, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (district_id) DO UPDATE SET first_response_seconds = excluded.first_response_seconds,"
        " decision_working_days = excluded.decision_working_days,"
        " escalation_working_days = excluded.escalation_working_days, holidays = excluded.holidays,"
        " auto_hide_reports = excluded.auto_hide_reports,"
        " comment_edit_window_seconds = excluded.comment_edit_window_seconds,"
        " updated_at = excluded.updated_at, updated_by = excluded.updated_by");
    q->bind(1, district.value);
    q->bind(2, s.rules.first_response.seconds());
    q->bind(3, s.rules.decision_working_days);
    q->bind(4, s.rules.escalation_working_days);
    q->bind(5, holidays);
    q->bind(6, s.auto_hide_reports);
    q->bind(7, s.comment_edit_window.seconds());
    q->bind(8, at.seconds());
    q->bind(9, by.value);
    q->exec();
}

}  // namespace yishi::storage
