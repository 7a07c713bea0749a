#include "yishi/domain/consultation.h"

namespace yishi::domain {

const char* stanceName(Stance stance) {
    switch (stance) {
        case Stance::kFor: return "for";
        case Stance::kNeutral: return "neutral";
        case Stance::kAgainst: return "against";
    }
    return "neutral";
}

bool parseStance(const std::string& text, Stance* stance) {
    for (Stance s : {Stance::kFor, Stance::kNeutral, Stance::kAgainst}) {
        if (text == stanceName(s)) {
            *stance = s;
            return true;
        }
    }
    return false;
}

bool acceptsConsultation(const Proposal& p, Instant now) {
    switch (p.state) {
        case ProposalState::kSubmitted:
        case ProposalState::kScreening:
        case ProposalState::kNeedsRevision:
        case ProposalState::kAccepted: return true;
        case ProposalState::kConsultation: return p.consultation_ends_at == Instant() || now < p.consultation_ends_at;
        default: return false;
    }
}

bool acceptsSupport(const Proposal& p, Instant now) { return acceptsConsultation(p, now); }

const char* meetingModeName(MeetingMode mode) {
    switch (mode) {
        case MeetingMode::kOnline: return "online";
        case MeetingMode::kOffline: return "offline";
        case MeetingMode::kHybrid: return "hybrid";
    }
    return "offline";
}

bool parseMeetingMode(const std::string& text, MeetingMode* mode) {
    for (MeetingMode m : {MeetingMode::kOnline, MeetingMode::kOffline, MeetingMode::kHybrid}) {
        if (text == meetingModeName(m)) {
            *mode = m;
            return true;
        }
    }
    return false;
}

}  // namespace yishi::domain
