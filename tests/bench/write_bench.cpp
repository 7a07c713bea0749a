// Durable writes per second through the writer thread (group commit)
// against the same writes committed one at a time, both with
// synchronous=FULL on a real file. Small writes (audit rows) from many
// threads at once. Prints one line per mode and the ratio.
//
// usage: write_bench [threads=32] [seconds=5] [dir=/tmp]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "yishi/storage/sqlite_database.h"

using namespace yishi;

namespace {

struct Figures {
    double per_second = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    long writes = 0;
    long commits = 0;
};

Figures run(const std::string& path, bool group_commit, int threads, double seconds) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    storage::SqliteDatabase::Options options;
    options.group_commit = group_commit;
    auto db = std::move(storage::SqliteDatabase::open(path, options).value());
    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> latencies(threads);
    std::vector<std::thread> workers;
    const auto start = std::chrono::steady_clock::now();
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            long i = 0;
            while (!stop.load()) {
                const auto a = std::chrono::steady_clock::now();
                Status s = db->write([&](domain::Stores& st) {
                    st.audit.append(
                        {0, Instant::fromMicros(++i), UserId(), "bench.event", "bench", t, CommunityId(), "x"});
                    return Status::ok();
                });
                const auto b = std::chrono::steady_clock::now();
                if (s.isOk()) latencies[t].push_back(std::chrono::duration<double, std::milli>(b - a).count());
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& w : workers) w.join();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<double> all;
    for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    Figures f;
    f.writes = static_cast<long>(all.size());
    f.commits = static_cast<long>(db->commits());
    f.per_second = static_cast<double>(all.size()) / elapsed;
    if (!all.empty()) {
        f.p50_ms = all[all.size() / 2];
        f.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
    }
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    const int threads = argc > 1 ? std::stoi(argv[1]) : 32;
    const double seconds = argc > 2 ? std::stod(argv[2]) : 5.0;
    const std::string dir = argc > 3 ? argv[3] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/yishi-write-bench.db";
    const Figures single = run(path, false, threads, seconds);
    const Figures grouped = run(path, true, threads, seconds);
    std::printf("durable writes, %d threads, synchronous=FULL, %.0f s each\n", threads, seconds);
    std::printf("  one commit per write : %8.0f writes/s  p50 %6.2f ms  p99 %7.2f ms  (%ld writes, %ld commits)\n",
                single.per_second, single.p50_ms, single.p99_ms, single.writes, single.commits);
    std::printf("  group commit         : %8.0f writes/s  p50 %6.2f ms  p99 %7.2f ms  (%ld writes, %ld commits)\n",
                grouped.per_second, grouped.p50_ms, grouped.p99_ms, grouped.writes, grouped.commits);
    std::printf("  ratio group/single   : %8.1fx\n", grouped.per_second / single.per_second);
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    return 0;
}
