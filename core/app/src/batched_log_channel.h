#pragma once

#include <Poco/Channel.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace yishi::app {

// A log channel that appends each message as one line to a buffer and lets
// a background thread write the buffer out every `flush_ms` (or as soon as it
// holds `max_bytes`). Request threads never wait on the terminal or the
// disk, and thousands of lines cost one write() instead of one each (and one
// thread wake-up instead of one each, as Poco's AsyncChannel would).
// Everything buffered is written on close() and on destruction.
class BatchedLogChannel final : public Poco::Channel {
  public:
    BatchedLogChannel(std::FILE* out, int flush_ms, std::size_t max_bytes);

    void open() override {}
    void close() override;
    void log(const Poco::Message& message) override;

  protected:
    ~BatchedLogChannel() override;

  private:
    void run();
    void writeOut(std::string& lines);

    std::FILE* const out_;
    const int flush_ms_;
    const std::size_t max_bytes_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::string buffer_;    // guarded by mutex_
    bool closing_ = false;  // guarded by mutex_
    std::thread thread_;
};

}  // namespace yishi::app
