#include "points_commands.h"

#include <cstring>
#include <iostream>
#include <string>

#include "crypto_ports.h"
#include "plugin_host.h"
#include "plugin_paths.h"
#include "yishi/common/clock.h"
#include "yishi/domain/points_processor.h"
#include "yishi/plugins/plugin_registry.h"
#include "yishi/storage/sqlite_database.h"

namespace yishi::app {

int runPointsCommand(int argc, char** argv) {
    std::string data_dir = "data", plugins_dir = pluginsDirectory();
    std::int64_t district = 0;
    Duration utc_offset = domain::kChinaUtcOffset;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--district")
            district = std::strtoll(argv[i + 1], nullptr, 10);
        else if (flag == "--data-dir")
            data_dir = argv[i + 1];
        else if (flag == "--plugins-dir")
            plugins_dir = argv[i + 1];
        else if (flag == "--utc-offset-seconds")
            utc_offset = Duration::seconds(std::strtoll(argv[i + 1], nullptr, 10));
        else
            district = -1;
    }
    if (argc < 3 || std::strcmp(argv[2], "replay") != 0 || district <= 0 || argc % 2 == 0) {
        std::cerr << "usage: yishi points replay --district ID [--data-dir DIR] [--plugins-dir DIR]\n";
        return 64;
    }
    storage::SqliteDatabase::Options db_options;
    db_options.log = [](const std::string& line) { std::cerr << line << "\n"; };
    auto opened = storage::SqliteDatabase::open(data_dir + "/yishi.db", db_options);
    if (!opened.isOk()) {
        std::cerr << "yishi points replay: " << opened.status().message() << "\n";
        return 66;
    }
    SystemClock clock;
    CryptoContentHasher hasher;
    plugins::WorkerPool pool(workerPoolOptionsForSelf(2));
    plugins::PluginRegistry registry(plugins_dir, hasher, pool,
                                     [](const std::string& line) { std::cerr << line << "\n"; });
    domain::PointsProcessor processor(**opened, registry, clock, {500, utc_offset});
    auto differences = processor.replay(DistrictId(district));
    if (!differences.isOk()) {
        std::cerr << "yishi points replay: " << differences.status().toString() << "\n";
        return 65;
    }
    std::cout << "plugin " << registry.identity(DistrictId(district)) << "\n";
    for (const auto& d : *differences)
        std::cout << "event " << d.event_id << ": plugin now gives " << d.expected << "; ledger has " << d.recorded
                  << "\n";
    std::cout << differences->size() << " difference" << (differences->size() == 1 ? "" : "s") << "\n";
    return differences->empty() ? 0 : 1;
}

}  // namespace yishi::app
