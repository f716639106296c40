#include "pipeline/reading/read_modes.h"

#include <algorithm>

#include "models/utf8.h"
#include "ocr/text_layer.h"

namespace intake {

std::string_view name_of(ReadMode mode) {
  switch (mode) {
    case ReadMode::line: return "line";
    case ReadMode::block: return "block";
    case ReadMode::character: return "character";
    case ReadMode::digits: return "digits";
    case ReadMode::date: return "date";
    case ReadMode::chinese_date: return "chinese_date";
  }
  return "block";
}

TextRead text_read(const OcrText& ocr, ReadMode mode) {
  const bool from_layer = ocr.engine == text_layer_engine;
  return {ocr.text, ocr.confidence, ocr.min_confidence, from_layer ? "text-layer" : std::string(name_of(mode))};
}

ReadMode date_read_mode(std::string_view first_read) {
  const bool arabic = std::any_of(first_read.begin(), first_read.end(), [](char c) { return c >= '0' && c <= '9'; });
  return arabic ? ReadMode::date : ReadMode::chinese_date;
}

std::vector<ReadMode> second_read_modes(std::string_view type, std::string_view first_read) {
  const bool one_line = first_read.find('\n') == std::string_view::npos;
  // Digit strings: the whitelist stops 0/O, 1/l/I and 5/S look-alikes at the source.
  if (type == "id_number" || type == "phone" || type == "postcode") return {ReadMode::digits};
  if (type == "integer") {
    // 32人 keeps its unit; only a bare number is read again as digits.
    const bool digits_only = std::all_of(first_read.begin(), first_read.end(),
                                         [](char c) { return (c >= '0' && c <= '9') || c == ' '; });
    return digits_only ? std::vector<ReadMode>{ReadMode::digits} : std::vector<ReadMode>{ReadMode::line};
  }
  if (type == "year_month" || type == "date") {
    return {date_read_mode(first_read)};
  }
  if (type == "gender") return {ReadMode::character};
  if (type == "long_text" || type == "opinion" || type == "publicity_list") return {};
  // Names, vocabularies and short texts: one more read as a line when the value fits on one.
  if (one_line) return {ReadMode::line};
  return {};
}

}  // namespace intake
