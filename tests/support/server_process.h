#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/http_client.h"
#include "support/temp_dir.h"

namespace yishi::testing {

// The real `yishi serve --demo` in a child process, on 127.0.0.1 and a port
// the system picks, with a data directory of its own: a copy of the demo
// district as seeded once per test executable, so no server sees another's
// writes and none pays for hashing the demo passwords. Its standard input is
// a pipe we hold (--stop-on-stdin-eof), so it stops even if the test dies.
// Each object is for one thread; servers may run side by side.
class ServerProcess {
  public:
    explicit ServerProcess(std::vector<std::string> extra_args = {});
    // The same, with the process's descriptors capped at `descriptor_limit`
    // (soft and hard limit both, so the server cannot raise it).
    ServerProcess(std::vector<std::string> extra_args, int descriptor_limit);
    // Kills the server if it still runs (SIGKILL: no graceful stop).
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::uint16_t port() const { return port_; }
    pid_t pid() const { return pid_; }
    const TempDir& dataDir() const { return dir_; }
    std::string stdoutText() const;
    std::string stderrText() const;

    // Sends `signal` and waits up to `timeout_ms` for the exit; returns the
    // exit code, or -1 when it did not exit (it is then killed).
    int stop(int signal, int timeout_ms);

    // Kills the server (SIGKILL: what it committed must survive that) and
    // starts it again on the same data directory, on a new port.
    void restart(const std::vector<std::string>& extra_args = {});

    // Closes our end of the server's standard input.
    void closeStdin();

    // The demo password of `login` (from demo-logins.json).
    std::string password(const std::string& login) const;
    // A client of this server signed in as the demo `login`, as a browser
    // (session cookie and CSRF token); throws when the login is refused.
    HttpClient signedIn(const std::string& login) const;
    // The join code of the community named `name` (from demo-logins.json).
    std::string joinCode(const std::string& name) const;

  private:
    struct Unseeded {};
    // Seeds the demo district in an empty data directory.
    explicit ServerProcess(Unseeded);
    // The data directory every other server starts from a copy of.
    static const std::filesystem::path& demoTemplate();
    void launch(const std::vector<std::string>& extra_args);

    TempDir dir_;
    pid_t pid_ = -1;
    int stdin_fd_ = -1;
    int descriptor_limit_ = 0;  // 0: as this process has them
    std::uint16_t port_ = 0;
};

}  // namespace yishi::testing
