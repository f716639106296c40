#include "extractors/cross_checks.h"

#include "extractors/id_number.h"

namespace intake {
namespace {

const std::string* string_field(const nlohmann::json& values, const char* field) {
  if (!values.is_object()) return nullptr;
  const auto it = values.find(field);
  if (it == values.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

// Only normalised values are compared (and quoted): a value still awaiting review may be anything.
bool is_year_month(const std::string& s) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return s.size() == 7 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-' && digit(s[5]) &&
         digit(s[6]);
}

bool is_gender(const std::string& s) { return s == "男" || s == "女"; }

}  // namespace

std::vector<CrossCheck> cross_check_record(const nlohmann::json& values) {
  std::vector<CrossCheck> checks;
  const std::string* id = string_field(values, "id_number");
  if (id == nullptr || id->empty()) return checks;
  if (!id_number_check_digit_ok(*id)) {
    checks.push_back({"id_number_invalid", "id_number", "ID number's check digit does not match (GB 11643-1999)"});
    return checks;
  }
  const auto facts = id_number_facts(*id);
  if (!facts) {
    checks.push_back({"id_number_invalid", "id_number", "ID number's birth date does not exist"});
    return checks;
  }
  const std::string id_birth = facts->birth_date.substr(0, 7);  // YYYY-MM, the precision of 出生年月
  if (const std::string* birth = string_field(values, "birth");
      birth != nullptr && is_year_month(*birth) && *birth != id_birth)
    checks.push_back(
        {"id_birth_mismatch", "birth", "ID number's birth date " + id_birth + " differs from 出生年月 " + *birth});
  // GB 11643-1999: the 17th digit is odd for men, even for women.
  const std::string id_gender = facts->gender_char == 'M' ? "男" : "女";
  if (const std::string* gender = string_field(values, "gender");
      gender != nullptr && is_gender(*gender) && *gender != id_gender)
    checks.push_back(
        {"id_gender_mismatch", "gender", "ID number's sequence digit says " + id_gender + ", 性别 says " + *gender});
  return checks;
}

}  // namespace intake
