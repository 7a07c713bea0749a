#pragma once

namespace yishi::app {

// yishi plugin-worker [--memory-mb N]: serves plugin calls on stdin/stdout
// (started by the server, not by people).
int runPluginWorkerCommand(int argc, char** argv);

// yishi plugin test DIR: runs the JSON cases in DIR/tests against the plugin
// in DIR, in worker processes as the server does. Exit 0 when all pass.
int runPluginTestCommand(int argc, char** argv);

// yishi pb select FILE.pb --rule greedy|greedy-threshold|mes-add1
// [--plugins DIR] [--threshold N]: the selection rule over a Pabulib file;
// prints {"selected": [...], ...} as JSON.
int runPbSelectCommand(int argc, char** argv);

}  // namespace yishi::app
