#include "extractors/normalise/normalise.h"

#include <array>
#include <exception>
#include <utility>

#include "extractors/normalise/date_values.h"
#include "extractors/normalise/id_number_value.h"
#include "extractors/normalise/number_values.h"
#include "extractors/normalise/opinion_value.h"
#include "extractors/normalise/person_values.h"
#include "extractors/normalise/publicity_periods.h"
#include "extractors/normalise/text_values.h"
#include "extractors/normalise/vocabulary_values.h"
#include "models/utf8.h"

namespace intake {
namespace {

using Normaliser = Normalised (*)(std::string_view);

constexpr std::array<std::pair<std::string_view, Normaliser>, 20> normalisers{{
    {"text", normalise_text},
    {"name", normalise_name},
    {"gender", normalise_gender},
    {"year_month", normalise_year_month},
    {"date", normalise_date},
    {"ethnicity", normalise_ethnicity},
    {"political_status", normalise_political_status},
    {"education", normalise_education},
    {"rank", normalise_rank},
    {"unit_type", normalise_unit_type},
    {"id_number", normalise_id_number_value},
    {"phone", normalise_phone},
    {"postcode", normalise_postcode},
    {"integer", normalise_integer},
    {"level", normalise_level},
    {"long_text", normalise_long_text},
    {"opinion", normalise_opinion},
    {"member_role", normalise_member_role},
    {"category", normalise_category},
    {"publicity_list", normalise_publicity_list},
}};

constexpr std::array<std::string_view, normalisers.size()> type_names = [] {
  std::array<std::string_view, normalisers.size()> names{};
  for (std::size_t i = 0; i < normalisers.size(); ++i) names[i] = normalisers[i].first;
  return names;
}();

}  // namespace

Normalised normalise_value(std::string_view type, std::string_view raw_text) {
  for (const auto& [name, normaliser] : normalisers) {
    if (name != type) continue;
    // Normalisers are written not to throw; std::bad_alloc and the like still must not escape per field: one
    // field's failure becomes that field's review, never a stopped batch.
    try {
      return normaliser(raw_text);
    } catch (const std::exception&) {
      return review_value(nullptr, 0.0, "the normaliser failed on this text");
    }
  }
  Normalised unknown = normalise_text(raw_text);
  if (unknown.status == FieldStatus::ok) unknown.status = FieldStatus::review;
  unknown.note = "unknown value type " + utf8_sanitise(type);
  return unknown;
}

std::span<const std::string_view> value_types() { return type_names; }

bool is_value_type(std::string_view type) {
  for (const std::string_view name : type_names)
    if (name == type) return true;
  return false;
}

}  // namespace intake
