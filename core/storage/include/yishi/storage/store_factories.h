#pragma once

#include <functional>
#include <memory>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

namespace yishi::storage {

class Connection;

// How a transaction makes the stores of the features (core/features/*):
// one factory per domain port, registered by the feature's storage part
// (add_<feature>_stores, listed in core/features/feature_list.h) when the
// database opens. The kernel knows no feature store by name.
//
// Not thread-safe to modify: every store is registered before the database
// serves its first read or write; afterwards it is only read.
class StoreFactories {
  public:
    // A store made for one transaction, seen through its port.
    struct AnyStore {
        virtual ~AnyStore() = default;
        virtual void* port() = 0;
    };
    using Factory = std::function<std::unique_ptr<AnyStore>(Connection&)>;

    // Registers `Impl` (constructible from Connection&) as the store of
    // `Port`. Throws std::logic_error when `Port` has a store already.
    template <typename Port, typename Impl>
    void add() {
        addFactory(std::type_index(typeid(Port)),
                   [](Connection& c) -> std::unique_ptr<AnyStore> { return std::make_unique<Held<Port, Impl>>(c); });
    }

    // The factory of `port`, or null.
    const Factory* factory(std::type_index port) const;

  private:
    template <typename Port, typename Impl>
    struct Held final : AnyStore {
        explicit Held(Connection& c) : impl(c) {}
        void* port() override { return static_cast<Port*>(&impl); }
        Impl impl;
    };
    void addFactory(std::type_index port, Factory factory);

    std::vector<std::pair<std::type_index, Factory>> factories_;
};

// Registers the stores of every feature in core/features/feature_list.h.
void addFeatureStores(StoreFactories& factories);

}  // namespace yishi::storage
