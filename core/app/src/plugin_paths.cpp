#include "plugin_paths.h"

#include <filesystem>
#include <system_error>

#include "plugin_host.h"

namespace yishi::app {

std::string pluginsDirectory(const std::string& explicit_dir) {
    if (!explicit_dir.empty()) return explicit_dir;
    // selfExecutable() is /proc/self/exe resolved, so a symlink such as
    // /usr/local/bin/yishi -> /opt/yishi/bin/yishi finds /opt/yishi/share.
    const std::filesystem::path executable = selfExecutable();
    if (executable.is_absolute()) {
        const std::filesystem::path installed = executable.parent_path().parent_path() / "share" / "yishi" / "plugins";
        std::error_code error;
        if (std::filesystem::is_directory(installed, error)) return installed.lexically_normal().string();
    }
    return YISHI_DEFAULT_PLUGINS_DIR;
}

}  // namespace yishi::app
