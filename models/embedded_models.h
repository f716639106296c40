#pragma once
// The JSON text of models/forms.json, units.json, places.json and surnames.json, compiled into the binary (see
// CMakeLists.txt).
#include <string_view>

namespace intake {

extern const std::string_view embedded_forms_json;
extern const std::string_view embedded_units_json;
extern const std::string_view embedded_places_json;
extern const std::string_view embedded_surnames_json;

}  // namespace intake
