#include "yishi/common/value.h"

namespace yishi {

const Value* Value::find(std::string_view key) const {
    if (!isObject()) return nullptr;
    const auto& object = asObject();
    auto it = object.find(std::string(key));
    return it == object.end() ? nullptr : &it->second;
}

}  // namespace yishi
