#pragma once
// A deliberate layer violation, used only by the layer_rule_keeps_domain_out_of_crypto test.
#include "yishi/domain/ports.h"
