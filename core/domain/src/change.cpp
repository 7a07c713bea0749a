#include "yishi/domain/change.h"

#include <algorithm>
#include <stdexcept>

#include "yishi/domain/assistance.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

namespace changes {
const ChangeKind kSessionCreated{"session.created", "user", "", "", ""};
const ChangeKind kSessionEnded{"session.ended", "user", "", "", ""};
const ChangeKind kDemoCreated{"demo.created", "district", "", "", ""};
const ChangeKind kPasswordChanged{"password.changed", "user", "", "", ""};
}  // namespace changes

// Each feature lists its kinds in <name>_changes() (its domain part).
#define YISHI_FEATURE(name) const std::vector<const ChangeKind*>& name##_changes();
#define YISHI_FEATURE_WITH_STORE(name) YISHI_FEATURE(name)
#include "feature_list.h"
#undef YISHI_FEATURE
#undef YISHI_FEATURE_WITH_STORE

const std::vector<const ChangeKind*>& changeCatalog() {
    static const std::vector<const ChangeKind*> catalog = [] {
        std::vector<const ChangeKind*> all = {&changes::kSessionCreated, &changes::kSessionEnded,
                                              &changes::kDemoCreated, &changes::kPasswordChanged};
        auto add = [&all](const std::vector<const ChangeKind*>& kinds) {
            all.insert(all.end(), kinds.begin(), kinds.end());
        };
#define YISHI_FEATURE(name) add(name##_changes());
#define YISHI_FEATURE_WITH_STORE(name) YISHI_FEATURE(name)
#include "feature_list.h"
#undef YISHI_FEATURE
#undef YISHI_FEATURE_WITH_STORE
        return all;
    }();
    return catalog;
}

bool concernsSessionsOnly(const std::string& action) {
    return action == changes::kSessionCreated.action || action == changes::kSessionEnded.action ||
           action == changes::kPasswordChanged.action;
}

bool inCatalog(const ChangeKind& kind) {
    const auto& catalog = changeCatalog();
    return std::find(catalog.begin(), catalog.end(), &kind) != catalog.end();
}

std::int64_t Stores::record(const Change& change) const {
    if (!inCatalog(change.kind)) {
        throw std::logic_error("the change " + change.kind.action + " is not in the catalog");
    }
    AuditEntry entry{0,
                     change.at,
                     change.actor,
                     change.kind.action,
                     change.kind.subject_kind,
                     change.subject_id,
                     change.community,
                     change.reason};
    // An act made for the resident by a helper carries the helper's mark.
    if (const Assistance* a = currentAssistance();
        a != nullptr && change.actor.valid() && change.actor == a->resident) {
        entry.assisted_by = a->helper;
        entry.assisted_role = a->helper_role;
        entry.consent = a->consent;
        entry.consent_note = a->note;
    }
    audit.append(entry);
    if (change.kind.event.empty()) return 0;
    return outbox.append({0, change.kind.event, change.at, change.actor, change.community, change.kind.subject_kind,
                          change.subject_id, change.owner, change.quantity});
}

}  // namespace yishi::domain
