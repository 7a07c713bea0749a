#pragma once

namespace yishi::app {

// yishi points replay --district ID [--data-dir DIR] [--plugins-dir DIR]:
// recomputes the district's awards from its event history through the
// current plugin and prints every difference from the ledger. Exit 0 when
// there is none, 1 when there are differences, 65/66 on bad input.
int runPointsCommand(int argc, char** argv);

}  // namespace yishi::app
