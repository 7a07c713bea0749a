#pragma once

namespace yishi::app {

// yishi backup DEST [--data-dir DIR]: an online, consistent copy of
// DIR/yishi.db (default ./data) to DEST, while the server runs
// (storage/backup.h says how; docs/cli.md how to restore it). Exit 0 with
// one line on stdout (bytes, schema version, seconds), 64 on bad usage,
// 74 when the copy cannot be made.
int runBackupCommand(int argc, char** argv);

}  // namespace yishi::app
