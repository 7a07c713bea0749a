#include "yishi/domain/council.h"

#include <cstdio>
#include <map>

#include "yishi/domain/deadlines.h"

namespace yishi::domain {

const char* adoptionDecisionName(AdoptionDecision decision) {
    switch (decision) {
        case AdoptionDecision::kAdopted: return "adopted";
        case AdoptionDecision::kPartlyAdopted: return "partly_adopted";
        case AdoptionDecision::kNotAdopted: return "not_adopted";
    }
    return "adopted";
}

bool parseAdoptionDecision(const std::string& text, AdoptionDecision* decision) {
    for (AdoptionDecision d :
         {AdoptionDecision::kAdopted, AdoptionDecision::kPartlyAdopted, AdoptionDecision::kNotAdopted}) {
        if (text == adoptionDecisionName(d)) {
            *decision = d;
            return true;
        }
    }
    return false;
}

std::vector<AdoptionPeriod> computeAdoptionPeriods(const std::vector<AdoptionDecided>& marks) {
    std::map<std::string, AdoptionPeriod> by_month;  // "YYYY-MM" sorts by time
    for (const AdoptionDecided& m : marks) {
        const CivilDate date = civilDateOfDay(localDayNumber(m.decided_at, kChinaUtcOffset));
        char month[32];
        std::snprintf(month, sizeof month, "%04d-%02u", date.year, date.month);
        AdoptionPeriod& p = by_month[month];
        p.period = month;
        switch (m.decision) {
            case AdoptionDecision::kAdopted: ++p.adopted; break;
            case AdoptionDecision::kPartlyAdopted: ++p.partly_adopted; break;
            case AdoptionDecision::kNotAdopted: ++p.not_adopted; break;
        }
    }
    std::vector<AdoptionPeriod> out;
    for (auto& [month, period] : by_month) out.push_back(period);
    return out;
}

}  // namespace yishi::domain

namespace yishi::domain {

const char* invitationAnswerName(InvitationAnswer answer) {
    switch (answer) {
        case InvitationAnswer::kPending: return "pending";
        case InvitationAnswer::kAttend: return "attend";
        case InvitationAnswer::kDecline: return "decline";
    }
    return "pending";
}

std::string invitedReason(UserId user, const std::string& display_name) {
    return std::to_string(user.value) + " " + display_name;
}

UserId invitedUserOf(const std::string& reason) {
    std::int64_t id = 0;
    std::size_t i = 0;
    for (; i < reason.size() && i < 18 && reason[i] >= '0' && reason[i] <= '9'; ++i) id = id * 10 + (reason[i] - '0');
    if (i == 0 || (i < reason.size() && reason[i] != ' ')) return UserId();
    return UserId(id);
}

bool parseInvitationAnswer(const std::string& text, InvitationAnswer* answer) {
    for (InvitationAnswer a : {InvitationAnswer::kPending, InvitationAnswer::kAttend, InvitationAnswer::kDecline}) {
        if (text == invitationAnswerName(a)) {
            *answer = a;
            return true;
        }
    }
    return false;
}

}  // namespace yishi::domain
