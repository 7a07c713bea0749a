// A request the database fails (busy, or a disk error) is a 503 with a JSON
// error whose code is stable and whose message is ours, not SQLite's.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <sodium.h>

#include <algorithm>
#include <sstream>

#include "crypto_ports.h"
#include "support/faulty_database.h"
#include "support/temp_dir.h"
#include "yishi/domain/auth_service.h"
#include "yishi/http/server.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;
using yishi::testing::FaultyDatabase;

namespace {

struct Answer {
    int status = 0;
    std::string content_type;
    std::string request_id;
    std::string body;
};

Answer get(int port, const std::string& path) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::stringstream body;
    body << in.rdbuf();
    return {static_cast<int>(response.getStatus()), response.getContentType(), response.get("X-Request-Id", ""),
            body.str()};
}

bool isStableCode(const std::string& code) {
    return !code.empty() &&
           std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '.' || c == '_'; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(storage_fault)

BOOST_AUTO_TEST_CASE(a_busy_or_failing_database_is_a_503_with_a_stable_code) {
    testing::TempDir dir;
    auto db = std::move(storage::SqliteDatabase::open(dir.file("h.db"), {}).value());
    FaultyDatabase faulty(*db);
    SystemClock clock;
    app::CryptoPasswordHasher hasher({crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, 1});
    app::CryptoSecretSource secrets;
    domain::AuthService auth(*db, hasher, secrets, clock, {});
    http::ServerOptions options;
    options.port = 0;
    // The health check reads through the faulty database: the whole way from
    // a SQLite error to the HTTP answer, without a feature's routes.
    auto health = [&faulty]() {
        return faulty.read([](domain::Stores& s) {
            s.audit.forCommunity(CommunityId(1), "", 1);
            return Status::ok();
        });
    };
    http::HttpServer server({auth, health}, http::Router(), options);
    BOOST_REQUIRE(server.start().isOk());

    BOOST_TEST(get(server.port(), "/api/v1/health").status == 200);  // the check can pass

    for (const auto& [fault, code] : {std::pair{FaultyDatabase::Fault::kBusy, "storage.busy"},
                                      std::pair{FaultyDatabase::Fault::kIoError, "storage.io_error"}}) {
        BOOST_TEST_CONTEXT(code) {
            faulty.arm(1, fault);
            const Answer a = get(server.port(), "/api/v1/health");
            BOOST_TEST(faulty.fired());
            BOOST_TEST(a.status == 503);
            BOOST_TEST(a.content_type.find("application/json") == 0u, a.content_type);
            Poco::JSON::Object::Ptr json = Poco::JSON::Parser().parse(a.body).extract<Poco::JSON::Object::Ptr>();
            Poco::JSON::Object::Ptr error = json->getObject("error");
            BOOST_REQUIRE(error);
            BOOST_TEST(error->getValue<std::string>("code") == code);
            BOOST_TEST(isStableCode(error->getValue<std::string>("code")));
            BOOST_TEST(!error->getValue<std::string>("message").empty());
            BOOST_TEST(error->getValue<std::string>("request_id") == a.request_id);
            // SQLite's own words stay in the log.
            BOOST_TEST(a.body.find("injected") == std::string::npos, a.body);
        }
    }
    faulty.disarm();
    BOOST_TEST(get(server.port(), "/api/v1/health").status == 200);
    server.stop();
}

BOOST_AUTO_TEST_SUITE_END()
