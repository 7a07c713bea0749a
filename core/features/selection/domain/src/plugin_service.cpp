#include "yishi/domain/plugin_service.h"
#include "yishi/domain/money.h"
#include "yishi/domain/selection_changes.h"

#include <set>

namespace yishi::domain {

namespace {

constexpr std::size_t kMaxProjects = 10'000;
constexpr std::size_t kMaxBallots = 500'000;

Status invalid(const std::string& message) { return Status::invalid("selection.invalid", message); }

}  // namespace

Status validateSelectionRequest(const SelectionRequest& request) {
    // With these bounds no sum of costs or votes a rule makes can pass 2^63
    // (10,000 projects of at most 10^12 fen each).
    if (request.budget < 0 || request.budget > kMaxAmountFen) return invalid("budget must be between 0 and 10^12 fen.");
    if (request.projects.size() > kMaxProjects) return invalid("at most 10,000 projects.");
    std::set<std::string> ids;
    for (const auto& p : request.projects) {
        if (p.id.empty() || p.id.size() > 100) return invalid("each project needs an id of 1 to 100 bytes.");
        if (!ids.insert(p.id).second) return invalid("project id " + p.id + " appears twice.");
        if (p.cost < 0 || p.cost > kMaxAmountFen)
            return invalid("project " + p.id + ": cost must be between 0 and 10^12 fen.");
        if (p.votes < 0 || p.votes > kMaxCount)
            return invalid("project " + p.id + ": votes must be between 0 and 10^9.");
    }
    if (request.ballots) {
        if (request.ballots->size() > kMaxBallots) return invalid("at most 500,000 ballots.");
        for (const auto& ballot : *request.ballots)
            for (const auto& id : ballot)
                if (!ids.count(id)) return invalid("a ballot approves unknown project " + id + ".");
    }
    if (request.threshold && (*request.threshold < 0 || *request.threshold > kMaxCount))
        return invalid("threshold must be between 0 and 10^9.");
    if (request.quota_per_community &&
        (*request.quota_per_community < 0 || *request.quota_per_community > static_cast<std::int64_t>(kMaxProjects)))
        return invalid("quota_per_community must be between 0 and 10,000.");
    return Status::ok();
}

PluginService::PluginService(Database& db, DistrictPlugins& plugins, const Clock& clock)
    : db_(db), plugins_(plugins), clock_(clock) {}

Status PluginService::requireDistrict(DistrictId district) {
    return db_.read([&](Stores& stores) -> Status {
        if (!stores.scopes.district(district))
            return Status::notFound("district.not_found",
                                    "No district with id " + std::to_string(district.value) + ".");
        return Status::ok();
    });
}

Result<PluginInfo> PluginService::info(DistrictId district) {
    YISHI_RETURN_IF_ERROR(requireDistrict(district));
    return plugins_.info(district);
}

Result<PluginInfo> PluginService::reload(const Actor& actor, DistrictId district) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(requireDistrict(district));
    if (!actor.isDistrictAdmin(district))
        return Status::forbidden("district.forbidden", "Only an admin of this district may reload its plugins.");
    Result<PluginInfo> reloaded = plugins_.reload(district);
    const Change change{reloaded.isOk() ? changes::kPluginReloaded : changes::kPluginRefused,
                        clock_.now(),
                        actor.userId(),
                        district.value,
                        CommunityId(),
                        reloaded.isOk() ? reloaded->name + " " + reloaded->version + " " + reloaded->hash
                                        : reloaded.status().message().substr(0, 1000)};
    YISHI_RETURN_IF_ERROR(db_.write([&](Stores& stores) -> Status {
        stores.record(change);
        return Status::ok();
    }));
    return reloaded;
}

Result<SelectionOutcome> PluginService::preview(const Actor& actor, DistrictId district,
                                                const SelectionRequest& request) {
    YISHI_RETURN_IF_ERROR(actor.requireSignedIn());
    YISHI_RETURN_IF_ERROR(requireDistrict(district));
    if (!actor.isDistrictAdmin(district) && !actor.isObserver(district))
        return Status::forbidden("district.forbidden", "Only admins and observers of this district may try its rules.");
    YISHI_RETURN_IF_ERROR(validateSelectionRequest(request));
    return plugins_.select(district, request);
}

}  // namespace yishi::domain
