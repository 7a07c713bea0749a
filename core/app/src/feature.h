#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

#include "yishi/common/clock.h"
#include "yishi/domain/deadlines.h"
#include "yishi/domain/district_settings.h"
#include "yishi/domain/ports.h"
#include "yishi/http/router.h"

namespace yishi::plugins {
class PluginRegistry;
}

namespace yishi::app {

// What the features are built from. Every reference outlives the features.
// Not thread-safe: features are made one after another at start.
class FeatureContext {
  public:
    FeatureContext(domain::Database& db, const Clock& clock, const Poco::Util::AbstractConfiguration& config,
                   domain::PasswordHasher& hasher, domain::SecretSource& secrets, plugins::PluginRegistry& plugins,
                   domain::DistrictSettings default_settings, Duration utc_offset,
                   std::function<void(const std::string&)> warn)
        : db(db),
          clock(clock),
          config(config),
          hasher(hasher),
          secrets(secrets),
          plugins(plugins),
          default_settings(std::move(default_settings)),
          calendar(this->default_settings.holidays, utc_offset),
          warn(std::move(warn)) {}

    domain::Database& db;
    const Clock& clock;
    // The server's settings (yishi.* keys), for a feature's own options.
    const Poco::Util::AbstractConfiguration& config;
    domain::PasswordHasher& hasher;
    domain::SecretSource& secrets;
    plugins::PluginRegistry& plugins;
    // Every district's default (a district admin may set the district's own).
    const domain::DistrictSettings default_settings;
    // The default holidays in the server's time zone.
    const domain::WorkingCalendar calendar;
    // Writes a warning line to the server log. Thread-safe.
    std::function<void(const std::string&)> warn;
    // The clock behind `clock` when the server runs with --test-clock (it
    // may be moved over HTTP); null otherwise.
    TestClock* test_clock = nullptr;

    // Makes `service` available to the features made after this one.
    template <typename Service>
    void provide(Service& service) {
        services_.emplace_back(std::type_index(typeid(Service)), &service);
    }

    // A service an earlier feature provided. Throws std::logic_error when
    // none did (a feature listed before the one it needs).
    template <typename Service>
    Service& service() const {
        for (const auto& [type, pointer] : services_) {
            if (type == std::type_index(typeid(Service))) return *static_cast<Service*>(pointer);
        }
        throw std::logic_error(std::string("no feature provides ") + typeid(Service).name());
    }

  private:
    std::vector<std::pair<std::type_index, void*>> services_;
};

// One feature of the server (core/features/<name>): its services, its
// routes and any work it does in the background.
class Feature {
  public:
    virtual ~Feature() = default;
    // Adds the feature's routes. Called once, before the server starts.
    virtual void addRoutes(http::Router& router) = 0;
    // Starts background work, once the server serves; the destructor stops it.
    virtual void start() {}
};

// The common shape: one service, provided to later features, and its routes.
template <typename Service>
class ServiceFeature final : public Feature {
  public:
    using AddRoutes = void (*)(http::Router&, Service&);

    template <typename... Args>
    ServiceFeature(FeatureContext& context, AddRoutes add_routes, Args&&... args)
        : service_(std::forward<Args>(args)...), add_routes_(add_routes) {
        context.provide(service_);
    }
    void addRoutes(http::Router& router) override { add_routes_(router, service_); }

  private:
    Service service_;
    AddRoutes add_routes_;
};

template <typename Service, typename... Args>
std::unique_ptr<Feature> serviceFeature(FeatureContext& context, typename ServiceFeature<Service>::AddRoutes add_routes,
                                        Args&&... args) {
    return std::make_unique<ServiceFeature<Service>>(context, add_routes, std::forward<Args>(args)...);
}

}  // namespace yishi::app
