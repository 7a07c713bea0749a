#include "yishi/domain/community_service.h"

#include <string>
#include <string_view>
#include <utility>

#include "yishi/domain/communities_changes.h"
#include "yishi/domain/system_fact.h"
#include "yishi/domain/validation.h"

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxDisplayName = 40;
constexpr std::size_t kMaxReason = 500;

Status communityNotFound() { return Status::notFound("community.not_found", "There is no such community."); }

Status forbidden() {
    return Status::forbidden("community.forbidden", "Only this community's committee or its district may do this.");
}

Status badJoinCode() {
    return Status::forbidden("community.bad_join_code", "This join code does not belong to this community.");
}

// Everything a sign-up needs from the stores: the community exists, the code
// is its code, the login is free.
Status checkSignUp(Stores& s, CommunityId community, const CommunityService::SignUp& request) {
    std::optional<Community> c = s.scopes.community(community);
    if (!c) return communityNotFound();
    if (normalizeJoinCode(c->join_code) != normalizeJoinCode(request.join_code)) return badJoinCode();
    if (s.users.userByLogin(request.login)) {
        return Status::conflict("user.login_taken", "This login is already taken.");
    }
    return Status::ok();
}

std::string addressKey(const std::string& address) { return "address:" + address; }
std::string accountKey(UserId user) { return "user:" + std::to_string(user.value); }

Change membershipChange(const ChangeKind& kind, Instant at, UserId actor, const Membership& m) {
    return {kind, at, actor, m.user_id.value, m.community_id, m.reason};
}

}  // namespace

std::string normalizeJoinCode(const std::string& typed) {
    // UTF-8 of what is dropped besides ASCII ' ', '\t' and '-': the
    // ideographic space, the full-width hyphen-minus, the en and em dashes.
    static const char* const kWide[] = {"\xE3\x80\x80", "\xEF\xBC\x8D", "\xE2\x80\x93", "\xE2\x80\x94"};
    std::string out;
    for (std::size_t i = 0; i < typed.size();) {
        bool skipped = false;
        for (const char* wide : kWide) {
            const std::string_view w(wide);
            if (typed.compare(i, w.size(), w) == 0) {
                i += w.size();
                skipped = true;
                break;
            }
        }
        if (skipped) continue;
        const char ch = typed[i++];
        if (ch == ' ' || ch == '\t' || ch == '-') continue;
        out += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    }
    return out;
}

CommunityService::CommunityService(Database& db, PasswordHasher& hasher, const Clock& clock)
    : db_(db), hasher_(hasher), clock_(clock), wrong_codes_(clock, kWrongCodeLimits) {}

Status CommunityService::checkWrongCodes(const std::string& key) {
    if (int wait = wrong_codes_.retryAfter(key)) {
        return Status::rateLimited("community.too_many_wrong_codes",
                                   "Too many wrong join codes; please wait, then check the code with your committee.",
                                   wait);
    }
    return Status::ok();
}

void CommunityService::countWrongCode(const std::string& key, const Status& status) {
    if (status.code() == "community.bad_join_code") wrong_codes_.recordFailure(key);
}

Result<CommunityService::DistrictView> CommunityService::district(DistrictId id) {
    DistrictView view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<District> d = s.scopes.district(id);
        if (!d) return Status::notFound("district.not_found", "There is no such district.");
        view.district = std::move(*d);
        view.streets = s.scopes.streets(id);
        return Status::ok();
    }));
    return view;
}

Result<Page<Community>> CommunityService::communities(DistrictId district, PageRequest page) {
    Page<Community> result;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        if (!s.scopes.district(district)) {
            return Status::notFound("district.not_found", "There is no such district.");
        }
        result = s.scopes.communities(district, page.clamped());
        return Status::ok();
    }));
    return result;
}

Result<CommunityService::CommunityView> CommunityService::community(const Actor& actor, CommunityId id) {
    CommunityView view;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(id);
        if (!c) return communityNotFound();
        std::optional<Street> street = s.scopes.street(c->street_id);
        std::optional<District> district = s.scopes.district(c->district_id);
        if (!street || !district) {
            return Status::internal("storage.inconsistent", "A community lost its street or district.");
        }
        view.community = std::move(*c);
        view.street = std::move(*street);
        view.district = std::move(*district);
        view.verified_residents = s.users.countMembers(id, MembershipStatus::kVerified);
        return Status::ok();
    }));
    view.show_join_code = actor.canManage(view.community);
    return view;
}

Result<CommunityService::Joined> CommunityService::signUp(CommunityId community, const SignUp& request,
                                                          const std::string& client_address) {
    YISHI_RETURN_IF_ERROR(validateLogin(request.login));
    YISHI_RETURN_IF_ERROR(validateName("display_name", request.display_name, kMaxDisplayName));
    YISHI_RETURN_IF_ERROR(validatePassword(request.password));
    const std::string key = addressKey(client_address);
    YISHI_RETURN_IF_ERROR(checkWrongCodes(key));

    // Check before paying for a password hash; check again when writing, since
    // another sign-up may have taken the login meanwhile.
    const Status checked = db_.read([&](Stores& s) { return checkSignUp(s, community, request); });
    countWrongCode(key, checked);
    YISHI_RETURN_IF_ERROR(checked);
    // Hashing takes about 0.1 s; it must not run inside the write transaction.
    YISHI_ASSIGN_OR_RETURN(std::string hash, hasher_.hash(request.password));

    Joined joined;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        YISHI_RETURN_IF_ERROR(checkSignUp(s, community, request));
        const Instant now = clock_.now();
        joined.user = User{UserId(), request.login, request.display_name, hash, now};
        joined.user.id = s.users.insertUser(joined.user);
        joined.membership.user_id = joined.user.id;
        joined.membership.community_id = community;
        joined.membership.status = MembershipStatus::kPending;
        joined.membership.joined_at = now;
        s.users.saveMembership(joined.membership);
        s.record({changes::kUserSignedUp, now, joined.user.id, joined.user.id.value, community});
        s.record(membershipChange(changes::kMembershipRequested, now, joined.user.id, joined.membership));
        return Status::ok();
    }));
    joined.user.password_hash.clear();
    return joined;
}

Result<CommunityService::Joined> CommunityService::join(const Actor& actor, CommunityId community,
                                                        const std::string& join_code) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    const std::string key = accountKey(actor.userId());
    YISHI_RETURN_IF_ERROR(checkWrongCodes(key));
    Joined joined;
    joined.user = actor.user();
    joined.user.password_hash.clear();
    const Status written = db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return communityNotFound();
        if (normalizeJoinCode(c->join_code) != normalizeJoinCode(join_code)) return badJoinCode();
        if (std::optional<Membership> existing = s.users.membership(actor.userId(), community)) {
            YISHI_RETURN_IF_ERROR(checkRejoin(existing->status));
        }
        const Instant now = clock_.now();
        joined.membership =
            Membership{actor.userId(), community, MembershipStatus::kPending, now, Instant(), UserId(), ""};
        s.users.saveMembership(joined.membership);
        s.record(membershipChange(changes::kMembershipRequested, now, actor.userId(), joined.membership));
        return Status::ok();
    });
    countWrongCode(key, written);
    YISHI_RETURN_IF_ERROR(written);
    return joined;
}

Result<Page<MemberSummary>> CommunityService::members(const Actor& actor, CommunityId community,
                                                      std::optional<MembershipStatus> status, PageRequest page) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Page<MemberSummary> result;
    YISHI_RETURN_IF_ERROR(db_.read([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return communityNotFound();
        if (!actor.canOversee(*c)) return forbidden();
        result = s.users.members(community, status, page.clamped());
        return Status::ok();
    }));
    return result;
}

Result<Membership> CommunityService::decide(const Actor& actor, CommunityId community, UserId member,
                                            VerificationDecision decision, const std::string& reason) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(validateText("reason", reason, kMaxReason));
    Membership result;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Community> c = s.scopes.community(community);
        if (!c) return communityNotFound();
        if (!actor.canManage(*c)) return forbidden();
        std::optional<Membership> m = s.users.membership(member, community);
        if (!m) {
            return Status::notFound("membership.not_found", "This person has not joined this community.");
        }
        YISHI_ASSIGN_OR_RETURN(MembershipStatus next, decideMembership(m->status, decision, reason));
        const Instant now = clock_.now();
        m->status = next;
        m->decided_at = now;
        m->decided_by = actor.userId();
        m->reason = reason;
        s.users.saveMembership(*m);
        s.record(membershipChange(
            next == MembershipStatus::kVerified ? changes::kMembershipVerified : changes::kMembershipRejected, now,
            actor.userId(), *m));
        result = *m;
        return Status::ok();
    }));
    return result;
}

Result<Membership> CommunityService::leave(const Actor& actor, CommunityId community) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    Membership m;
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& s) {
        std::optional<Membership> current = s.users.membership(actor.userId(), community);
        if (!current ||
            (current->status != MembershipStatus::kVerified && current->status != MembershipStatus::kPending))
            return Status::notFound("membership.not_found", "You are not a member of this community.");
        const Instant now = clock_.now();
        m = *current;
        m.status = MembershipStatus::kLeft;
        m.decided_at = now;
        m.decided_by = actor.userId();
        m.reason = encodeFact(facts::kLeftBy, "resident");
        s.users.saveMembership(m);
        s.record({changes::kMembershipLeft, now, actor.userId(), actor.userId().value, community});
        return Status::ok();
    }));
    return m;
}

}  // namespace yishi::domain
