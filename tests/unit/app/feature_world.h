#pragma once

#include <Poco/Util/MapConfiguration.h>
#include <sodium.h>

#include <memory>
#include <string>
#include <vector>

#include "crypto_ports.h"
#include "feature_set.h"
#include "support/temp_dir.h"
#include "yishi/domain/auth_service.h"
#include "yishi/http/server.h"
#include "yishi/plugins/plugin_registry.h"
#include "yishi/storage/sqlite_database.h"

namespace yishi::testing {

// Every feature of the server, wired as `yishi serve` wires them, over a
// fresh database: for tests of what the features add up to.
struct FeatureWorld {
    TempDir dir;
    std::unique_ptr<storage::SqliteDatabase> db =
        std::move(storage::SqliteDatabase::open(dir.file("features.db"), {}).value());
    SystemClock clock;
    Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
    app::CryptoPasswordHasher hasher{{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, 1}};
    app::CryptoSecretSource secrets;
    app::CryptoContentHasher content_hasher;
    plugins::WorkerPool workers{{{YISHI_BINARY, "plugin-worker"}}};
    plugins::PluginRegistry registry{std::string(YISHI_SOURCE_DIR) + "/plugins", content_hasher, workers,
                                     [](const std::string&) {}};
    app::FeatureContext context{
        *db, clock, *config, hasher, secrets, registry, {}, domain::kChinaUtcOffset, [](const std::string&) {}};
    // Wired as `yishi serve --test-clock`, whose routes are a superset.
    TestClock test_clock;
    bool test_clock_wired = (context.test_clock = &test_clock, true);
    app::FeatureSet features{context};
    domain::AuthService auth{*db, hasher, secrets, clock, {}};

    // Every route the server would serve, in matching order.
    std::vector<http::RouteInfo> routes() {
        http::ServerOptions options;
        options.port = 0;
        http::HttpServer server({auth, [] { return Status::ok(); }}, features.routes(), options);
        return server.routes();
    }
};

}  // namespace yishi::testing
