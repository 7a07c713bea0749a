#pragma once

#include <string>

namespace yishi::app {

// The directory of the built web UI to serve under /, in this order (the
// same search as pluginsDirectory()):
//   1. `explicit_dir`, when not empty (a --www-dir option or yishi.www_dir);
//   2. <directory of the running executable>/../share/yishi/www, when it
//      exists: the layout `cmake --install` makes;
//   3. the build tree's www/ (YISHI_DEFAULT_WWW_DIR), where scripts/build.sh
//      puts the web UI, for a yishi run from its build directory.
// Never fails; a directory that does not exist means the API alone is
// served. Thread-safe (reads /proc/self/exe and the file system).
std::string wwwDirectory(const std::string& explicit_dir = "");

}  // namespace yishi::app
