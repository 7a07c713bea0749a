#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>
#include <thread>

#include "support/http_client.h"

// What the notification tests share: reading an inbox and waiting for the
// background processor (it runs on its own thread, so an item appears a
// moment after the change that causes it).
namespace yishi::testing::notify {

// The caller's item about `subject_id` whose detail is `detail`, or null.
inline Poco::JSON::Object::Ptr findItem(HttpClient& c, std::int64_t subject_id, const std::string& detail) {
    HttpResult r = c.get("/api/v1/me/notifications?limit=200");
    if (r.status != 200) return nullptr;
    Poco::JSON::Array::Ptr items = r.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
        if (item->getValue<std::int64_t>("subject_id") == subject_id && item->getValue<std::string>("detail") == detail)
            return item;
    }
    return nullptr;
}

// How many of the caller's items are about `subject_id`.
inline int countItems(HttpClient& c, std::int64_t subject_id) {
    Poco::JSON::Array::Ptr items = c.get("/api/v1/me/notifications?limit=200").json()->getArray("items");
    int n = 0;
    for (std::size_t i = 0; i < items->size(); ++i)
        n += items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("subject_id") == subject_id;
    return n;
}

// How many of the caller's items have this detail.
inline int countDetail(HttpClient& c, const std::string& detail) {
    Poco::JSON::Array::Ptr items = c.get("/api/v1/me/notifications?limit=200").json()->getArray("items");
    int n = 0;
    for (std::size_t i = 0; i < items->size(); ++i)
        n += items->getObject(static_cast<unsigned>(i))->getValue<std::string>("detail") == detail;
    return n;
}

// Asks `probe` until it holds, for up to 30 seconds (a bound, not a timing:
// the processor usually answers within a fraction of a second).
template <typename Probe>
bool eventually(Probe probe) {
    for (int i = 0; i < 600; ++i) {
        if (probe()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

inline Poco::JSON::Object::Ptr waitForItem(HttpClient& c, std::int64_t subject_id, const std::string& detail) {
    Poco::JSON::Object::Ptr found;
    eventually([&] { return (found = findItem(c, subject_id, detail)) != nullptr; });
    return found;
}

inline std::int64_t raise(HttpClient& resident, const std::string& title) {
    HttpResult r = resident.post("/api/v1/communities/1/proposals",
                                 R"({"kind":"problem","title":")" + title + R"(","submit":true})");
    return r.status == 201 ? idOf(r) : 0;
}

inline int act(HttpClient& c, std::int64_t proposal, const std::string& json) {
    return c.post("/api/v1/proposals/" + std::to_string(proposal) + "/actions", json).status;
}

// The server's test clock, as a district admin moves it: its now is the
// system's plus the offset the server reports.
class ServerClock {
  public:
    explicit ServerClock(HttpClient& admin) : admin_(admin) {}
    std::int64_t now() const { return static_cast<std::int64_t>(std::time(nullptr)) + offset_; }
    bool advance(std::int64_t seconds) {
        HttpResult r = admin_.post("/api/v1/test/clock", R"({"advance_seconds": )" + std::to_string(seconds) + "}");
        if (r.status != 200) return false;
        offset_ = r.json()->getValue<std::int64_t>("offset_seconds");
        return true;
    }

  private:
    HttpClient& admin_;
    std::int64_t offset_ = 0;
};

}  // namespace yishi::testing::notify
