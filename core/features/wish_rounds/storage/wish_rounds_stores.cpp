#include "sqlite_wish_round_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_wish_rounds_stores(StoreFactories& factories) {
    factories.add<domain::WishRoundStore, SqliteWishRoundStore>();
}

}  // namespace yishi::storage
