#pragma once
// A deliberate layer violation, used only by the layer_rule_rejects_crossing test.
#include <Poco/JSON/Object.h>
