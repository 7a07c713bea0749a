// Fills a demo database for the election benchmark of scripts/bench.sh
// (bench only: it writes straight into the SQLite file, before the server
// starts): `voters` verified residents of community 1 and a bearer session
// for each, plus sessions for the demo's committee1 and admin, so that no
// password is hashed for them. Writes the tokens to TOKENS_FILE, one a line:
// committee1's, admin's, then the voters'.
//
// usage: seed_voters DB_PATH VOTERS TOKENS_FILE
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "yishi/crypto/random_secrets.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using namespace yishi::domain;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: seed_voters DB_PATH VOTERS TOKENS_FILE\n");
        return 64;
    }
    const int voters = std::stoi(argv[2]);
    auto opened = storage::SqliteDatabase::open(argv[1], {});
    if (!opened.isOk()) {
        std::fprintf(stderr, "%s\n", opened.status().toString().c_str());
        return 1;
    }
    storage::SqliteDatabase& db = *opened.value();
    crypto::RandomSecrets secrets;
    const Instant now = Instant::fromSeconds(static_cast<std::int64_t>(std::time(nullptr)));
    std::vector<std::string> tokens;
    auto session = [&](Stores& st, UserId user) {
        const std::string token = secrets.newToken();
        st.sessions.insertSession({secrets.hashToken(token), user, secrets.newToken(), now, now + Duration::days(30)});
        tokens.push_back(token);
    };
    Status s = db.write([&](Stores& st) {
        for (const char* login : {"committee1", "admin"}) {
            std::optional<User> u = st.users.userByLogin(login);
            if (!u) return Status::notFound("seed.no_demo", "Run yishi serve --demo on this data directory first.");
            session(st, u->id);
        }
        return Status::ok();
    });
    constexpr int kBatch = 2000;
    for (int done = 0; s.isOk() && done < voters; done += kBatch) {
        s = db.write([&](Stores& st) {
            for (int i = done; i < std::min(voters, done + kBatch); ++i) {
                // The password hash is no argon2 hash: these residents never log in with a password.
                const UserId id = st.users.insertUser(
                    {UserId(), "bench.voter" + std::to_string(i), "投票人 " + std::to_string(i), "-", now});
                st.users.saveMembership({id, CommunityId(1), MembershipStatus::kVerified, now, now, UserId(), ""});
                session(st, id);
            }
            return Status::ok();
        });
    }
    if (!s.isOk()) {
        std::fprintf(stderr, "%s\n", s.toString().c_str());
        return 1;
    }
    std::ofstream out(argv[3]);
    for (const std::string& t : tokens) out << t << "\n";
    return out ? 0 : 1;
}
