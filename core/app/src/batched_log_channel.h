#pragma once

#include <Poco/Channel.h>

#include <condition_variable>
#include <cstdio>
#include <string>
#include <thread>

#include "yishi/common/mutex.h"

namespace yishi::app {

// A log channel that appends each message as one line to a buffer and lets
// a background thread write the buffer out every `flush_ms` (or as soon as it
// holds `max_bytes`). Request threads never wait on the terminal or the
// disk, and thousands of lines cost one write() instead of one each (and one
// thread wake-up instead of one each, as Poco's AsyncChannel would).
// Everything buffered is written on close() and on destruction.
// Thread-safe: any thread may log; the buffer is guarded by mutex_, and only
// the background thread writes to `out`.
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
    // Without mutex_: loggers never wait on the terminal or the disk.
    void writeOut(std::string& lines) YISHI_EXCLUDES(mutex_);

    std::FILE* const out_;
    const int flush_ms_;
    const std::size_t max_bytes_;
    Mutex mutex_;
    std::condition_variable wake_;
    std::string buffer_ YISHI_GUARDED_BY(mutex_);
    bool closing_ YISHI_GUARDED_BY(mutex_) = false;
    std::thread thread_;
};

}  // namespace yishi::app
