#include "yishi/domain/assistance.h"

namespace yishi::domain {

namespace {
thread_local const Assistance* current = nullptr;
}

const Assistance* currentAssistance() { return current; }

AssistanceScope::AssistanceScope(const Assistance& assistance) : previous_(current) { current = &assistance; }

AssistanceScope::~AssistanceScope() { current = previous_; }

}  // namespace yishi::domain
