#include "demo_district.h"

#include <map>

#include "yishi/common/json_writer.h"

namespace yishi::app {

namespace {

using domain::Role;

struct PersonSpec {
    const char* login;
    const char* display_name;
    Role role;
    int scope_index;  // street or community index, by role
    bool pending;     // residents only
    const char* note;
};

constexpr const char* kAdminPassword = "demo-admin-2026";
constexpr const char* kStaffPassword = "demo-staff-2026";
constexpr const char* kCommitteePassword = "demo-committee-2026";
constexpr const char* kResidentPassword = "demo-resident-2026";

const char* kDistrictName = "示范区";
const char* kStreets[] = {"友谊路街道", "罗店镇"};
// Community name and the index of its street.
const std::pair<const char*, int> kCommunities[] = {{"友谊一村", 0}, {"宝林八村", 0}, {"罗店村", 1}};

const PersonSpec kPeople[] = {
    {"admin", "王芳（区管理员）", Role::kDistrictAdmin, 0, false, "district admin"},
    {"street1", "郑主任（友谊路街道）", Role::kStreetStaff, 0, false, "street staff"},
    {"observer", "林监督员", Role::kObserver, 0, false, "observer"},
    {"committee1", "李建国（友谊一村居委）", Role::kCommittee, 0, false, "committee"},
    {"committee2", "张秀英（宝林八村居委）", Role::kCommittee, 1, false, "committee"},
    {"committee3", "陈志强（罗店村村委）", Role::kCommittee, 2, false, "committee"},
    {"resident1", "赵大爷", Role::kResident, 0, false, "verified resident"},
    {"resident2", "钱阿姨", Role::kResident, 0, false, "verified resident"},
    {"resident3", "孙小明", Role::kResident, 1, false, "verified resident"},
    {"resident4", "周奶奶", Role::kResident, 2, false, "verified resident"},
    {"pending1", "吴先生", Role::kResident, 0, true, "pending resident: the committee must verify"},
};

const char* passwordFor(Role role) {
    switch (role) {
        case Role::kDistrictAdmin: return kAdminPassword;
        case Role::kStreetStaff:
        case Role::kObserver: return kStaffPassword;
        case Role::kCommittee: return kCommitteePassword;
        case Role::kResident: return kResidentPassword;
    }
    return kResidentPassword;
}

}  // namespace

Result<DemoDistrict> ensureDemoDistrict(domain::Database& db, domain::PasswordHasher& hasher,
                                        domain::SecretSource& secrets, const Clock& clock, bool* created) {
    *created = false;
    bool empty = false;
    YISHI_RETURN_IF_ERROR(db.read([&](domain::Stores& s) {
        empty = s.scopes.districts().empty();
        return Status::ok();
    }));

    // Hash outside the write transaction: each hash takes about 0.1 s.
    std::map<Role, std::string> hashes;
    if (empty) {
        for (Role r : {Role::kDistrictAdmin, Role::kStreetStaff, Role::kCommittee, Role::kResident}) {
            YISHI_ASSIGN_OR_RETURN(hashes[r], hasher.hash(passwordFor(r)));
        }
        hashes[Role::kObserver] = hashes[Role::kStreetStaff];
    }

    DemoDistrict demo;
    YISHI_RETURN_IF_ERROR(db.write([&](domain::Stores& s) {
        std::vector<domain::District> districts = s.scopes.districts();
        std::vector<domain::Street> streets;
        std::vector<domain::Community> communities;
        if (districts.empty()) {
            if (!empty) return Status::conflict("demo.race", "The database changed during seeding.");
            const Instant now = clock.now();
            const DistrictId district = s.scopes.insertDistrict(kDistrictName);
            for (const char* name : kStreets) {
                streets.push_back({s.scopes.insertStreet(district, name), district, name});
            }
            for (const auto& [name, street_index] : kCommunities) {
                domain::Community c{CommunityId(), streets[street_index].id, district, name, secrets.newJoinCode()};
                c.id = s.scopes.insertCommunity(c);
                communities.push_back(c);
            }
            UserId admin;
            for (const PersonSpec& p : kPeople) {
                domain::User u{UserId(), p.login, p.display_name, hashes[p.role], now};
                u.id = s.users.insertUser(u);
                if (p.role == Role::kDistrictAdmin) admin = u.id;
                std::string scope;
                if (p.role == Role::kResident || p.role == Role::kCommittee) {
                    const domain::Community& c = communities[p.scope_index];
                    scope = "community:" + std::to_string(c.id.value) + " " + c.name;
                    if (p.role == Role::kResident) {
                        s.users.saveMembership(
                            {u.id, c.id,
                             p.pending ? domain::MembershipStatus::kPending : domain::MembershipStatus::kVerified, now,
                             p.pending ? Instant() : now, p.pending ? UserId() : admin, ""});
                    } else {
                        s.users.insertGrant({u.id, p.role, {domain::ScopeKind::kCommunity, c.id.value}, now, admin});
                    }
                } else if (p.role == Role::kStreetStaff) {
                    const domain::Street& st = streets[p.scope_index];
                    scope = "street:" + std::to_string(st.id.value) + " " + st.name;
                    s.users.insertGrant({u.id, p.role, {domain::ScopeKind::kStreet, st.id.value}, now, admin});
                } else {
                    scope = "district:" + std::to_string(district.value) + " " + kDistrictName;
                    s.users.insertGrant({u.id, p.role, {domain::ScopeKind::kDistrict, district.value}, now, admin});
                }
                demo.logins.push_back({p.pending ? "resident (pending)" : domain::roleName(p.role), scope, p.login,
                                       passwordFor(p.role), p.display_name, p.note});
            }
            s.record({domain::changes::kDemoCreated, clock.now(), UserId(), district.value, CommunityId(),
                      "yishi serve --demo"});
            *created = true;
        } else {
            for (const domain::District& d : districts) {
                domain::PageRequest page{0, domain::PageRequest::kMaxLimit};
                for (;;) {
                    domain::Page<domain::Community> p = s.scopes.communities(d.id, page);
                    communities.insert(communities.end(), p.items.begin(), p.items.end());
                    if (!p.next_after) break;
                    page.after = p.next_after;
                }
            }
            for (const PersonSpec& p : kPeople) {
                if (s.users.userByLogin(p.login)) {
                    demo.logins.push_back(
                        {domain::roleName(p.role), "", p.login, passwordFor(p.role), p.display_name, p.note});
                }
            }
        }
        for (const domain::Community& c : communities) demo.join_codes.emplace_back(c.name, c.join_code);
        return Status::ok();
    }));
    return demo;
}

std::string demoLoginsJson(const DemoDistrict& demo) {
    JsonWriter w;
    w.beginObject();
    w.key("logins").beginArray();
    for (const DemoLogin& l : demo.logins) {
        w.beginObject();
        w.member("role", l.role);
        w.member("scope", l.scope);
        w.member("login", l.login);
        w.member("password", l.password);
        w.member("display_name", l.display_name);
        w.endObject();
    }
    w.endArray();
    w.key("join_codes").beginObject();
    for (const auto& [name, code] : demo.join_codes) w.member(name, code);
    w.endObject();
    w.endObject();
    return w.take();
}

}  // namespace yishi::app
