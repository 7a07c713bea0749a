#include "www_paths.h"

#include <filesystem>
#include <system_error>

#include "plugin_host.h"

namespace yishi::app {

std::string wwwDirectory(const std::string& explicit_dir) {
    if (!explicit_dir.empty()) return explicit_dir;
    const std::filesystem::path executable = selfExecutable();
    if (executable.is_absolute()) {
        const std::filesystem::path installed = executable.parent_path().parent_path() / "share" / "yishi" / "www";
        std::error_code error;
        if (std::filesystem::is_directory(installed, error)) return installed.lexically_normal().string();
    }
    return YISHI_DEFAULT_WWW_DIR;
}

}  // namespace yishi::app
