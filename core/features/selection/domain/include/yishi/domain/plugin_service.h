#pragma once

#include "yishi/common/clock.h"
#include "yishi/common/result.h"
#include "yishi/domain/actor.h"
#include "yishi/domain/ports.h"
#include "yishi/domain/selection.h"

namespace yishi::domain {

// What people may do with a district's plugins. Thread-safe.
class PluginService {
  public:
    PluginService(Database& db, DistrictPlugins& plugins, const Clock& clock);

    // Public: which plugin (and which exact source) serves the district.
    // not_found "district.not_found".
    Result<PluginInfo> info(DistrictId district);

    // District admins only (forbidden "district.forbidden"). Audited as
    // "plugin.reloaded" with the new hash, or "plugin.refused".
    Result<PluginInfo> reload(const Actor& actor, DistrictId district);

    // Runs the district's selection rule on a request without storing
    // anything: how admins try a rule before an election uses it. District
    // admins and observers.
    Result<SelectionOutcome> preview(const Actor& actor, DistrictId district, const SelectionRequest& request);

  private:
    Status requireDistrict(DistrictId district);

    Database& db_;
    DistrictPlugins& plugins_;
    const Clock& clock_;
};

}  // namespace yishi::domain
