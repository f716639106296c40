#pragma once
// EXPORT.md's `intake export --format json`: the stable contract downstream systems read. Extend only by adding keys.
#include <nlohmann/json.hpp>

#include "pipeline/store/store.h"

namespace intake {

inline constexpr const char* export_schema = "intake.export/1";

// The whole store as one JSON document. Personal data is exported in full: the JSON export is the office's own.
nlohmann::json export_json(Store& store);

}  // namespace intake
