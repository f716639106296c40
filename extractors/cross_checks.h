#pragma once
// Checks between the fields of one record (FORMS.md "Cross-field checks", EXPORT.md rules id_number_invalid,
// id_birth_mismatch, id_gender_mismatch). Findings are built from these by the caller, who knows the document.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace intake {

struct CrossCheck {
  std::string rule;     // an EXPORT.md rule name
  std::string field;    // the field the finding points at
  std::string message;  // names dates and genders, never the ID number's digits (personal data, PIPL)
};

// `values` maps field ids to normalised values (id_number, birth "YYYY-MM", gender 男/女); absent or null fields
// are not checked. The birth and gender checks read the ID number only when its check digit holds: a number that
// fails its check already has its finding, and its digits say nothing reliable.
std::vector<CrossCheck> cross_check_record(const nlohmann::json& values);

}  // namespace intake
