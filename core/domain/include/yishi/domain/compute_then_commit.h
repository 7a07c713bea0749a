#pragma once

#include <utility>

#include "yishi/common/result.h"
#include "yishi/domain/ports.h"

namespace yishi::domain {

// Heavy work off the writer thread. Database::write runs on one writer
// thread that every write in the server waits for, so work that takes long
// (a district plugin call, a ballot's proof check) must not run inside it.
// The pattern, in three steps:
//
//   1. read:     on a read snapshot, gather what the work needs (Snapshot),
//                and say whether there is any work (false: stop here,
//                kNothingToDo, without a write);
//   2. compute:  outside any transaction, do the heavy work (Computed);
//   3. commit:   inside one write, first re-check that what was read still
//                holds (stillValid), then write the result.
//
// When the re-check fails (another writer moved first: a processor took the
// same events, a phase closed), nothing is written and the answer is kStale;
// the caller retries or lets it go. Never hold results of step 2 across a
// commit that did not re-check.
//
//   read(Stores&, Snapshot&) -> Result<bool>
//   compute(Snapshot&) -> Result<Computed>
//   stillValid(Stores&, const Snapshot&) -> bool
//   commit(Stores&, const Snapshot&, Computed&) -> Status
//
// Thread-safe as the Database is; the callables run on the calling thread,
// except commit and stillValid, which run on the writer.
enum class CommitOutcome { kCommitted, kStale, kNothingToDo };

template <typename Snapshot, typename Read, typename Compute, typename StillValid, typename Commit>
Result<CommitOutcome> computeThenCommit(Database& db, Snapshot& snapshot, Read&& read, Compute&& compute,
                                        StillValid&& still_valid, Commit&& commit) {
    bool any_work = false;
    YISHI_RETURN_IF_ERROR(db.read([&](Stores& s) -> Status {
        Result<bool> found = read(s, snapshot);
        if (!found.isOk()) return found.status();
        any_work = found.value();
        return Status::ok();
    }));
    if (!any_work) return CommitOutcome::kNothingToDo;
    auto computed = compute(snapshot);
    if (!computed.isOk()) return computed.status();
    CommitOutcome outcome = CommitOutcome::kStale;
    YISHI_RETURN_IF_ERROR(db.write([&](Stores& s) -> Status {
        if (!still_valid(s, static_cast<const Snapshot&>(snapshot))) return Status::ok();
        YISHI_RETURN_IF_ERROR(commit(s, static_cast<const Snapshot&>(snapshot), computed.value()));
        outcome = CommitOutcome::kCommitted;
        return Status::ok();
    }));
    return outcome;
}

}  // namespace yishi::domain
