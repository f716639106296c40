#include "models/privacy.h"

#include <regex>

namespace intake {

std::string mask_id_number(std::string_view id_number) {
  std::string masked(id_number);
  if (masked.size() <= 10) return std::string(masked.size(), '*');
  for (std::size_t i = 6; i + 4 < masked.size(); ++i) masked[i] = '*';
  return masked;
}

std::string mask_phone(std::string_view phone) {
  std::string masked(phone);
  // Keep the area code or the mobile prefix and the last four digits: enough for staff to recognise a number.
  const std::size_t hyphen = masked.find('-');
  const std::size_t keep_front = hyphen != std::string::npos ? hyphen + 1 : std::min<std::size_t>(3, masked.size());
  for (std::size_t i = keep_front; i + 4 < masked.size(); ++i)
    if (masked[i] != '-') masked[i] = '*';
  return masked;
}

std::string mask_personal_data(std::string_view text) {
  // ASCII-only patterns: std::regex works on bytes, and every byte of a UTF-8 CJK character is ≥ 0x80, so
  // the patterns can neither match inside one nor split one.
  static const std::regex id_like(R"((^|[^0-9])([0-9]{17}[0-9Xx])(?![0-9]))");
  // Mobiles (1[3-9] + 9 digits) and landlines with their area code; a bare 8-digit run is more often a date
  // (19850315 in a photo's file name) than a phone number.
  static const std::regex phone_like(R"((^|[^0-9*])(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9]))");
  std::string input(text);
  std::string out;
  auto apply = [](const std::string& in, const std::regex& pattern, auto mask) {
    std::string result;
    auto begin = std::sregex_iterator(in.begin(), in.end(), pattern);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      const auto& match = *it;
      const std::size_t start = static_cast<std::size_t>(match.position(2));
      result.append(in, last, start - last);
      result += mask(match.str(2));
      last = start + static_cast<std::size_t>(match.length(2));
    }
    result.append(in, last, std::string::npos);
    return result;
  };
  out = apply(input, id_like, [](const std::string& s) { return mask_id_number(s); });
  return apply(out, phone_like, [](const std::string& s) { return mask_phone(s); });
}

}  // namespace intake
