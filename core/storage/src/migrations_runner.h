#pragma once

#include "yishi/common/result.h"

namespace yishi::storage {

class Connection;

// Applies the known migrations up to `target_version` on `connection`;
// returns the schema version reached. See migrateFile for the errors.
Result<int> migrate(Connection& connection, int target_version);

}  // namespace yishi::storage
