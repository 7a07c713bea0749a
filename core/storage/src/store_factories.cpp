#include "yishi/storage/store_factories.h"

#include <stdexcept>
#include <string>

#include "sqlite_stores.h"

namespace yishi::storage {

void StoreFactories::addFactory(std::type_index port, Factory factory) {
    if (this->factory(port)) {
        throw std::logic_error(std::string("two stores registered for the port ") + port.name());
    }
    factories_.emplace_back(port, std::move(factory));
}

const StoreFactories::Factory* StoreFactories::factory(std::type_index port) const {
    for (const auto& [type, factory] : factories_) {
        if (type == port) return &factory;
    }
    return nullptr;
}

void* SqliteStores::find(std::type_index port) {
    for (auto& [type, store] : made_) {
        if (type == port) return store->port();
    }
    const StoreFactories::Factory* factory = factories_.factory(port);
    if (!factory) throw std::logic_error(std::string("no feature registered a store for ") + port.name());
    made_.emplace_back(port, (*factory)(connection_));
    return made_.back().second->port();
}

// Each feature with a store of its own defines add_<name>_stores in its
// storage/ folder.
#define YISHI_FEATURE(name)
#define YISHI_FEATURE_WITH_STORE(name) void add_##name##_stores(StoreFactories& factories);
#include "feature_list.h"
#undef YISHI_FEATURE
#undef YISHI_FEATURE_WITH_STORE

void addFeatureStores(StoreFactories& factories) {
#define YISHI_FEATURE(name)
#define YISHI_FEATURE_WITH_STORE(name) add_##name##_stores(factories);
#include "feature_list.h"
#undef YISHI_FEATURE
#undef YISHI_FEATURE_WITH_STORE
}

}  // namespace yishi::storage
