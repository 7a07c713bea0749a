// Events processed per second through the points path: outbox -> rule ->
// ledger (daily caps, one transaction per batch), with the default Lua
// plugin in worker processes against the same rule written in C++, on the
// same path and the same events.
//   points_bench EVENTS PLUGINS_DIR WORK_DIR

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>

#include "crypto_ports.h"
#include "yishi/common/clock.h"
#include "yishi/domain/points.h"
#include "yishi/domain/points_processor.h"
#include "yishi/plugins/plugin_registry.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;

namespace {

// plugins/default/points.lua, in C++.
class CppRule final : public domain::PointsRule {
  public:
    domain::RuleAwards awardsFor(DistrictId, const std::vector<domain::PointsEvent>& events) override {
        struct Spec {
            const char* rule;
            bool to_owner;
            std::int64_t points, cap;
            const char* reason;
            std::int64_t per_minutes;
            std::int64_t first_of_day = 0;
        };
        static const std::map<std::string, Spec> specs{
            {"proposal.submitted", {"proposal", false, 5, 10, "提出议题", 0}},
            {"proposal.accepted", {"proposal.accepted", true, 10, 30, "议题被受理", 0}},
            {"comment.posted", {"comment", false, 1, 5, "参与协商", 0, 2}},
            {"support.given", {"support", false, 1, 5, "附议支持", 0}},
            {"project.rated", {"rating", false, 2, 6, "评价项目", 0}},
            {"convention.acknowledged", {"convention", false, 2, 6, "知晓公约", 0}},
            {"volunteer.logged", {"volunteer", true, 3, 24, "志愿服务", 30}},
        };
        domain::RuleAwards awarded{identity({}), {}, {}};
        auto& out = awarded.results;
        out.reserve(events.size());
        for (const auto& pe : events) {
            const auto& e = pe.event;
            auto it = specs.find(e.type);
            std::vector<domain::Award> awards;
            if (it != specs.end()) {
                const Spec& s = it->second;
                const UserId user = s.to_owner ? e.subject_owner : e.actor;
                std::int64_t points = s.points;
                if (s.first_of_day) {
                    auto today = pe.awarded_today.find(user.value);
                    if (today == pe.awarded_today.end() || !today->second.count(s.rule)) points = s.first_of_day;
                }
                if (s.per_minutes) points *= (e.quantity + s.per_minutes - 1) / s.per_minutes;
                if (user.valid() && points > 0) awards.push_back({user, points, s.rule, s.reason, s.cap});
            }
            out.push_back(std::move(awards));
        }
        return awarded;
    }
    std::string identity(DistrictId) override { return "cpp 1 -"; }
};

std::unique_ptr<storage::SqliteDatabase> seeded(const std::filesystem::path& path, int events, DistrictId& district) {
    auto db = std::move(storage::SqliteDatabase::open(path.string(), {}).value());
    const char* types[] = {"comment.posted", "support.given", "volunteer.logged", "proposal.submitted",
                           "project.rated"};
    Status s = db->write([&](domain::Stores& st) {
        district = st.scopes.insertDistrict("bench");
        const StreetId street = st.scopes.insertStreet(district, "street");
        domain::Community c{CommunityId(), street, district, "c", "BENCH123"};
        c.id = st.scopes.insertCommunity(c);
        std::vector<UserId> users;
        for (int u = 0; u < 2000; ++u)
            users.push_back(st.users.insertUser({UserId(), "user" + std::to_string(u), "u", "x", {}}));
        for (int i = 0; i < events; ++i) {
            const UserId who = users[static_cast<std::size_t>(i * 7919) % users.size()];
            // A new local day every 2,000 events, so caps leave most awards in.
            const Instant at = Instant::fromSeconds(1'800'000'000) + Duration::days(i / 2000);
            st.outbox.append({0, types[i % 5], at, who, c.id, "proposal", i, who, 60});
        }
        return Status::ok();
    });
    if (!s.isOk()) throw std::runtime_error(s.toString());
    return db;
}

double run(storage::SqliteDatabase& db, domain::PointsRule& rule, int events) {
    SystemClock clock;
    domain::PointsProcessor processor(db, rule, clock, {500, domain::kChinaUtcOffset});
    const auto start = std::chrono::steady_clock::now();
    int done = 0;
    for (;;) {
        auto n = processor.processBatch();
        if (!n.isOk()) throw std::runtime_error(n.status().toString());
        if (*n == 0) break;
        done += *n;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (done != events) throw std::runtime_error("processed " + std::to_string(done) + " of " + std::to_string(events));
    return done / seconds;
}

std::int64_t ledgerRows(storage::SqliteDatabase& db, DistrictId district) {
    std::int64_t rows = 0;
    (void)db.read([&](domain::Stores& s) {
        rows = static_cast<std::int64_t>(s.get<domain::PointsStore>().eventAwards(district).size());
        return Status::ok();
    });
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: points_bench EVENTS PLUGINS_DIR WORK_DIR\n";
        return 64;
    }
    const int events = std::atoi(argv[1]);
    const std::filesystem::path work = argv[3];
    DistrictId district;

    auto lua_db = seeded(work / "lua.db", events, district);
    app::CryptoContentHasher hasher;
    plugins::WorkerPoolOptions options;
    options.command = {
        std::filesystem::canonical("/proc/self/exe").parent_path().parent_path().parent_path() / "core/app/yishi",
        "plugin-worker"};
    options.workers = 2;
    plugins::WorkerPool pool(options);
    plugins::PluginRegistry registry(argv[2], hasher, pool, [](const std::string& line) { std::cerr << line << "\n"; });
    const double lua_rate = run(*lua_db, registry, events);
    const auto lua_rows = ledgerRows(*lua_db, district);

    auto cpp_db = seeded(work / "cpp.db", events, district);
    CppRule cpp;
    const double cpp_rate = run(*cpp_db, cpp, events);
    const auto cpp_rows = ledgerRows(*cpp_db, district);

    std::printf("  %d events, batches of 500, ledger rows written: Lua %lld, C++ %lld%s\n", events,
                static_cast<long long>(lua_rows), static_cast<long long>(cpp_rows),
                lua_rows == cpp_rows ? " (same)" : " (DIFFERENT)");
    std::printf("  Lua plugin in worker processes: %8.0f events/s\n", lua_rate);
    std::printf("  same rule in C++, same path:    %8.0f events/s\n", cpp_rate);
    std::printf("  ratio %.2f (goal >= 0.20)\n", lua_rate / cpp_rate);
    return 0;
}
