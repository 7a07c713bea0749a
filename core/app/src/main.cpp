#include <cstring>
#include <iostream>

#include "backup_command.h"
#include "plugin_commands.h"
#include "points/points_commands.h"
#include "serve_command.h"
#include "trustee/trustee_command.h"
#include "verify_command.h"
#include "vote/vote_command.h"

namespace {

void usage() {
    std::cerr << "usage: yishi <command> [options]\n\n"
                 "commands:\n"
                 "  serve          run the server (yishi serve --help for its options)\n"
                 "  plugin test DIR   run a plugin's own test cases\n"
                 "  pb select FILE.pb --rule RULE [--plugins DIR]   select projects from a Pabulib file\n"
                 "  trustee keygen|ceremony|decrypt|show ...   a trustee's client\n"
                 "  vote enroll|cast|check|show --server URL --election ID   a voter's client\n"
                 "  points replay --district ID [--data-dir DIR]   recompute awards and compare with the ledger\n"
                 "  verify RECORD [OLDER_RECORD] [--threads N]   check an election record (a file or http:// URL)\n"
                 "  backup DEST [--data-dir DIR]   an online, consistent copy of the database, while the server runs\n"
                 "  plugin-worker  (internal) serve plugin calls for the server\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
        usage();
        return argc < 2 ? 64 : 0;
    }
    if (std::strcmp(argv[1], "serve") == 0) {
        // The command's options follow its name; Poco wants them after argv[0].
        argv[1] = argv[0];
        return yishi::app::runServe(argc - 1, argv + 1);
    }
    if (std::strcmp(argv[1], "plugin-worker") == 0) return yishi::app::runPluginWorkerCommand(argc, argv);
    if (std::strcmp(argv[1], "plugin") == 0) return yishi::app::runPluginTestCommand(argc, argv);
    if (std::strcmp(argv[1], "points") == 0) return yishi::app::runPointsCommand(argc, argv);
    if (std::strcmp(argv[1], "trustee") == 0) return yishi::app::runTrusteeCommand(argc, argv);
    if (std::strcmp(argv[1], "vote") == 0) return yishi::app::runVoteCommand(argc, argv);
    if (std::strcmp(argv[1], "verify") == 0) return yishi::app::runVerifyCommand(argc, argv);
    if (std::strcmp(argv[1], "backup") == 0) return yishi::app::runBackupCommand(argc, argv);
    if (std::strcmp(argv[1], "pb") == 0) return yishi::app::runPbSelectCommand(argc, argv);
    std::cerr << "yishi: unknown command '" << argv[1] << "'\n";
    usage();
    return 64;
}
