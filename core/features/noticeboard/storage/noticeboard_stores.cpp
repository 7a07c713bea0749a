#include "sqlite_noticeboard_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_noticeboard_stores(StoreFactories& factories) {
    factories.add<domain::NoticeStore, SqliteNoticeStore>();
    factories.add<domain::AccountStore, SqliteAccountStore>();
}

}  // namespace yishi::storage
