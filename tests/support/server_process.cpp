#include "support/server_process.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace yishi::testing {

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

ServerProcess::ServerProcess(std::vector<std::string> extra_args) : ServerProcess(std::move(extra_args), 0) {}

ServerProcess::ServerProcess(std::vector<std::string> extra_args, int descriptor_limit)
    : descriptor_limit_(descriptor_limit) {
    for (const auto& entry : std::filesystem::directory_iterator(demoTemplate())) {
        const std::string name = entry.path().filename().string();
        if (name == "stdout.txt" || name == "stderr.txt" || name == "yishi.db-shm") continue;
        std::filesystem::copy_file(entry.path(), dir_.path() / name);
    }
    launch(extra_args);
}

ServerProcess::ServerProcess(Unseeded) { launch({}); }

const std::filesystem::path& ServerProcess::demoTemplate() {
    // Killed, not stopped: a SIGTERM just after "listening" may find the
    // server not yet waiting for it and end it all the same, so a clean stop
    // cannot be had without a race. The seeding was committed before the
    // server listened: the database and its write-ahead log are whole.
    static ServerProcess seeder{Unseeded{}};
    static const int exit_code = seeder.stop(SIGKILL, 10'000);
    if (exit_code != 128 + SIGKILL)
        throw std::runtime_error("the demo seeding server ended with " + std::to_string(exit_code) + ": " +
                                 seeder.stdoutText() + seeder.stderrText());
    return seeder.dataDir().path();
}

void ServerProcess::launch(const std::vector<std::string>& extra_args) {
    std::vector<std::string> args = {
        YISHI_BINARY, "serve", "--demo", "--port", "0", "--data-dir", dir_.path().string(), "--stop-on-stdin-eof"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    // The API alone unless the test names a web UI: the build tree's www/
    // may or may not exist, and no test should depend on which.
    if (std::find(extra_args.begin(), extra_args.end(), "--www-dir") == extra_args.end()) {
        args.insert(args.end(), {"--www-dir", (dir_.path() / "no-www").string()});
    }
    int in_pipe[2];
    if (pipe(in_pipe) != 0) throw std::runtime_error("pipe failed");
    const std::string out_path = dir_.file("stdout.txt");
    const std::string err_path = dir_.file("stderr.txt");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(in_pipe[0], 0);
        close(in_pipe[1]);
        int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(err, 2);
        if (descriptor_limit_ > 0) {
            const rlimit limit{static_cast<rlim_t>(descriptor_limit_), static_cast<rlim_t>(descriptor_limit_)};
            if (setrlimit(RLIMIT_NOFILE, &limit) != 0) _exit(126);
        }
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(in_pipe[0]);
    stdin_fd_ = in_pipe[1];

    const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        std::smatch m;
        const std::string out = readFile(out_path);
        if (std::regex_search(out, m, listening)) {
            port_ = static_cast<std::uint16_t>(std::stoi(m[1].str()));
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("yishi serve exited early: " + readFile(err_path) + out);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw std::runtime_error("yishi serve did not start in 30 s");
}

// Tests that care how the server stops say so with stop(); the others only
// need it gone, and a graceful stop would cost them a quarter of a second.
ServerProcess::~ServerProcess() { stop(SIGKILL, 10'000); }

std::string ServerProcess::stdoutText() const { return readFile(dir_.file("stdout.txt")); }
std::string ServerProcess::stderrText() const { return readFile(dir_.file("stderr.txt")); }

int ServerProcess::stop(int signal, int timeout_ms) {
    if (pid_ <= 0) return -1;
    if (signal != 0) kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            if (stdin_fd_ >= 0) close(stdin_fd_);
            stdin_fd_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (stdin_fd_ >= 0) close(stdin_fd_);
    stdin_fd_ = -1;
    return -1;
}

void ServerProcess::restart(const std::vector<std::string>& extra_args) {
    stop(SIGKILL, 10'000);
    // launch() waits for "listening on" in stdout.txt: not the old server's.
    std::filesystem::remove(dir_.file("stdout.txt"));
    launch(extra_args);
}

void ServerProcess::closeStdin() {
    if (stdin_fd_ >= 0) close(stdin_fd_);
    stdin_fd_ = -1;
}

HttpClient ServerProcess::signedIn(const std::string& login) const {
    HttpClient client(port());
    const HttpResult r = client.loginBrowser(login, password(login));
    if (r.status != 201) throw std::runtime_error("demo login " + login + " refused: " + std::to_string(r.status));
    return client;
}

std::string ServerProcess::password(const std::string& login) const {
    Poco::JSON::Object::Ptr root =
        Poco::JSON::Parser().parse(readFile(dir_.file("demo-logins.json"))).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Array::Ptr logins = root->getArray("logins");
    for (std::size_t i = 0; i < logins->size(); ++i) {
        Poco::JSON::Object::Ptr l = logins->getObject(static_cast<unsigned>(i));
        if (l->getValue<std::string>("login") == login) return l->getValue<std::string>("password");
    }
    throw std::runtime_error("no demo login " + login);
}

std::string ServerProcess::joinCode(const std::string& name) const {
    Poco::JSON::Object::Ptr root =
        Poco::JSON::Parser().parse(readFile(dir_.file("demo-logins.json"))).extract<Poco::JSON::Object::Ptr>();
    return root->getObject("join_codes")->getValue<std::string>(name);
}

}  // namespace yishi::testing
