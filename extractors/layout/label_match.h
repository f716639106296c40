#pragma once
// Which printed label a cell's text is. Real forms are filled in Word: labels gain spaces (姓  名), colons,
// line breaks (推荐单位\n意见, or one character per line in a narrow cell) and OCR slips, so matching is on the
// characters alone and tolerant by length: an exact match for two-character labels (性别 vs 民族 differ by both),
// one slip in labels of four or more.
#include <optional>
#include <string>
#include <string_view>

#include "models/form_model.h"

namespace intake {

struct LabelMatch {
  const FieldModel* field = nullptr;
  int distance = 0;          // edit distance in characters to the nearest label of the field
  std::string remainder;     // text after the label in the same cell ("姓名：王晓梅" → "王晓梅")
};

// The label's characters only: spaces, punctuation and brackets removed, full-width folded.
std::u32string label_key(std::string_view text);

// Whether the whole text is a printed label of some form (as tolerant as match_label): a value that reads as one
// came from the wrong cell.
bool reads_as_label(std::string_view text);

// Every character of the fields' labels, each once (UTF-8): a whitelist for reading a label again.
std::string label_characters(const std::vector<FieldModel>& fields);

// The field whose label the whole text is, or starts with (then `remainder` holds the rest); nullopt when
// no label fits unambiguously. `fields` are a form's fields or columns.
std::optional<LabelMatch> match_label(std::string_view text, const std::vector<FieldModel>& fields);

}  // namespace intake
