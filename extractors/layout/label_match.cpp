#include "extractors/layout/label_match.h"

#include <algorithm>
#include <limits>

#include "extractors/normalise/vocabulary_snap.h"
#include "models/char_class.h"
#include "models/full_width.h"
#include "models/utf8.h"

namespace intake {
namespace {

bool is_label_character(char32_t c) { return is_han(c) || is_ascii_letter(c) || is_ascii_digit(c); }

int allowed_slips(std::size_t label_length) { return label_length >= 4 ? 1 : 0; }

// Labels' punctuation that separates a label from an inline value: 姓名：王晓梅, 联系电话:024-…
bool is_separator(char32_t c) { return c == U':' || c == U'：'; }

}  // namespace

std::u32string label_key(std::string_view text) {
  std::u32string key;
  for (const char32_t c : utf8_decode(fold_full_width(text)))
    if (is_label_character(c)) key.push_back(c);
  return key;
}

bool reads_as_label(std::string_view text) {
  const std::u32string key = label_key(text);
  if (key.empty()) return false;
  static const std::vector<std::u32string> labels = [] {
    std::vector<std::u32string> all;
    for (const FormModel& form : form_catalogue().forms)
      for (const auto* fields : {&form.fields, &form.columns})
        for (const FieldModel& field : *fields)
          for (const std::string& label : field.labels) all.push_back(label_key(label));
    return all;
  }();
  return std::any_of(labels.begin(), labels.end(), [&](const std::u32string& label) {
    return edit_distance(key, label) <= allowed_slips(label.size());
  });
}

std::string label_characters(const std::vector<FieldModel>& fields) {
  std::u32string characters;
  for (const FieldModel& field : fields)
    for (const std::string& label : field.labels)
      for (const char32_t c : label_key(label))
        if (characters.find(c) == std::u32string::npos) characters.push_back(c);
  return utf8_encode(characters);
}

std::optional<LabelMatch> match_label(std::string_view text, const std::vector<FieldModel>& fields) {
  const std::u32string key = label_key(text);
  if (key.empty()) return std::nullopt;

  // Whole-cell labels first.
  std::optional<LabelMatch> best;
  bool tied = false;
  for (const FieldModel& field : fields) {
    for (const std::string& label : field.labels) {
      const std::u32string wanted = label_key(label);
      const int distance = edit_distance(key, wanted);
      if (distance > allowed_slips(wanted.size())) continue;
      if (!best || distance < best->distance) {
        best = LabelMatch{&field, distance, {}};
        tied = false;
      } else if (distance == best->distance && best->field != &field) {
        tied = true;
      }
    }
  }
  if (best && !tied) return best;
  if (tied) return std::nullopt;

  // A label followed by its value in the same cell: the label must be spelled exactly and followed by a
  // separator or the value itself; the longest such label wins (联系人 vs 联系人电话).
  const std::u32string full = utf8_decode(fold_full_width(text));
  std::optional<LabelMatch> inline_match;
  std::size_t longest = 0;
  for (const FieldModel& field : fields) {
    for (const std::string& label : field.labels) {
      const std::u32string wanted = label_key(label);
      std::size_t matched = 0, position = 0;
      while (position < full.size() && matched < wanted.size()) {
        if (is_space(full[position])) {
          ++position;
          continue;
        }
        if (full[position] != wanted[matched]) break;
        ++position;
        ++matched;
      }
      if (matched != wanted.size() || wanted.size() <= longest) continue;
      while (position < full.size() && (is_space(full[position]) || is_separator(full[position]))) ++position;
      if (position >= full.size()) continue;
      longest = wanted.size();
      inline_match = LabelMatch{&field, 0, utf8_encode(full.substr(position))};
    }
  }
  return inline_match;
}

}  // namespace intake
