#pragma once

#include <string>

#include "yishi/common/ids.h"

// 帮办代办 (docs/grids.md): a helper (a 网格员, a 楼栋长, the committee) acts for
// a resident who is present or consented. The act is the resident's, made
// through the same services as if they had made it themselves; what marks
// it as assisted is the Assistance in force on the calling thread while the
// act's writes are made. Every Change such a write records for the resident
// carries the helper, the helper's role and the consent into its audit row
// (Stores::record), in the transaction of the act: there is no assisted act
// without its mark.
namespace yishi::domain {

struct Assistance {
    UserId resident;          // whose act it is
    UserId helper;            // whose hand made it
    std::string helper_role;  // "grid_worker", "building_head" or "committee"
    std::string consent;      // "present", "consent" or "paper"
    std::string note;         // how consent was given, or the paper form's reference
};

// The assistance the calling thread's writes are made under; null when none.
const Assistance* currentAssistance();

// Puts `assistance` in force on this thread for as long as the scope lives
// (it must outlive the scope). Database::write carries the caller's into the
// writer thread for the length of the caller's job. Not copyable.
class AssistanceScope {
  public:
    explicit AssistanceScope(const Assistance& assistance);
    ~AssistanceScope();
    AssistanceScope(const AssistanceScope&) = delete;
    AssistanceScope& operator=(const AssistanceScope&) = delete;

  private:
    const Assistance* previous_;
};

}  // namespace yishi::domain
