#pragma once
// ID numbers and phone numbers are personal data (the developers' guide; PIPL): never in logs, masked in reports
// unless the office asks for them.
#include <string>
#include <string_view>

namespace intake {

// 210102198503151234 → 210102********1234; 13812345678 → 138****5678; 024-86893881 → 024-****3881.
std::string mask_id_number(std::string_view id_number);
std::string mask_phone(std::string_view phone);

// Masks every ID-number-like and phone-like run of digits inside free text (finding messages, raw OCR text).
std::string mask_personal_data(std::string_view text);

}  // namespace intake
