#include "sighup_watcher.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

namespace yishi::app {

namespace {

// Read by the signal handler on whichever thread the signal lands, so an
// atomic (lock-free, which a handler may use).
std::atomic<int> g_write_end{-1};
static_assert(std::atomic<int>::is_always_lock_free);

void onSignal(int) {
    const char byte = 'h';
    [[maybe_unused]] ssize_t n = ::write(g_write_end.load(), &byte, 1);
}

}  // namespace

SighupWatcher::SighupWatcher(std::function<void()> on_hangup) : on_hangup_(std::move(on_hangup)) {
    if (::pipe2(pipe_, O_CLOEXEC) != 0) return;
    g_write_end.store(pipe_[1]);
    struct sigaction action {};
    action.sa_handler = &onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGHUP, &action, nullptr);
    thread_ = std::thread([this] {
        char byte;
        while (::read(pipe_[0], &byte, 1) == 1 && byte == 'h') on_hangup_();
    });
}

SighupWatcher::~SighupWatcher() {
    if (pipe_[1] < 0) return;
    ::signal(SIGHUP, SIG_IGN);
    const char stop = 'q';
    [[maybe_unused]] ssize_t n = ::write(pipe_[1], &stop, 1);
    if (thread_.joinable()) thread_.join();
    ::close(pipe_[0]);
    ::close(pipe_[1]);
    g_write_end.store(-1);
}

}  // namespace yishi::app
