#pragma once
// Values from the vocabularies of forms.json: ethnicity, political_status, education, rank, unit_type, level,
// member_role, category. Each is matched exactly, then through the printed variants real forms use (汉 → 汉族,
// 党员 → 中共党员, 正处级 → 县处级正职, 县(市、区)级 → county), then snapped to the one nearest entry at edit distance
// 1 (for review: a snapped value is a guess). Closed vocabularies reject what matches nothing (invalid); open ones
// — education and rank, "as printed" in FORMS.md, and member_role — keep it as printed, for review.
#include <string_view>

#include "extractors/normalise/normalised.h"

namespace intake {

Normalised normalise_ethnicity(std::string_view raw);
Normalised normalise_political_status(std::string_view raw);
Normalised normalise_education(std::string_view raw);
Normalised normalise_rank(std::string_view raw);
Normalised normalise_unit_type(std::string_view raw);
Normalised normalise_level(std::string_view raw);  // → provincial | city | county
Normalised normalise_member_role(std::string_view raw);
Normalised normalise_category(std::string_view raw);

}  // namespace intake
