#include "yishi/domain/escalation.h"

namespace yishi::domain {

const char* escalationLevelName(EscalationLevel level) {
    return level == EscalationLevel::kStreet ? "street" : "district";
}

bool parseEscalationLevel(const std::string& text, EscalationLevel* level) {
    for (EscalationLevel l : {EscalationLevel::kStreet, EscalationLevel::kDistrict}) {
        if (text == escalationLevelName(l)) {
            *level = l;
            return true;
        }
    }
    return false;
}

const char* escalationStatusName(EscalationStatus status) {
    switch (status) {
        case EscalationStatus::kOpen: return "open";
        case EscalationStatus::kForwarded: return "forwarded";
        case EscalationStatus::kResolved: return "resolved";
    }
    return "open";
}

bool parseEscalationStatus(const std::string& text, EscalationStatus* status) {
    for (EscalationStatus s : {EscalationStatus::kOpen, EscalationStatus::kForwarded, EscalationStatus::kResolved}) {
        if (text == escalationStatusName(s)) {
            *status = s;
            return true;
        }
    }
    return false;
}

}  // namespace yishi::domain
