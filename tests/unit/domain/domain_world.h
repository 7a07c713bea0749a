#pragma once

// A small district over the real SQLite store (temporary file), a fake
// password hasher (real argon2id, cheap, for the tests about hashing) and a
// fake clock, with every service wired: the fixture of the domain service
// tests.
#include <boost/test/unit_test.hpp>

#include <sodium.h>

#include <memory>

#include "crypto_ports.h"
#include "support/fake_password_hasher.h"
#include "support/temp_dir.h"
#include "yishi/domain/admin_service.h"
#include "yishi/domain/auth_service.h"
#include "yishi/domain/community_service.h"
#include "yishi/domain/consultation_service.h"
#include "yishi/domain/convention_service.h"
#include "yishi/domain/escalation_service.h"
#include "yishi/domain/project_service.h"
#include "yishi/domain/proposal_service.h"
#include "yishi/storage/sqlite_database.h"

namespace yishi::testing {

using namespace yishi::domain;

inline crypto::Argon2PasswordHasher::Options cheapHashing(std::uint64_t ops = crypto_pwhash_OPSLIMIT_MIN) {
    crypto::Argon2PasswordHasher::Options o;
    o.ops_limit = ops;
    o.mem_limit = crypto_pwhash_MEMLIMIT_MIN;
    return o;
}

// For the tests about hashing: argon2id at cheap parameters.
inline std::unique_ptr<PasswordHasher> realHashing() {
    return std::make_unique<app::CryptoPasswordHasher>(cheapHashing());
}

struct World {
    testing::TempDir dir;
    std::unique_ptr<storage::SqliteDatabase> db =
        std::move(storage::SqliteDatabase::open(dir.file("yishi.db"), {}).value());
    FakeClock clock{Instant::fromSeconds(1'800'000'000)};
    std::unique_ptr<PasswordHasher> owned_hasher;
    PasswordHasher& hasher;
    app::CryptoSecretSource secrets;
    AuthService auth{*db, hasher, secrets, clock, {}};
    CommunityService communities{*db, hasher, clock};
    AdminService admin{*db, secrets, clock};
    ProposalService proposals{*db, clock};
    // Adopted proposals become projects and conventions, as the server wires it.
    ProjectService projects{*db, clock};
    ConventionService conventions{*db, clock};

    DistrictId district;
    StreetId street;
    Community a, b;
    UserId admin_id, committee_a, committee_b;

    World() : World(std::make_unique<FakePasswordHasher>()) {}
    explicit World(std::unique_ptr<PasswordHasher> password_hasher)
        : owned_hasher(std::move(password_hasher)), hasher(*owned_hasher) {
        proposals.setOutcome(ProposalAction::kFormProject, projects);
        proposals.setOutcome(ProposalAction::kFormConvention, conventions);
        const std::string hash = hasher.hash("password-1").value();
        Status s = db->write([&](Stores& st) {
            district = st.scopes.insertDistrict("示范区");
            street = st.scopes.insertStreet(district, "友谊路街道");
            a = Community{CommunityId(), street, district, "A", "CODEAAAA"};
            a.id = st.scopes.insertCommunity(a);
            b = Community{CommunityId(), street, district, "B", "CODEBBBB"};
            b.id = st.scopes.insertCommunity(b);
            admin_id = st.users.insertUser({UserId(), "admin", "Admin", hash, {}});
            committee_a = st.users.insertUser({UserId(), "committee.a", "Committee A", hash, {}});
            committee_b = st.users.insertUser({UserId(), "committee.b", "Committee B", hash, {}});
            st.users.insertGrant(
                {admin_id, Role::kDistrictAdmin, {ScopeKind::kDistrict, district.value}, {}, UserId()});
            st.users.insertGrant({committee_a, Role::kCommittee, {ScopeKind::kCommunity, a.id.value}, {}, UserId()});
            st.users.insertGrant({committee_b, Role::kCommittee, {ScopeKind::kCommunity, b.id.value}, {}, UserId()});
            return Status::ok();
        });
        BOOST_REQUIRE(s.isOk());
    }

    Actor actor(UserId id) { return auth.actorFor(id).value(); }

    CommunityService::Joined signUpResident(const std::string& login) {
        auto r = communities.signUp(a.id, {"CODEAAAA", login, "赵大爷", "long-enough"});
        BOOST_REQUIRE_MESSAGE(r.isOk(), r.status().toString());
        return r.value();
    }
};

// Builders for the service inputs, so tests name only what matters to them.
inline ProposalService::ActionInput step(ProposalAction action, const std::string& reason = "") {
    ProposalService::ActionInput input;
    input.action = action;
    input.reason = reason;
    return input;
}

// send_to_vote before the consultation's announced end, which needs its own reason.
inline ProposalService::ActionInput sendToVoteEarly(const std::string& reason) {
    ProposalService::ActionInput input = step(ProposalAction::kSendToVote, reason);
    input.early_end_reason = "everyone agreed before the end";
    return input;
}

inline ProposalService::Draft draft(ProposalKind kind, const std::string& title, const std::string& body, bool submit) {
    ProposalService::Draft d;
    d.kind = kind;
    d.title = title;
    d.body = body;
    d.submit = submit;
    return d;
}

}  // namespace yishi::testing
