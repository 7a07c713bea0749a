#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace yishi::testing;

namespace {

const std::string kIndex = "<!doctype html><title>yishi</title><script src=\"/assets/app-7QK2MZ9P.js\"></script>";
const std::string kScript = "console.log('yishi');";
// Not real gzip: the server sends the build's bytes as they are.
const std::string kScriptGz = std::string("\x1f\x8b\x08\x00pretend-gzip", 16);
const std::string kSecret = "root:x:0:0:TOP-SECRET";

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// A www directory with an index, a hashed script and its .gz, a hidden file,
// and two links that lead out of it (to a file and to a directory).
struct WebUi {
    TempDir outside;
    TempDir www;
    ServerProcess server;

    static std::vector<std::string> args(const TempDir& www, const TempDir& outside) {
        write(outside.path() / "secret.txt", kSecret);
        write(www.path() / "index.html", kIndex);
        write(www.path() / "assets" / "app-7QK2MZ9P.js", kScript);
        write(www.path() / "assets" / "app-7QK2MZ9P.js.gz", kScriptGz);
        write(www.path() / "favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write(www.path() / ".env", kSecret);
        std::filesystem::create_symlink(outside.path() / "secret.txt", www.path() / "leak.txt");
        std::filesystem::create_directory_symlink(outside.path(), www.path() / "outside");
        return {"--www-dir", www.path().string()};
    }
    WebUi() : server(args(www, outside)) {}
};

WebUi& webUi() {
    static WebUi ui;
    return ui;
}

int statusOf(const std::string& reply) { return reply.size() < 12 ? 0 : std::stoi(reply.substr(9, 3)); }

std::string rawGet(const std::string& target) {
    return rawExchange(webUi().server.port(),
                       "GET " + target + " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_ui)

BOOST_AUTO_TEST_CASE(files_have_their_content_types_and_cache_rules) {
    HttpClient c(webUi().server.port());
    HttpResult index = c.get("/");
    BOOST_TEST(index.status == 200);
    BOOST_TEST(index.body == kIndex);
    BOOST_TEST(index.headers["Content-Type"] == "text/html; charset=utf-8");
    BOOST_TEST(index.headers["Cache-Control"] == "no-cache");
    BOOST_TEST(index.headers["Content-Security-Policy"].find("default-src 'self'") != std::string::npos);
    BOOST_TEST(!index.headers["ETag"].empty());
    BOOST_TEST(c.get("/index.html").body == kIndex);

    HttpResult script = c.get("/assets/app-7QK2MZ9P.js");
    BOOST_TEST(script.status == 200);
    BOOST_TEST(script.body == kScript);
    BOOST_TEST(script.headers["Content-Type"] == "text/javascript; charset=utf-8");
    BOOST_TEST(script.headers["Cache-Control"] == "public, max-age=31536000, immutable");
    BOOST_TEST(script.has_content_length);

    HttpResult icon = c.get("/favicon.svg");
    BOOST_TEST(icon.headers["Content-Type"] == "image/svg+xml");
    BOOST_TEST(icon.headers["Cache-Control"] == "no-cache");

    // The API keeps its own rules beside the files.
    HttpResult health = c.get("/api/v1/health");
    BOOST_TEST(health.status == 200);
    BOOST_TEST(health.headers["Cache-Control"] == "no-store");
    BOOST_TEST(health.headers["Content-Type"] == "application/json; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(a_known_etag_gets_304_without_a_body) {
    HttpClient c(webUi().server.port());
    const std::string etag = c.get("/").headers["ETag"];
    HttpResult again = c.send("GET", "/", "", "", {{"If-None-Match", etag}});
    BOOST_TEST(again.status == 304);
    BOOST_TEST(again.body.empty());
    BOOST_TEST(again.headers["ETag"] == etag);
    BOOST_TEST(c.send("GET", "/", "", "", {{"If-None-Match", "\"other\", " + etag}}).status == 304);
    BOOST_TEST(c.send("GET", "/", "", "", {{"If-None-Match", "\"other\""}}).status == 200);
    // A deep link is index.html, with its tag.
    BOOST_TEST(c.send("GET", "/c/1", "", "", {{"If-None-Match", etag}}).status == 304);
}

BOOST_AUTO_TEST_CASE(precompressed_gzip_goes_to_clients_that_accept_it) {
    HttpClient c(webUi().server.port());
    HttpResult gz = c.send("GET", "/assets/app-7QK2MZ9P.js", "", "", {{"Accept-Encoding", "br, gzip"}});
    BOOST_TEST(gz.status == 200);
    BOOST_TEST(gz.body == kScriptGz);
    BOOST_TEST(gz.headers["Content-Encoding"] == "gzip");
    BOOST_TEST(gz.headers["Vary"] == "Accept-Encoding");
    BOOST_TEST(gz.headers["Content-Type"] == "text/javascript; charset=utf-8");

    HttpResult plain = c.get("/assets/app-7QK2MZ9P.js");
    BOOST_TEST(plain.body == kScript);
    BOOST_TEST(plain.headers.count("Content-Encoding") == 0);
    BOOST_TEST(plain.headers["Vary"] == "Accept-Encoding");
    BOOST_TEST(plain.headers["ETag"] != gz.headers["ETag"]);

    HttpResult refused = c.send("GET", "/assets/app-7QK2MZ9P.js", "", "", {{"Accept-Encoding", "gzip;q=0"}});
    BOOST_TEST(refused.body == kScript);
    // The .gz is never a page of its own.
    BOOST_TEST(c.get("/assets/app-7QK2MZ9P.js.gz").status == 404);
}

BOOST_AUTO_TEST_CASE(no_path_leads_out_of_the_www_directory) {
    const std::string targets[] = {
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2Fsecret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/assets/%2e%2e/index.html",
        "//etc/passwd",
        "/etc/passwd",
        "/leak.txt",
        "/outside/secret.txt",
        "/.env",
        "/assets%5c..%5c..%5csecret.txt",
        "/index.html%00.js",
        "http://x/../secret.txt",
    };
    for (const std::string& target : targets) {
        BOOST_TEST_CONTEXT(target) {
            const std::string reply = rawGet(target);
            BOOST_TEST(statusOf(reply) != 0);
            BOOST_TEST(reply.find("TOP-SECRET") == std::string::npos);
            BOOST_TEST(reply.find("root:") == std::string::npos);
            // What is answered at all is the app (a deep link) or a JSON 404.
            BOOST_TEST((statusOf(reply) == 404 || reply.find(kIndex) != std::string::npos));
        }
    }
    BOOST_TEST(statusOf(rawGet("/leak.txt")) == 404);
    BOOST_TEST(statusOf(rawGet("/%2e%2e/%2e%2e/etc/passwd")) == 404);
}

BOOST_AUTO_TEST_CASE(deep_links_load_the_app_and_api_paths_stay_json) {
    HttpClient c(webUi().server.port());
    for (const std::string path : {"/c/1", "/c/1/topics/7", "/login", "/queue/", "/topics/%E8%AE%AE%E9%A2%98"}) {
        BOOST_TEST_CONTEXT(path) {
            HttpResult r = c.get(path);
            BOOST_TEST(r.status == 200);
            BOOST_TEST(r.body == kIndex);
            BOOST_TEST(r.headers["Content-Type"] == "text/html; charset=utf-8");
        }
    }
    HttpResult missing_file = c.get("/assets/app-GONE0000.js");
    BOOST_TEST(missing_file.status == 404);
    BOOST_TEST(missing_file.errorCode() == "page.not_found");

    HttpResult api = c.get("/api/v1/no-such-thing");
    BOOST_TEST(api.status == 404);
    BOOST_TEST(api.errorCode() == "route.not_found");
    BOOST_TEST(c.get("/api").errorCode() == "route.not_found");

    HttpResult post = c.post("/c/1", "{}");
    BOOST_TEST(post.status == 405);
    BOOST_TEST(post.headers["Allow"] == "GET, HEAD");

    HttpResult head = c.send("HEAD", "/c/1", "");
    BOOST_TEST(head.status == 200);
    BOOST_TEST(head.body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
