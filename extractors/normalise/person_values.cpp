#include "extractors/normalise/person_values.h"

#include <vector>

#include "extractors/normalise/text_values.h"
#include "models/char_class.h"
#include "models/surnames.h"
#include "models/utf8.h"

namespace intake {
namespace {

// The middle dot of transliterated names (GB/T 15834: 间隔号) and what fonts and OCR turn it into.
bool is_name_separator(char32_t c) {
  return c == U'·' || c == U'•' || c == U'.' || c == U'・' || c == U'‧' || c == U'･' || c == U'∙' || c == U'⋅';
}

constexpr std::size_t shortest_name = 2;
constexpr std::size_t longest_plain_name = 4;
constexpr std::size_t longest_dotted_name = 20;

}  // namespace

Normalised normalise_name(std::string_view raw) {
  const std::u32string text = compact_text(raw, Fold::everything);
  if (text.empty()) return missing_value();
  const std::string as_read = utf8_encode(text);

  bool foreign = false;
  bool symbol = false;
  std::vector<std::u32string> segments(1);
  for (const char32_t c : text) {
    if (is_han(c)) {
      segments.back().push_back(c);
    } else if (is_name_separator(c)) {
      segments.emplace_back();
    } else if (is_ascii_digit(c) || is_ascii_letter(c)) {
      foreign = true;
    } else {
      symbol = true;
    }
  }
  if (foreign) return review_value(as_read, unrecognised_factor, "a name with digits or Latin letters");
  if (symbol) return review_value(as_read, unrecognised_factor, "a name with characters other than Chinese");

  if (segments.size() > 1) {
    std::u32string joined;
    for (const std::u32string& segment : segments) {
      if (segment.empty()) return review_value(as_read, unrecognised_factor, "a name with a stray middle dot");
      if (!joined.empty()) joined.push_back(U'·');
      joined += segment;
    }
    if (joined.size() > longest_dotted_name)
      return review_value(utf8_encode(joined), unrecognised_factor, "an unusually long name");
    return ok_value(utf8_encode(joined));
  }
  const std::size_t length = text.size();
  if (length < shortest_name) return review_value(as_read, unrecognised_factor, "a name of one character");
  if (length > longest_plain_name)
    return review_value(as_read, unrecognised_factor,
                        "a name of " + std::to_string(length) + " characters (names have 2–4)");
  if (known_surname_length(text) == 0)
    return review_value(as_read, 1.0, utf8_encode(text.substr(0, 1)) + " is no surname we know");
  return ok_value(as_read);
}

Normalised normalise_gender(std::string_view raw) {
  std::u32string text = compact_text(raw, Fold::everything);
  if (text.empty()) return missing_value();
  if (text.size() == 2 && text[1] == U'性') text.pop_back();  // 男性, 女性
  if (text == U"男") return ok_value("男");
  if (text == U"女") return ok_value("女");
  return review_value(nullptr, unrecognised_factor, "not 男 or 女");
}

}  // namespace intake
