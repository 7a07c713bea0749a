#pragma once

#include <string>

namespace yishi::app {

// The directory of district plugins to use (DIR/<district id>/, DIR/default/),
// in this order:
//   1. `explicit_dir`, when not empty (a --plugins-dir option or a config key);
//   2. <directory of the running executable>/../share/yishi/plugins, when it
//      exists: the layout `cmake --install` makes, so an installed yishi works
//      from any working directory;
//   3. the source tree's plugins/ directory the build compiled in
//      (YISHI_DEFAULT_PLUGINS_DIR), for a yishi run from its build directory.
// Never fails; whether the directory holds usable plugins is for the loader to
// say. The result is absolute unless `explicit_dir` is relative.
// Thread-safe (reads /proc/self/exe and the file system, nothing shared).
std::string pluginsDirectory(const std::string& explicit_dir = "");

}  // namespace yishi::app
