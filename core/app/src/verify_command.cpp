#include "verify_command.h"

#include "cli/api_client.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <Poco/URI.h>

#include "yishi/election/verifier.h"

namespace yishi::app {

namespace {

constexpr int kUsage = 64;
constexpr int kNoInput = 66;

void usage() {
    std::cerr << "usage: yishi verify RECORD [OLDER_RECORD] [--threads N]   (RECORD: a file or an http:// URL)\n";
}

// The bytes of a record from a file or an http:// URL; false with `error` set
// when they cannot be had.
bool readRecord(const std::string& source, std::string& bytes, std::string& error) {
    if (source.rfind("http://", 0) == 0) {
        auto client = ApiClient::connect(source);
        if (!client.isOk()) {
            error = source + ": " + client.status().message();
            return false;
        }
        auto reply = client->get(Poco::URI(source).getPathAndQuery());
        if (!reply.isOk()) {
            error = source + ": " + reply.status().message();
            return false;
        }
        if (reply->status != 200) {
            error = source + " answered " + std::to_string(reply->status);
            return false;
        }
        bytes = std::move(reply->body);
        return true;
    }
    if (source.rfind("https://", 0) == 0) {
        error = "https:// is not supported: fetch the record with another tool and pass the file";
        return false;
    }
    std::ifstream in(source, std::ios::binary);
    if (!in) {
        error = "cannot open " + source;
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
    return true;
}

// A one-line bar redrawn in place; only for a terminal.
void drawProgress(const election::VerifyProgress& p) {
    constexpr int kWidth = 30;
    const int filled = p.total == 0 ? kWidth : static_cast<int>(kWidth * p.done / p.total);
    std::fprintf(stderr, "\r[%s%s] %-13.*s %llu/%llu", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), ' ').c_str(), static_cast<int>(p.stage.size()),
                 p.stage.data(), static_cast<unsigned long long>(p.done), static_cast<unsigned long long>(p.total));
    std::fflush(stderr);
}

}  // namespace

int runVerifyCommand(int argc, char** argv) {
    std::vector<std::string> sources;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            const long n = std::strtol(argv[++i], nullptr, 10);
            if (n < 1 || n > 1024) {
                usage();
                return kUsage;
            }
            threads = static_cast<unsigned>(n);
        } else if (std::strcmp(argv[i], "--help") == 0) {
            usage();
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            usage();
            return kUsage;
        } else {
            sources.emplace_back(argv[i]);
        }
    }
    if (sources.empty() || sources.size() > 2) {
        usage();
        return kUsage;
    }
    std::vector<std::string> records(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        std::string error;
        if (!readRecord(sources[i], records[i], error)) {
            std::cerr << "yishi verify: " << error << "\n";
            return kNoInput;
        }
    }
    election::VerifyOptions options;
    options.threads = threads;
    const bool terminal = isatty(STDERR_FILENO) == 1;
    if (terminal) options.progress = drawProgress;
    const election::VerifyReport report = records.size() == 1
                                              ? election::verifyRecord(records[0], options)
                                              : election::verifyTwoRecords(records[0], records[1], options);
    if (terminal) std::cerr << "\r" << std::string(60, ' ') << "\r";
    std::cout << report.line() << "\n";
    return report.ok() ? 0 : 1;
}

}  // namespace yishi::app
