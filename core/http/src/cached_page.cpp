#include <algorithm>

#include "json_io.h"
#include "request_processor.h"

// The page cache's side of a request (docs/architecture.md, "The page
// cache"). Whom a rendering is for:
//   - anyone: what an anonymous caller gets; signed-in callers get the same
//     bytes unless the page's CacheFacts single them out;
//   - the managers of the page's community (CacheFacts::managers_of);
//   - one person (CacheFacts::personal, or every signed-in caller when the
//     facts do not say the page is shared), kept also while their account
//     is unchanged.
// The anyone rendering is always made first: its facts say who differs.

namespace yishi::http {

namespace {

// The caller as anyone, for the length of one rendering.
class AsAnyone {
  public:
    explicit AsAnyone(ApiCall& call) : call_(call), actor_(std::move(call.actor)), session_(std::move(call.session)) {
        call_.actor = domain::Actor::anonymous();
        call_.session.reset();
    }
    ~AsAnyone() {
        call_.actor = std::move(actor_);
        call_.session = std::move(session_);
    }
    AsAnyone(const AsAnyone&) = delete;
    AsAnyone& operator=(const AsAnyone&) = delete;

  private:
    ApiCall& call_;
    domain::Actor actor_;
    std::optional<domain::Session> session_;
};

// Whose rendering `actor` gets of a page with these facts: "" for anyone's,
// "m<community>" for the managers', "u<user>" for their own.
std::string audienceOf(const CacheFacts& facts, const domain::Actor& actor) {
    if (!actor.isAuthenticated()) return "";
    if (facts.managers_of && actor.canManage(*facts.managers_of)) return "m" + std::to_string(facts.community.value);
    const UserId me = actor.userId();
    if (!facts.shared || std::binary_search(facts.personal.begin(), facts.personal.end(), me)) {
        return "u" + std::to_string(me.value);
    }
    return "";
}

ApiResponse served(const PublicCache::Found& found, bool hit) {
    ApiResponse out;
    out.shared = found.rendering;
    out.headers.emplace_back("X-Cache", hit ? "hit" : "miss");
    return out;
}

// Whether `out` may be kept: a plain 200 of the API's JSON.
bool keepable(const ApiResponse& out) {
    return out.status == 200 && out.headers.empty() && !out.stream && !out.shared && out.content_type.empty();
}

}  // namespace

ApiResponse RequestProcessor::cachedPage(const Router::Route& route, const HttpRequest& request, ApiCall& call) {
    const domain::DataVersions& versions = *core_.versions;
    // Stored facts are rendered in the reader's language.
    const std::string key = request.getURI() + " " + languageTag(call.language);
    PublicCache::Found anyone = cache_.find(key, versions);
    bool hit = static_cast<bool>(anyone);
    if (!anyone) {
        const std::uint64_t read_at = versions.sequence();  // before the data is read
        ApiResponse out;
        {
            AsAnyone as_anyone(call);
            out = route.handler(call);
        }
        if (!keepable(out)) {
            // Not a page anyone may see (a draft's, a 404): the caller's own,
            // made each time.
            return call.actor.isAuthenticated() ? route.handler(call) : out;
        }
        anyone = cache_.store(key, read_at, out.cache.value_or(CacheFacts{}), UserId(), std::move(out.body), versions);
    }
    const std::string audience = audienceOf(*anyone.facts, call.actor);
    if (audience.empty()) return served(anyone, hit);

    const std::string own_key = key + "\n" + audience;
    if (PublicCache::Found own = cache_.find(own_key, versions)) return served(own, true);
    const std::uint64_t read_at = versions.sequence();
    ApiResponse out = route.handler(call);
    if (!keepable(out)) return out;
    const UserId account = audience[0] == 'u' ? call.actor.userId() : UserId();
    return served(
        cache_.store(own_key, read_at, out.cache.value_or(CacheFacts{}), account, std::move(out.body), versions),
        false);
}

}  // namespace yishi::http
