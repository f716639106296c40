#include "extractors/documents/header_line.h"

#include <algorithm>
#include <optional>

#include "extractors/layout/label_match.h"
#include "models/char_class.h"
#include "models/full_width.h"
#include "models/utf8.h"

namespace intake {
namespace {

struct Found {
  std::size_t begin;  // in the original code points
  std::size_t end;
  std::string field;
};

// The label without its bracketed notes: 推荐单位（盖章） → 推荐单位.
std::string without_brackets(std::string_view label) {
  std::u32string out;
  int depth = 0;
  for (const char32_t c : utf8_decode(fold_full_width(label))) {
    if (c == U'(' || c == U'（') ++depth;
    else if (c == U')' || c == U'）') depth = std::max(0, depth - 1);
    else if (depth == 0) out.push_back(c);
  }
  return utf8_encode(out);
}

bool is_trim(char32_t c) {
  return is_space(c) || c == U':' || c == U'：' || c == U'(' || c == U')' || c == U'（' || c == U'）';
}

// Where `wanted` is in `key`: exactly, or for a label of four characters or more with one character misread
// (推荐音位 for 推荐单位, the seal's red over it); the first such place.
std::size_t find_label(const std::u32string& key, const std::u32string& wanted) {
  const std::size_t exact = key.find(wanted);
  constexpr std::size_t one_slip_from = 4;
  if (exact != std::u32string::npos || wanted.size() < one_slip_from || key.size() < wanted.size()) return exact;
  for (std::size_t at = 0; at + wanted.size() <= key.size(); ++at) {
    std::size_t slips = 0;
    for (std::size_t i = 0; i < wanted.size() && slips <= 1; ++i) slips += key[at + i] != wanted[i];
    if (slips <= 1) return at;
  }
  return std::u32string::npos;
}

// The length of a bracketed note of at most four characters at the start of `text`, brackets included.
std::optional<std::size_t> bracketed_note_length(std::u32string_view text) {
  constexpr std::u32string_view openers = U"(（《〈[【";
  constexpr std::u32string_view closers = U")）》〉]】";
  constexpr std::size_t longest_inside = 4;
  if (text.empty() || openers.find(text.front()) == std::u32string_view::npos) return std::nullopt;
  const std::size_t close = text.find_first_of(closers, 1);
  if (close == std::u32string_view::npos || close - 1 > longest_inside) return std::nullopt;
  return close + 1;
}

}  // namespace

std::map<std::string, std::string> split_header_line(std::string_view line, const std::vector<FieldModel>& fields) {
  const std::u32string text = utf8_decode(fold_full_width(line));
  // The label characters of the line and where each sits in the text.
  std::u32string key;
  std::vector<std::size_t> position;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_space(text[i]) || text[i] == U':' || text[i] == U'：' || text[i] == U'(' || text[i] == U')') continue;
    key.push_back(text[i]);
    position.push_back(i);
  }
  std::vector<Found> found;
  for (const FieldModel& field : fields) {
    std::optional<Found> best;
    for (const std::string& label : field.labels) {
      for (const std::string& variant : {label, without_brackets(label)}) {
        const std::u32string wanted = label_key(variant);
        if (wanted.empty()) continue;
        const std::size_t at = find_label(key, wanted);
        if (at == std::u32string::npos) continue;
        const Found candidate{position[at], position[at + wanted.size() - 1] + 1, field.id};
        if (!best || candidate.end - candidate.begin > best->end - best->begin) best = candidate;
      }
    }
    if (best) found.push_back(*best);
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::map<std::string, std::string> values;
  for (std::size_t i = 0; i < found.size(); ++i) {
    std::size_t begin = found[i].end;
    std::size_t end = i + 1 < found.size() ? found[i + 1].begin : text.size();
    if (end < begin) continue;  // overlapping labels (联系人 inside 联系人电话): the longer one's value
    // The label's bracketed note when the label was found without it: 推荐单位（盖章）：…, the note misread under
    // the seal (《高音) :营口) too: a short bracketed run right after the label holds no value.
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      while (begin < end && is_trim(text[begin])) ++begin, trimmed = true;
      if (end - begin >= 2 && text.compare(begin, 2, U"盖章") == 0) begin += 2, trimmed = true;
      if (const auto note = bracketed_note_length(std::u32string_view(text).substr(begin, end - begin)))
        begin += *note, trimmed = true;
    }
    while (end > begin && is_space(text[end - 1])) --end;
    values[found[i].field] = utf8_encode(text.substr(begin, end - begin));
  }
  return values;
}

}  // namespace intake
