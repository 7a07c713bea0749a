#pragma once

// Length-prefixed frames between the server and its plugin workers: a
// 4-byte little-endian length, then that many bytes of JSON.

#include <chrono>
#include <cstdint>
#include <string>

namespace yishi::plugins {

inline constexpr std::uint32_t kMaxFrameBytes = 256u << 20;

enum class FrameStatus { kOk, kEof, kTimeout, kError };

// Writes the whole frame; false when the peer is gone.
bool writeFrame(int fd, const std::string& payload);

// Reads one frame, waiting until `deadline` at most (forever when the
// deadline is time_point::max()). The payload grows as its bytes arrive, so
// a frame cut short costs about what was sent, whatever length it announced.
FrameStatus readFrame(int fd, std::string& payload, std::chrono::steady_clock::time_point deadline);

}  // namespace yishi::plugins
