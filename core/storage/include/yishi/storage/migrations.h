#pragma once

#include <string>
#include <vector>

#include "yishi/common/status.h"

namespace yishi::storage {

// One numbered schema change from core/storage/migrations/NNN_name.sql.
struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// Every migration this build knows, in order of version (1, 2, ...).
const std::vector<Migration>& knownMigrations();
int latestSchemaVersion();

// Brings the file at `path` to schema `target_version` (creating it when
// missing), applying each missing migration in its own transaction and
// recording it in schema_migrations. Meant for tools and tests that need a
// database at an older version; SqliteDatabase::open applies all of them.
// Errors as SqliteDatabase::open.
Status migrateFile(const std::string& path, int target_version);

}  // namespace yishi::storage
