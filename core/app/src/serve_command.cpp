#include "serve_command.h"

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <iostream>
#include <optional>
#include <set>
#include <thread>

#include "batched_log_channel.h"
#include "crypto_ports.h"
#include "demo_board.h"
#include "demo_cases.h"
#include "demo_district.h"
#include "demo_votes.h"
#include "feature_set.h"
#include "plugin_host.h"
#include "plugin_paths.h"
#include "sighup_watcher.h"
#include "www_paths.h"
#include "yishi/domain/auth_service.h"
#include "yishi/http/server.h"
#include "yishi/plugins/plugin_registry.h"
#include "yishi/storage/sqlite_database.h"

namespace yishi::app {

namespace {

using Poco::Util::Option;
using Poco::Util::OptionCallback;

class ServeApplication final : public Poco::Util::ServerApplication {
  protected:
    void defineOptions(Poco::Util::OptionSet& options) override {
        ServerApplication::defineOptions(options);
        auto add = [&](const char* name, const char* help, const char* arg, const char* key) {
            Option o(name, "", help);
            o.required(false).repeatable(false);
            if (arg) o.argument(arg);
            o.callback(OptionCallback<ServeApplication>(this, &ServeApplication::setOption));
            options.addOption(o);
            keys_[name] = key;
        };
        add("help", "Show the options and exit.", nullptr, "");
        add("config", "Read settings from FILE (properties: yishi.port=8080 ...).", "FILE", "");
        add("demo", "Create the demo district when the database is empty.", nullptr, "yishi.demo");
        add("listen", "Address to listen on (default 127.0.0.1).", "ADDR", "yishi.listen");
        add("port", "Port to listen on (default 8080; 0 picks a free one).", "PORT", "yishi.port");
        add("data-dir", "Directory for the database and demo logins (default ./data).", "DIR", "yishi.data_dir");
        add("plugins-dir", "Directory of district plugins: DIR/<district id>, DIR/default.", "DIR",
            "yishi.plugins_dir");
        add("www-dir", "Directory of the built web UI, served under / (default: the build's or install's www).", "DIR",
            "yishi.www_dir");
        add("threads", "Worker threads: requests worked on at once (default 64).", "N", "yishi.threads");
        add("max-connections",
            "Open connections at once (default: the descriptor limit less a reserve); at the cap the one idle "
            "the longest is closed.",
            "N", "yishi.max_connections");
        add("max-connections-per-address",
            "Open connections from one client address, loopback not counted (default 256; 0: no limit).", "N",
            "yishi.max_connections_per_address");
        add("keep-alive-timeout-ms", "Time an idle connection is kept between requests (default 10000).", "MS",
            "yishi.keep_alive_timeout_ms");
        add("max-body", "Largest request body in bytes (default 1048576).", "BYTES", "yishi.max_body_bytes");
        add("trusted-proxies",
            "Reverse proxies (IP addresses or CIDR ranges, comma-separated) whose X-Forwarded-For and "
            "X-Forwarded-Proto are believed (default: none).",
            "LIST", "yishi.trusted_proxies");
        add("request-deadline-ms", "Time a client has to send one request (default 10000).", "MS",
            "yishi.request_deadline_ms");
        add("test-clock",
            "Run on a clock that a district admin may move forward (POST /api/v1/test/clock), for tests and "
            "demos; /api/v1/health says so. Never in production.",
            nullptr, "yishi.test_clock");
        add("stop-on-stdin-eof", "Stop when standard input closes (for test harnesses).", nullptr,
            "yishi.stop_on_stdin_eof");
    }

    void setOption(const std::string& name, const std::string& value) {
        if (name == "help") {
            Poco::Util::HelpFormatter help(options());
            help.setCommand("yishi serve");
            help.setUsage("[options]");
            help.setHeader("Runs the yishi server.");
            help.format(std::cout);
            stopOptionsProcessing();
            help_ = true;
            return;
        }
        if (name == "config") {
            loadConfiguration(value, PRIO_APPLICATION);
            return;
        }
        config().setString(keys_[name], value.empty() ? "true" : value);
    }

    void uninitialize() override {
        if (log_channel_) log_channel_->close();
        ServerApplication::uninitialize();
    }

    void initialize(Application& self) override {
        ServerApplication::initialize(self);
        // One line per event (each message is already a JSON object), written
        // in batches by a background thread.
        log_channel_ = new BatchedLogChannel(stderr, 100, 64 * 1024);
        Poco::Logger::root().setChannel(log_channel_);
        Poco::Logger::root().setLevel(config().getString("yishi.log_level", "information"));
    }

    int main(const std::vector<std::string>& args) override {
        if (help_) return EXIT_OK;
        if (!args.empty()) {
            std::cerr << "yishi serve: unexpected argument '" << args.front() << "' (see --help)\n";
            return EXIT_USAGE;
        }
        try {
            return serve();
        } catch (const std::exception& e) {
            std::cerr << "yishi serve: " << e.what() << "\n";
            return EXIT_SOFTWARE;
        }
    }

  private:
    int serve() {
        const auto& c = config();
        const std::string data_dir = c.getString("yishi.data_dir", "data");
        Poco::File(data_dir).createDirectories();
        const std::string db_path = Poco::Path(data_dir).append("yishi.db").toString();

        storage::SqliteDatabase::Options db_options;
        db_options.busy_timeout_ms = c.getInt("yishi.busy_timeout_ms", 5000);
        db_options.log = [this](const std::string& line) { logger().error(line); };
        Result<std::unique_ptr<storage::SqliteDatabase>> opened = storage::SqliteDatabase::open(db_path, db_options);
        if (!opened.isOk()) {
            std::cerr << "yishi serve: " << opened.status().message() << "\n";
            return EXIT_CANTCREAT;
        }
        std::unique_ptr<storage::SqliteDatabase> db = std::move(opened).value();

        // --test-clock only: a clock that can be moved; everything reads time through `clock`.
        const bool use_test_clock = c.getBool("yishi.test_clock", false);
        SystemClock system_clock;
        TestClock test_clock;
        const Clock& clock = use_test_clock ? static_cast<const Clock&>(test_clock) : system_clock;
        if (use_test_clock)
            logger().warning("yishi serve --test-clock: time may be moved over HTTP; not for production");
        crypto::Argon2PasswordHasher::Options hash_options;
        hash_options.max_concurrent = c.getInt("yishi.password_hash_concurrency", 2);
        CryptoPasswordHasher hasher(hash_options);
        CryptoSecretSource secrets;

        domain::AuthService::Options auth_options;
        auth_options.session_ttl =
            Duration::seconds(c.getInt64("yishi.session_ttl_seconds", auth_options.session_ttl.seconds()));
        // Failures allowed before the waits begin (docs/api.md, "Logins").
        auth_options.per_account_and_address.free_failures = c.getInt(
            "yishi.login_free_failures_per_account_and_address", auth_options.per_account_and_address.free_failures);
        auth_options.per_account.free_failures =
            c.getInt("yishi.login_free_failures_per_account", auth_options.per_account.free_failures);
        auth_options.per_device.free_failures =
            c.getInt("yishi.login_free_failures_per_device", auth_options.per_device.free_failures);
        domain::AuthService auth(*db, hasher, secrets, clock, auth_options);
        Result<std::set<std::string>> holidays =
            domain::WorkingCalendar::parseHolidays(c.getString("yishi.holidays", ""));
        if (!holidays.isOk()) {
            std::cerr << "yishi serve: " << holidays.status().message() << "\n";
            return EXIT_CONFIG;
        }
        // The configuration is every district's default; a district admin may
        // set the district's own (PUT /api/v1/districts/{id}/settings).
        domain::DistrictSettings default_settings;
        default_settings.rules.first_response =
            Duration::hours(c.getInt64("yishi.first_response_hours", default_settings.rules.first_response.hours()));
        default_settings.rules.decision_working_days =
            c.getInt("yishi.decision_working_days", default_settings.rules.decision_working_days);
        default_settings.rules.escalation_working_days =
            c.getInt("yishi.escalation_working_days", default_settings.rules.escalation_working_days);
        default_settings.holidays = holidays.value();
        default_settings.auto_hide_reports = c.getInt("yishi.auto_hide_reports", default_settings.auto_hide_reports);
        default_settings.comment_edit_window = Duration::seconds(
            c.getInt64("yishi.comment_edit_window_seconds", default_settings.comment_edit_window.seconds()));

        CryptoContentHasher content_hasher;
        plugins::WorkerPoolOptions pool_options = workerPoolOptionsForSelf(c.getInt("yishi.plugin_workers", 2));
        pool_options.address_space_mb = c.getUInt64("yishi.plugin_worker_memory_mb", pool_options.address_space_mb);
        plugins::WorkerPool plugin_workers(pool_options);
        const std::string plugins_dir = pluginsDirectory(c.getString("yishi.plugins_dir", ""));
        plugins::PluginRegistry plugin_registry(plugins_dir, content_hasher, plugin_workers,
                                                [this](const std::string& line) { logger().warning(line); });
        const Duration utc_offset =
            Duration::seconds(c.getInt64("yishi.utc_offset_seconds", domain::kChinaUtcOffset.seconds()));
        FeatureContext context(*db, clock, c, hasher, secrets, plugin_registry, default_settings, utc_offset,
                               [this](const std::string& line) { logger().warning(line); });
        if (use_test_clock) context.test_clock = &test_clock;
        FeatureSet features(context);
        // SIGHUP reloads every district's plugins (each tested aside first).
        SighupWatcher sighup([&plugin_registry] { plugin_registry.reloadAll(); });

        if (c.getBool("yishi.demo", false)) {
            bool created = false;
            Result<DemoDistrict> demo = ensureDemoDistrict(*db, hasher, secrets, clock, &created);
            if (!demo.isOk()) {
                std::cerr << "yishi serve: demo: " << demo.status().toString() << "\n";
                return EXIT_SOFTWARE;
            }
            if (created) {
                if (Status votes = seedDemoVotes(context); !votes.isOk()) {
                    std::cerr << "yishi serve: demo votes: " << votes.toString() << "\n";
                    return EXIT_SOFTWARE;
                }
                if (Status cases = seedDemoCases(context); !cases.isOk()) {
                    std::cerr << "yishi serve: demo cases: " << cases.toString() << "\n";
                    return EXIT_SOFTWARE;
                }
                if (Status board = seedDemoBoard(context); !board.isOk()) {
                    std::cerr << "yishi serve: demo board: " << board.toString() << "\n";
                    return EXIT_SOFTWARE;
                }
            }
            const std::string logins_path = Poco::Path(data_dir).append("demo-logins.json").toString();
            if (created || !Poco::File(logins_path).exists()) {
                Poco::FileOutputStream out(logins_path);
                out << demoLoginsJson(demo.value()) << "\n";
            }
            printDemo(demo.value(), created, logins_path);
        }

        http::ServerOptions options;
        options.address = c.getString("yishi.listen", "127.0.0.1");
        options.port = static_cast<std::uint16_t>(c.getUInt("yishi.port", 8080));
        options.threads = c.getInt("yishi.threads", options.threads);
        options.max_queued = c.getInt("yishi.max_queued", options.max_queued);
        options.max_body_bytes = c.getUInt64("yishi.max_body_bytes", options.max_body_bytes);
        options.max_header_bytes = c.getUInt64("yishi.max_header_bytes", options.max_header_bytes);
        options.max_connections = c.getInt("yishi.max_connections", options.max_connections);
        options.max_connections_per_address =
            c.getInt("yishi.max_connections_per_address", options.max_connections_per_address);
        options.limit_loopback = c.getBool("yishi.limit_loopback", options.limit_loopback);
        options.max_json_depth = c.getInt("yishi.max_json_depth", options.max_json_depth);
        options.request_deadline_ms = c.getInt("yishi.request_deadline_ms", options.request_deadline_ms);
        options.keep_alive_timeout_ms = c.getInt("yishi.keep_alive_timeout_ms", options.keep_alive_timeout_ms);
        options.secure_cookies = c.getBool("yishi.secure_cookies", false);
        Result<http::TrustedProxies> proxies = http::TrustedProxies::parse(c.getString("yishi.trusted_proxies", ""));
        if (!proxies.isOk()) {
            std::cerr << "yishi serve: " << proxies.status().message() << "\n";
            return EXIT_CONFIG;
        }
        options.trusted_proxies = std::move(proxies).value();
        options.session_ttl = auth_options.session_ttl;
        options.www_dir = wwwDirectory(c.getString("yishi.www_dir", ""));
        const bool has_www = Poco::File(options.www_dir).exists();

        http::ServerCore core{auth, [&db] { return db->read([](domain::Stores&) { return Status::ok(); }); },
                              db->versions(), use_test_clock};
        options.public_cache_ttl_ms = c.getInt("yishi.public_cache_ttl_ms", options.public_cache_ttl_ms);
        // Time may jump on a test clock, and pages show what is overdue: keep none.
        if (use_test_clock) options.public_cache_ttl_ms = 0;
        http::HttpServer server(core, features.routes(), options);
        const Status started = server.start();
        if (!started.isOk()) {
            std::cerr << "yishi serve: " << started.message() << "\n";
            return EXIT_UNAVAILABLE;
        }
        features.start();
        std::cout << "yishi listening on http://" << options.address << ":" << server.port() << " (data in " << data_dir
                  << ", plugins in " << plugins_dir
                  << (has_www ? ", web UI from " + options.www_dir : ", no web UI at " + options.www_dir)
                  << ", schema version " << db->schemaVersion() << ")" << (use_test_clock ? " on a TEST CLOCK" : "")
                  << std::endl;

        if (c.getBool("yishi.stop_on_stdin_eof", false)) {
            // A harness that dies closes our stdin: never outlive it.
            std::thread([] {
                char buffer[256];
                while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
                }
                Poco::Util::ServerApplication::terminate();
            }).detach();
        }
        waitForTerminationRequest();
        std::cout << "yishi stopping: finishing requests in progress" << std::endl;
        server.stop();
        features.stop();
        db.reset();
        std::cout << "yishi stopped cleanly" << std::endl;
        return EXIT_OK;
    }

    static void printDemo(const DemoDistrict& demo, bool created, const std::string& path) {
        std::cout << (created ? "Created the demo district." : "The demo district exists already.")
                  << " Logins (also in " << path << "):\n";
        for (const DemoLogin& l : demo.logins) {
            std::cout << "  " << l.login << " / " << l.password << "  " << l.role << "  " << l.scope << "  "
                      << l.display_name << "\n";
        }
        std::cout << "Join codes (社区码):";
        for (const auto& [name, code] : demo.join_codes) std::cout << "  " << name << " " << code;
        std::cout << std::endl;
    }

    Poco::AutoPtr<BatchedLogChannel> log_channel_;
    std::map<std::string, std::string> keys_;
    bool help_ = false;
};

}  // namespace

int runServe(int argc, char** argv) {
    ServeApplication app;
    return app.run(argc, argv);
}

}  // namespace yishi::app
