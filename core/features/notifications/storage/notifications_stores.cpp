#include "sqlite_notification_store.h"
#include "yishi/storage/store_factories.h"

namespace yishi::storage {

void add_notifications_stores(StoreFactories& factories) {
    factories.add<domain::NotificationStore, SqliteNotificationStore>();
}

}  // namespace yishi::storage
