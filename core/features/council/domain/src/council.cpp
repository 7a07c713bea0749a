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

std::vector<AdoptionPeriod> computeAdoptionPeriods(const std::vector<AdoptionMark>& marks) {
    std::map<std::string, AdoptionPeriod> by_month;  // "YYYY-MM" sorts by time
    for (const AdoptionMark& m : marks) {
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
