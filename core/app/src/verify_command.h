#pragma once

namespace yishi::app {

// yishi verify RECORD [OLDER_RECORD] [--threads N]: every check of
// docs/election-record.md section 7 on a record file (or an http:// URL of
// one). Prints "OK <summary>" and exits 0, or "FAIL <name> at entry <i>:
// <detail>" and exits 1; 64 for bad usage, 66 when a record cannot be read.
// With OLDER_RECORD it also checks that the two are the same election and
// that the older one's entries are a prefix of the newer one's (checks
// 36–37). A progress bar goes to stderr only when stderr is a terminal.
int runVerifyCommand(int argc, char** argv);

}  // namespace yishi::app
