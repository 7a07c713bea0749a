#include "yishi/plugins/plugin_registry.h"

#include "yishi/common/json.h"
#include "yishi/common/utf8.h"
#include "yishi/plugins/plugin_cases.h"
#include "yishi/plugins/selection.h"

namespace yishi::plugins {

namespace {

domain::PluginInfo infoOf(const PluginBundle& bundle, bool district_specific) {
    domain::PluginInfo info{bundle.name, bundle.version, bundle.api, bundle.hash, district_specific, {}};
    for (const auto& [name, hook] : bundle.hooks) info.hooks.push_back(name);
    return info;
}

Status refused(const std::string& message) { return Status::invalid("plugin.refused", message); }

std::string identityOf(const PluginBundle& bundle) { return bundle.name + " " + bundle.version + " " + bundle.hash; }

}  // namespace

Value selectionInput(const domain::SelectionRequest& request) {
    Value::Array projects;
    for (const auto& p : request.projects) {
        Value::Object project{{"id", p.id}, {"cost", p.cost}, {"votes", p.votes}};
        if (p.community) project.emplace("community", *p.community);
        projects.emplace_back(std::move(project));
    }
    Value::Object settings;
    if (!request.rule.empty()) settings.emplace("rule", request.rule);
    if (request.threshold) settings.emplace("threshold", *request.threshold);
    if (request.quota_per_community) settings.emplace("quota_per_community", *request.quota_per_community);
    Value::Object input{
        {"budget", request.budget}, {"projects", std::move(projects)}, {"settings", std::move(settings)}};
    if (request.ballots) {
        Value::Array ballots;
        ballots.reserve(request.ballots->size());
        for (const auto& ballot : *request.ballots) ballots.emplace_back(Value::Array(ballot.begin(), ballot.end()));
        input.emplace("ballots", std::move(ballots));
    }
    return Value(std::move(input));
}

domain::SelectionOutcome selectionOutcome(const Value& checked, const domain::PluginInfo& plugin) {
    domain::SelectionOutcome outcome;
    for (const auto& id : checked.find("selected")->asArray()) outcome.selected.push_back(id.asString());
    if (const Value* rule = checked.find("rule")) outcome.rule = rule->asString();
    if (const Value* notes = checked.find("notes")) outcome.notes = notes->asString();
    outcome.plugin = plugin;
    return outcome;
}

Value eventInput(const domain::PointsEvent& pe) {
    const domain::DomainEvent& e = pe.event;
    auto id = [](std::int64_t v) { return v > 0 ? Value(v) : Value(); };
    Value::Object today;
    for (const auto& [user, rules] : pe.awarded_today) {
        Value::Object by_rule;
        for (const auto& [rule, points] : rules) by_rule.emplace(rule, points);
        today.emplace(std::to_string(user), std::move(by_rule));
    }
    return Value(Value::Object{{"id", e.id},
                               {"awarded_today", std::move(today)},
                               {"type", e.type},
                               {"at", e.occurred_at.micros()},
                               {"actor", id(e.actor.value)},
                               {"owner", id(e.subject_owner.value)},
                               {"community", id(e.community.value)},
                               {"subject_kind", e.subject_kind},
                               {"subject_id", e.subject_id},
                               {"quantity", e.quantity}});
}

Result<std::vector<domain::Award>> awardsFrom(const Value& output) {
    auto bad = [](const std::string& message) { return Status::invalid("plugin.bad_result", message); };
    if (!output.isArray()) return bad("on_event must return a list of awards {user, points, rule, reason}");
    std::vector<domain::Award> awards;
    for (const Value& a : output.asArray()) {
        const Value* user = a.find("user");
        const Value* points = a.find("points");
        const Value* rule = a.find("rule");
        const Value* reason = a.find("reason");
        const Value* cap = a.find("daily_cap");
        if (!user || !user->isInt()) return bad("an award needs 'user', a user id");
        if (!points || !points->isInt()) return bad("an award needs 'points', an integer");
        if (!rule || !rule->isString()) return bad("an award needs 'rule', a string");
        if (reason && !reason->isString()) return bad("an award's 'reason' must be a string");
        if (cap && !cap->isInt()) return bad("an award's 'daily_cap' must be an integer");
        domain::Award award;
        award.user = UserId(user->asInt());
        award.points = points->asInt();
        award.rule = rule->asString();
        award.reason = reason ? reason->asString() : rule->asString();
        if (cap) award.daily_cap = cap->asInt();
        awards.push_back(std::move(award));
    }
    return awards;
}

PluginRegistry::PluginRegistry(std::filesystem::path root, domain::ContentHasher& hasher, WorkerPool& pool, Logger log)
    : root_(std::move(root)), hasher_(hasher), pool_(pool), log_(std::move(log)) {}

std::filesystem::path PluginRegistry::directoryFor(DistrictId district, bool& district_specific) const {
    const auto own = root_ / std::to_string(district.value);
    district_specific = std::filesystem::exists(own / "manifest.json");
    return district_specific ? own : root_ / "default";
}

Result<PluginRegistry::Loaded> PluginRegistry::loadAside(DistrictId district) {
    bool district_specific = false;
    const auto directory = directoryFor(district, district_specific);
    auto bundle = loadPluginDirectory(directory, hasher_);
    if (!bundle.isOk()) return refused(bundle.status().message());
    Status loads = checkBundleLoads(pool_, *bundle);
    if (!loads.isOk()) return refused(loads.message());
    for (const auto& outcome : runPluginCases(pool_, *bundle, directory))
        if (!outcome.passed)
            return refused("its test case " + outcome.name + " fails: expected " + outcome.expected + ", got " +
                           outcome.got);
    return Loaded{std::make_shared<const PluginBundle>(std::move(bundle).value()), district_specific};
}

Result<PluginRegistry::Loaded> PluginRegistry::current(DistrictId district) {
    {
        MutexLock lock(mutex_);
        auto it = loaded_.find(district.value);
        if (it != loaded_.end()) return it->second;
    }
    // First use: load without the test cases' cost on the request path;
    // the files must still load.
    bool district_specific = false;
    auto bundle = loadPluginDirectory(directoryFor(district, district_specific), hasher_);
    if (!bundle.isOk()) return Status::unavailable("plugin.unavailable", bundle.status().message());
    Loaded loaded{std::make_shared<const PluginBundle>(std::move(bundle).value()), district_specific};
    MutexLock lock(mutex_);
    return loaded_.emplace(district.value, std::move(loaded)).first->second;
}

Result<domain::PluginInfo> PluginRegistry::info(DistrictId district) {
    YISHI_ASSIGN_OR_RETURN(Loaded loaded, current(district));
    return infoOf(*loaded.bundle, loaded.district_specific);
}

Result<domain::PluginInfo> PluginRegistry::reload(DistrictId district) {
    auto loaded = loadAside(district);
    if (!loaded.isOk()) {
        log_("plugin reload refused for district " + std::to_string(district.value) + ": " + loaded.status().message());
        return loaded.status();
    }
    domain::PluginInfo info = infoOf(*loaded->bundle, loaded->district_specific);
    {
        MutexLock lock(mutex_);
        loaded_[district.value] = std::move(loaded).value();
    }
    log_("plugin reloaded for district " + std::to_string(district.value) + ": " + info.name + " " + info.version +
         " " + info.hash);
    return info;
}

domain::RuleAwards PluginRegistry::awardsFor(DistrictId district, const std::vector<domain::PointsEvent>& events) {
    auto loaded = current(district);
    if (!loaded.isOk()) {
        domain::RuleAwards awarded;
        awarded.results.assign(events.size(), loaded.status());
        return awarded;
    }
    return runOnEvent(district, *loaded->bundle, events);
}

domain::RuleAwards PluginRegistry::awardsWith(const domain::RuleVersion& version,
                                              const std::vector<domain::PointsEvent>& events) {
    auto bundle = [&]() -> Result<PluginBundle> {
        YISHI_ASSIGN_OR_RETURN(Value value, parseJson(version.source));
        return PluginBundle::fromValue(value);
    }();
    if (!bundle.isOk()) {
        domain::RuleAwards awarded;
        awarded.identity = version.identity;
        awarded.version = version;
        awarded.results.assign(events.size(), Status::unavailable("plugin.version_unavailable",
                                                                  "the kept version " + version.identity +
                                                                      " does not load: " + bundle.status().message()));
        return awarded;
    }
    return runOnEvent(DistrictId(), *bundle, events);
}

domain::RuleAwards PluginRegistry::runOnEvent(DistrictId district, const PluginBundle& bundle,
                                              const std::vector<domain::PointsEvent>& events) {
    domain::RuleAwards awarded;
    auto& out = awarded.results;
    awarded.identity = identityOf(bundle);
    awarded.version = {bundle.hash, awarded.identity, toJson(bundle.toValue())};
    if (!bundle.hook("on_event")) {
        out.assign(events.size(), std::vector<domain::Award>{});
        return awarded;
    }
    std::vector<Value> inputs;
    inputs.reserve(events.size());
    for (const auto& e : events) inputs.push_back(eventInput(e));
    auto results = pool_.call(bundle, "on_event", inputs);
    for (std::size_t i = 0; i < results.size(); ++i) {
        logPluginLines(district, bundle, results[i].log);
        if (!results[i].ok) {
            Status failed = faultStatus(bundle, "on_event", results[i].fault);
            log_("plugin failure in district " + std::to_string(district.value) + " on event " +
                 std::to_string(events[i].event.id) + ": " + failed.toString());
            out.push_back(failed);
            continue;
        }
        auto awards = awardsFrom(results[i].value);
        if (!awards.isOk()) {
            out.push_back(faultStatus(bundle, "on_event", {"plugin.bad_result", "", awards.status().message()}));
            continue;
        }
        out.push_back(std::move(awards).value());
    }
    return awarded;
}

void PluginRegistry::logPluginLines(DistrictId district, const PluginBundle& bundle,
                                    const std::vector<std::string>& lines) {
    // The server's log is shared: a plugin gets a few short lines per call
    // there, however much it wrote.
    constexpr std::size_t kLoggedLines = 20;
    constexpr std::size_t kLoggedLineBytes = 512;
    const std::string who =
        "plugin " + bundle.name + " " + bundle.version + " (district " + std::to_string(district.value) + "): ";
    for (std::size_t i = 0; i < lines.size() && i < kLoggedLines; ++i)
        log_(who + utf8Excerpt(lines[i], kLoggedLineBytes));
    if (lines.size() > kLoggedLines) log_(who + std::to_string(lines.size() - kLoggedLines) + " more lines not logged");
}

std::string PluginRegistry::identity(DistrictId district) {
    auto loaded = current(district);
    if (!loaded.isOk()) return "";
    return identityOf(*loaded->bundle);
}

void PluginRegistry::reloadAll() {
    std::vector<std::int64_t> districts;
    {
        MutexLock lock(mutex_);
        for (const auto& [district, loaded] : loaded_) districts.push_back(district);
    }
    for (std::int64_t district : districts) (void)reload(DistrictId(district));
}

Result<domain::SelectionOutcome> PluginRegistry::select(DistrictId district, const domain::SelectionRequest& request) {
    YISHI_ASSIGN_OR_RETURN(Loaded loaded, current(district));
    std::vector<std::string> lines;
    auto checked = runSelection(pool_, *loaded.bundle, selectionInput(request), &lines);
    logPluginLines(district, *loaded.bundle, lines);
    if (!checked.isOk()) {
        log_("plugin failure in district " + std::to_string(district.value) + ": " + checked.status().toString());
        return checked.status();
    }
    return selectionOutcome(*checked, infoOf(*loaded.bundle, loaded.district_specific));
}

}  // namespace yishi::plugins
