// No request can crash the server: a few hundred randomized requests (random
// methods, paths with odd bytes and escapes, content types, bodies that are
// almost JSON) each get a framed HTTP answer, and the server stays healthy.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "support/http_client.h"
#include "support/server_process.h"

using namespace yishi::testing;

namespace {

class Garbage {
  public:
    explicit Garbage(unsigned seed) : rng_(seed) {}

    std::string request() {
        static const std::vector<std::string> methods = {"GET",  "POST",    "DELETE", "PUT", "PATCH",
                                                         "HEAD", "OPTIONS", "BREW",   "get", ""};
        static const std::vector<std::string> paths = {"/api/v1/sessions",
                                                       "/api/v1/communities/1/join",
                                                       "/api/v1/communities/1/members/2/verification",
                                                       "/api/v1/users/1/roles",
                                                       "/api/v1/communities?district=1&limit=",
                                                       "/api/v1/districts/1",
                                                       "/api/v1/me",
                                                       "/api/v1/communities/%zz",
                                                       "/api/v1/communities/%00",
                                                       "/../../etc/passwd",
                                                       "/api/v1/communities/1?cursor=-1",
                                                       "*",
                                                       "/api/v1//communities"};
        static const std::vector<std::string> types = {
            "application/json", "application/json; charset=gbk", "text/plain", "", "application/jsonx", ";;;"};
        std::string body = this->body();
        std::string r = pick(methods) + " " + pick(paths) + noise(3) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
        const std::string type = pick(types);
        if (!type.empty()) r += "Content-Type: " + type + "\r\n";
        if (coin()) r += "Cookie: yishi_session=" + noise(10) + "\r\n";
        if (coin()) r += "Authorization: Bearer " + noise(8) + "\r\n";
        if (coin()) r += "X-CSRF-Token: " + noise(5) + "\r\n";
        r += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        return r;
    }

  private:
    std::string body() {
        static const std::vector<std::string> shapes = {
            "{\"login\":\"admin\",\"password\":\"x\"}",
            "{\"join_code\":null}",
            "{\"decision\":[]}",
            "{\"role\":\"committee\",\"scope\":{\"kind\":\"community\",\"id\":1e400}}",
            "{\"a\":\"\\ud800\"}",
            "\"just a string\"",
            "{\"login\":\"\xff\xfe\",\"password\":\"\xc0\xaf\"}",
            "{\"scope\":{\"kind\":\"street\",\"id\":-9223372036854775808}}",
            "",
            "{}"};
        std::string b = pick(shapes);
        if (coin()) b += noise(4);
        if (coin() && !b.empty()) b.resize(b.size() / 2);
        return b;
    }
    std::string noise(int max) {
        std::uniform_int_distribution<int> len(0, max);
        std::uniform_int_distribution<int> byte(1, 255);
        std::string s;
        for (int n = len(rng_); n > 0; --n) {
            char c = static_cast<char>(byte(rng_));
            if (c == '\r' || c == '\n' || c == ' ') c = '%';
            s += c;
        }
        return s;
    }
    bool coin() { return std::uniform_int_distribution<int>(0, 1)(rng_) == 1; }
    const std::string& pick(const std::vector<std::string>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng_)];
    }

    std::mt19937 rng_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(garbage_requests)

BOOST_AUTO_TEST_CASE(every_request_gets_a_framed_answer_and_the_server_survives) {
    ServerProcess server;
    Garbage garbage(20261123);
    int answered = 0;
    for (int i = 0; i < 300; ++i) {
        const std::string reply = rawExchange(server.port(), garbage.request(), 3000);
        const bool framed = reply.rfind("HTTP/1.1 ", 0) == 0 &&
                            reply.substr(0, reply.find("\r\n\r\n")).find("Content-Length:") != std::string::npos;
        const int status = framed ? std::stoi(reply.substr(9, 3)) : 0;
        BOOST_TEST(framed, "request " << i << " got: " << reply.substr(0, 80));
        BOOST_TEST(status != 500, "request " << i << " got a 500");
        if (framed) ++answered;
    }
    BOOST_TEST(answered == 300);
    BOOST_TEST(HttpClient(server.port()).get("/api/v1/health").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
