#pragma once
// The JSON text of models/forms.json, units.json and places.json, compiled into the binary (see CMakeLists.txt).
#include <string_view>

namespace intake {

extern const std::string_view embedded_forms_json;
extern const std::string_view embedded_units_json;
extern const std::string_view embedded_places_json;

}  // namespace intake
