#include "backup_command.h"

#include <cstdio>
#include <iostream>
#include <string>

#include "yishi/storage/backup.h"

namespace yishi::app {

int runBackupCommand(int argc, char** argv) {
    std::string data_dir = "data";
    std::string destination;
    bool bad = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--data-dir" && i + 1 < argc) {
            data_dir = argv[++i];
        } else if (!arg.empty() && arg[0] != '-' && destination.empty()) {
            destination = arg;
        } else {
            bad = true;
        }
    }
    if (bad || destination.empty()) {
        std::cerr << "usage: yishi backup DEST [--data-dir DIR]\n";
        return 64;
    }
    const Result<storage::BackupReport> made = storage::backupDatabase(data_dir + "/yishi.db", destination);
    if (!made.isOk()) {
        std::cerr << "yishi backup: " << made.status().code() << ": " << made.status().message() << "\n";
        return 74;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", made->seconds);
    std::cout << "backup " << destination << ": " << made->bytes << " bytes, schema version " << made->schema_version
              << ", " << seconds << " s\n";
    return 0;
}

}  // namespace yishi::app
