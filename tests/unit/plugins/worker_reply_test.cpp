#include <boost/test/unit_test.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include "frame_io.h"
#include "worker_reply.h"
#include "yishi/common/json.h"
#include "yishi/common/utf8.h"

using namespace yishi;
using namespace yishi::plugins;

// What the server makes of a worker's reply frame (tests/fuzz/plugin_frame
// fuzzes the same function; these are the cases it is built around).
BOOST_AUTO_TEST_SUITE(worker_reply)

BOOST_AUTO_TEST_CASE(results_come_one_per_input_or_all_fail_as_protocol) {
    const auto good = decodeWorkerReply(R"({"results":[{"ok":true,"value":4,"log":["a"]},{"ok":false}]})", 2);
    BOOST_REQUIRE(good.results.size() == 2u);
    BOOST_TEST(!good.unknown_bundle);
    BOOST_TEST(good.results[0].ok);
    BOOST_TEST(good.results[0].value.asInt() == 4);
    BOOST_TEST(good.results[1].fault.code == "plugin.error");
    for (const char* bad : {R"({"results":[{"ok":true}]})", "{\"results\":[", "[]", R"({"results":{}})"}) {
        const auto r = decodeWorkerReply(bad, 3);
        BOOST_TEST_INFO(bad);
        BOOST_REQUIRE(r.results.size() == 3u);
        BOOST_TEST(r.results[2].fault.code == "plugin.protocol");
    }
}

BOOST_AUTO_TEST_CASE(an_error_is_capped_and_unknown_bundle_is_flagged) {
    const std::string huge(100'000, 'x');
    const auto r = decodeWorkerReply(R"({"error":{"code":"plugin.unknown_bundle","cause":")" + huge + "\"}}", 1);
    BOOST_TEST(r.unknown_bundle);
    BOOST_TEST(r.results[0].fault.code == "plugin.unknown_bundle");
    BOOST_TEST(r.results[0].fault.cause.size() <= kMaxFaultCauseBytes);
}

// Found by reading what tests/fuzz/plugin_frame asserts: the log's cap was
// counted on the raw lines, and each invalid byte became three bytes of
// U+FFFD, so a reply could keep three times kMaxLogBytes.
BOOST_AUTO_TEST_CASE(the_log_cap_counts_what_is_kept) {
    std::string lines;
    for (int i = 0; i < 6; ++i) lines += std::string(i ? "," : "") + "\"" + std::string(10'000, '\xff') + "\"";
    const auto r = decodeWorkerReply(R"({"results":[{"ok":true,"value":null,"log":[)" + lines + "]}]}", 1);
    BOOST_REQUIRE(r.results.size() == 1u);
    std::size_t bytes = 0;
    for (const auto& line : r.results[0].log) {
        BOOST_TEST(isValidUtf8(line));
        bytes += line.size();
    }
    BOOST_TEST(!r.results[0].log.empty());
    BOOST_TEST(bytes <= kMaxLogBytes);
    // What is kept reads back as itself.
    const HookResult again = HookResult::fromValue(r.results[0].toValue());
    BOOST_TEST(again.log == r.results[0].log);
}

// Found by tests/fuzz/plugin_frame (its 64 MB allocation cap): a frame's
// announced length was allocated before any byte of it came.
BOOST_AUTO_TEST_CASE(a_frame_cut_short_costs_what_was_sent_not_what_it_announced) {
    int pair[2];
    BOOST_REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
    const std::uint32_t announced = kMaxFrameBytes;  // 256 MB
    const char frame[] = {static_cast<char>(announced & 0xFF),
                          static_cast<char>((announced >> 8) & 0xFF),
                          static_cast<char>((announced >> 16) & 0xFF),
                          static_cast<char>(announced >> 24),
                          '{',
                          '}'};
    BOOST_REQUIRE(::write(pair[1], frame, sizeof frame) == static_cast<ssize_t>(sizeof frame));
    ::close(pair[1]);
    std::string payload;
    BOOST_TEST(
        (readFrame(pair[0], payload, std::chrono::steady_clock::now() + std::chrono::seconds(5)) == FrameStatus::kEof));
    BOOST_TEST(payload.capacity() < (1u << 20));
    ::close(pair[0]);
}

BOOST_AUTO_TEST_SUITE_END()
