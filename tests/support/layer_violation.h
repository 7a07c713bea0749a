#pragma once
// A deliberate layer violation, used only by the layer_rule_rejects_crossing and
// layer_rule_keeps_poco_json_out_of_http tests.
#include <Poco/JSON/Object.h>
