// Times a district's dashboard over HTTP (scripts/bench.sh part 10) against a
// running `yishi serve` whose database seed_dashboards filled: signs in as the
// district admin, waits for the background refresh to compute every
// community's figures (and says how long that took from the first request),
// then asks for the dashboard REQUESTS times in a row on one keep-alive
// connection and prints p50, p99 and the largest, the same for the CSV, and
// for one community's figures counted afresh from the records (what the
// refresh pays per changed community).
//
// usage: dashboard_bench PORT PASSWORD [REQUESTS=300] [DISTRICT=1]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"

using yishi::testing::HttpClient;
using yishi::testing::HttpResult;

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Returns false when a request failed.
bool timeRequests(HttpClient& client, const std::string& path, int requests, const char* label) {
    std::vector<double> times;
    std::size_t bytes = 0;
    for (int i = 0; i < requests; ++i) {
        const auto start = Clock::now();
        HttpResult r = client.get(path);
        times.push_back(ms(Clock::now() - start));
        if (r.status != 200) {
            std::fprintf(stderr, "GET %s: %d %s\n", path.c_str(), r.status, r.body.substr(0, 200).c_str());
            return false;
        }
        bytes = r.body.size();
    }
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) {
        return times[static_cast<std::size_t>(q * static_cast<double>(times.size() - 1))];
    };
    std::printf("  %-15s %d requests, %zu bytes each: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", label, requests, bytes,
                at(0.5), at(0.99), times.back());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: dashboard_bench PORT PASSWORD [REQUESTS] [DISTRICT]\n");
        return 64;
    }
    const auto port = static_cast<std::uint16_t>(std::stoi(argv[1]));
    const int requests = argc > 3 ? std::stoi(argv[3]) : 300;
    const std::string district = argc > 4 ? argv[4] : "1";
    HttpClient admin(port);
    if (admin.loginBearer("admin", argv[2]).status != 201) {
        std::fprintf(stderr, "cannot sign in as admin\n");
        return 1;
    }
    const std::string path = "/api/v1/districts/" + district + "/dashboard";
    const auto start = Clock::now();
    std::int64_t last_community = 0;
    for (;;) {
        HttpResult r = admin.get(path);
        if (r.status != 200) {
            std::fprintf(stderr, "GET %s: %d %s\n", path.c_str(), r.status, r.body.substr(0, 200).c_str());
            return 1;
        }
        if (!r.json()->getValue<bool>("pending")) {
            auto rows = r.json()->getArray("communities");
            std::printf("  %zu communities; figures computed %.1f s after the first request\n", rows->size(),
                        ms(Clock::now() - start) / 1000.0);
            last_community = rows->getObject(static_cast<unsigned>(rows->size() - 1))->getValue<std::int64_t>("id");
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::printf("  goal: the district's dashboard (JSON) under 100 ms\n");
    if (!timeRequests(admin, path, requests, "JSON")) return 1;
    if (!timeRequests(admin, path + "/export", requests / 3, "CSV")) return 1;
    // What the background refresh pays per changed community: its figures from the records.
    if (!timeRequests(admin, "/api/v1/communities/" + std::to_string(last_community) + "/dashboard?source=records",
                      requests / 10, "1 from records")) {
        return 1;
    }
    return 0;
}
