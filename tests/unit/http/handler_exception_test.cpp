// A real HttpServer in this process whose health check throws: the client
// gets a JSON 500 carrying the request id, and the server keeps serving.
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <sodium.h>

#include <sstream>
#include <stdexcept>

#include "crypto_ports.h"
#include "support/temp_dir.h"
#include "yishi/domain/auth_service.h"
#include "yishi/http/server.h"
#include "yishi/storage/sqlite_database.h"

using namespace yishi;

BOOST_AUTO_TEST_SUITE(handler_exception)

BOOST_AUTO_TEST_CASE(an_exception_in_a_handler_is_a_logged_500_with_the_request_id) {
    testing::TempDir dir;
    auto db = std::move(storage::SqliteDatabase::open(dir.file("h.db"), {}).value());
    SystemClock clock;
    app::CryptoPasswordHasher hasher({crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, 1});
    app::CryptoSecretSource secrets;
    domain::AuthService auth(*db, hasher, secrets, clock, {});
    http::ServerOptions options;
    options.port = 0;
    // No feature routes: the server's own health route is enough here.
    http::HttpServer server({auth, []() -> Status { throw std::runtime_error("boom"); }}, http::Router(), options);
    BOOST_REQUIRE(server.start().isOk());

    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    Poco::Net::HTTPRequest request("GET", "/api/v1/health", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::stringstream body;
    body << in.rdbuf();
    BOOST_TEST(response.getStatus() == 500);
    BOOST_TEST(response.hasContentLength());
    Poco::JSON::Object::Ptr json = Poco::JSON::Parser().parse(body.str()).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Object::Ptr error = json->getObject("error");
    BOOST_TEST(error->getValue<std::string>("code") == "server.error");
    BOOST_TEST(error->getValue<std::string>("request_id") == response.get("X-Request-Id"));
    BOOST_TEST(body.str().find("boom") == std::string::npos);  // internals stay in the log

    Poco::Net::HTTPRequest again("GET", "/api/v1/communities/1", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(again);
    std::istream& in2 = session.receiveResponse(response);
    std::stringstream body2;
    body2 << in2.rdbuf();
    BOOST_TEST(response.getStatus() == 404);
    server.stop();
}

BOOST_AUTO_TEST_SUITE_END()
