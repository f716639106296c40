#include "extractors/page/record_cells.h"

#include <algorithm>
#include <array>
#include <set>

#include "extractors/layout/label_match.h"
#include "extractors/normalise/normalise.h"
#include "extractors/normalise/vocabulary_snap.h"

namespace intake {
namespace {

// Share of the shorter of two vertical extents that they have in common.
double vertical_overlap(const cv::Rect& a, const cv::Rect& b) {
  const int common = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  const int shorter = std::min(a.height, b.height);
  return shorter > 0 ? std::max(0, common) / static_cast<double>(shorter) : 0.0;
}

double horizontal_overlap(const cv::Rect& a, const cv::Rect& b) {
  const int common = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
  const int narrower = std::min(a.width, b.width);
  return narrower > 0 ? std::max(0, common) / static_cast<double>(narrower) : 0.0;
}

// Half a line: cells on the same row of a Word table share most of their height.
constexpr double same_line_overlap = 0.5;

std::optional<std::size_t> cell_to_the_right(const std::vector<CellText>& cells, std::size_t from) {
  const cv::Rect& label = cells[from].box;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const cv::Rect& box = cells[i].box;
    if (i == from || box.x < label.x + label.width - 4) continue;
    if (vertical_overlap(label, box) < same_line_overlap) continue;
    if (!best || box.x < cells[*best].box.x) best = i;
  }
  return best;
}

std::optional<std::size_t> cell_to_the_left(const std::vector<CellText>& cells, std::size_t from) {
  const cv::Rect& value = cells[from].box;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const cv::Rect& box = cells[i].box;
    if (i == from || box.x + box.width > value.x + 4) continue;
    if (vertical_overlap(value, box) < same_line_overlap) continue;
    if (!best || box.x > cells[*best].box.x) best = i;
  }
  return best;
}

std::optional<std::size_t> cell_below(const std::vector<CellText>& cells, std::size_t from) {
  const cv::Rect& label = cells[from].box;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const cv::Rect& box = cells[i].box;
    if (i == from || box.y < label.y + label.height - 4) continue;
    if (horizontal_overlap(label, box) < same_line_overlap) continue;
    if (!best || box.y < cells[*best].box.y) best = i;
  }
  return best;
}

// Within half the label's characters (one for a two-character label): 推荐单位六 is near 推荐单位意见. With
// `min_label` only labels of that many characters count.
bool near_label(const std::u32string& key, const FieldModel& field, std::size_t min_label = 0) {
  for (const std::string& label : field.labels) {
    const std::u32string wanted = label_key(label);
    const int reach = std::max<int>(1, static_cast<int>(wanted.size() / 2));
    if (wanted.size() >= min_label && edit_distance(key, wanted) <= reach) return true;
  }
  return false;
}

// The fields none of `pairs` is for.
std::vector<const FieldModel*> missing_fields(const std::vector<LabelledCell>& pairs,
                                              const std::vector<FieldModel>& fields) {
  std::vector<const FieldModel*> missing;
  for (const FieldModel& field : fields)
    if (std::none_of(pairs.begin(), pairs.end(), [&](const LabelledCell& pair) { return pair.field == &field; }))
      missing.push_back(&field);
  return missing;
}

}  // namespace

std::vector<LabelCandidate> misread_label_candidates(const std::vector<CellText>& cells,
                                                     const std::vector<LabelledCell>& pairs,
                                                     const std::vector<FieldModel>& fields, bool by_place) {
  const std::vector<const FieldModel*> missing = missing_fields(pairs, fields);
  std::vector<bool> label(cells.size(), false), value(cells.size(), false);
  for (const LabelledCell& pair : pairs) {
    label[pair.label_cell] = true;
    if (pair.value_cell) value[*pair.value_cell] = true;
  }
  std::vector<LabelCandidate> candidates;
  if (missing.empty()) return candidates;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::u32string key = label_key(cells[i].text);
    if (label[i] || value[i] || key.empty()) continue;
    const auto right = cell_to_the_right(cells, i);
    if (right && is_label_text(cells[*right].text, fields)) continue;
    LabelCandidate candidate{i, {}};
    for (const FieldModel* field : missing)
      if (key.size() >= 2 && near_label(key, *field)) candidate.fields.push_back(*field);
    // Read too badly to be near any label (寻他 for 姓名 on a faint 1-bit scan), the cell still stands where a
    // label does: first on its line, or just right of a value. Its second read must then be a label outright.
    if (candidate.fields.empty() && by_place) {
      const auto left = cell_to_the_left(cells, i);
      if (!left || value[*left])
        for (const FieldModel* field : missing) candidate.fields.push_back(*field);
    }
    if (!candidate.fields.empty()) candidates.push_back(std::move(candidate));
  }
  return candidates;
}

const FieldModel* label_from_reads(const LabelCandidate& candidate, const std::string& first_read,
                                   const std::string& second_read) {
  if (const auto match = match_label(second_read, candidate.fields); match && match->remainder.empty())
    return match->field;
  constexpr std::size_t unmistakable = 4;
  if (candidate.fields.size() != 1) return nullptr;
  const FieldModel& field = candidate.fields.front();
  const bool both_near = near_label(label_key(first_read), field, unmistakable) &&
                         near_label(label_key(second_read), field, unmistakable);
  return both_near ? &field : nullptr;
}

bool is_label_text(const std::string& text, const std::vector<FieldModel>& fields) {
  const auto match = match_label(text, fields);
  return match && match->remainder.empty();
}

std::vector<LabelledCell> pair_labels_with_values(const std::vector<CellText>& cells,
                                                  const std::vector<FieldModel>& fields) {
  std::vector<std::optional<LabelMatch>> matches(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) matches[i] = match_label(cells[i].text, fields);

  std::vector<LabelledCell> pairs;
  std::set<std::string> taken;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (!matches[i] || taken.contains(matches[i]->field->id)) continue;
    LabelledCell pair{matches[i]->field, i, std::nullopt, cells[i].text, matches[i]->remainder};
    if (pair.remainder.empty()) {
      // A label whose right neighbour is another whole label has its value below (a heading row), or none. A cell
      // that begins with the label and goes on (主要事迹详见附页) is this label's value, not another label.
      const auto another_label = [&](std::optional<std::size_t> cell) {
        return cell && matches[*cell] &&
               (matches[*cell]->remainder.empty() || matches[*cell]->field != matches[i]->field);
      };
      auto value = cell_to_the_right(cells, i);
      if (another_label(value)) value.reset();
      if (!value) {
        value = cell_below(cells, i);
        if (another_label(value)) value.reset();
      }
      pair.value_cell = value;
    }
    taken.insert(pair.field->id);
    pairs.push_back(std::move(pair));
  }
  for (LabelledCell& pair : pairs) {
    if (!pair.value_cell) continue;
    const auto sharing = std::count_if(pairs.begin(), pairs.end(),
                                       [&](const LabelledCell& other) { return other.value_cell == pair.value_cell; });
    if (sharing < 2) continue;
    const cv::Rect& value = cells[*pair.value_cell].box;
    const cv::Rect& label = cells[pair.label_cell].box;
    pair.value_region = cv::Rect(value.x, label.y, value.width, label.height) & value;
  }
  return pairs;
}

namespace {

// Value types whose values no other field of a form shares: read as such losslessly, a value names its field.
bool names_its_field(std::string_view type, const std::string& text) {
  constexpr std::array<std::string_view, 8> self_naming{"id_number", "ethnicity", "political_status", "rank",
                                                         "level",     "unit_type", "gender",           "phone"};
  if (std::find(self_naming.begin(), self_naming.end(), type) == self_naming.end()) return false;
  const Normalised value = normalise_value(type, text);
  return value.status == FieldStatus::ok && value.confidence_factor == 1.0 && value.note.empty();
}

}  // namespace

std::vector<LabelledCell> pair_values_by_their_form(const std::vector<CellText>& cells,
                                                    const std::vector<LabelledCell>& pairs,
                                                    const std::vector<FieldModel>& fields) {
  std::vector<bool> paired(cells.size(), false);
  for (const LabelledCell& pair : pairs) {
    paired[pair.label_cell] = true;
    if (pair.value_cell) paired[*pair.value_cell] = true;
  }
  const std::vector<const FieldModel*> missing = missing_fields(pairs, fields);
  // cell → the missing fields its text names, for cells right of an unpaired cell (their label, unread).
  std::vector<std::pair<std::size_t, std::vector<const FieldModel*>>> named;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (paired[i] || cells[i].text.empty() || is_label_text(cells[i].text, fields)) continue;
    const auto left = cell_to_the_left(cells, i);
    if (!left || paired[*left]) continue;
    std::vector<const FieldModel*> names;
    for (const FieldModel* field : missing)
      if (names_its_field(field->type, cells[i].text)) names.push_back(field);
    if (!names.empty()) named.emplace_back(i, std::move(names));
  }
  std::vector<LabelledCell> found;
  for (const auto& [cell, names] : named) {
    if (names.size() != 1) continue;
    const auto same_field = std::count_if(named.begin(), named.end(), [&](const auto& other) {
      return std::find(other.second.begin(), other.second.end(), names.front()) != other.second.end();
    });
    if (same_field != 1) continue;
    const std::size_t label = *cell_to_the_left(cells, cell);
    found.push_back({names.front(), label, cell, cells[label].text, std::string(), std::nullopt, true});
  }
  return found;
}

std::vector<LabelledCell> pair_values_by_their_place(const std::vector<CellText>& cells,
                                                     const std::vector<LabelledCell>& pairs,
                                                     const std::vector<FieldModel>& fields) {
  std::vector<const LabelledCell*> found(fields.size(), nullptr);
  std::vector<bool> paired(cells.size(), false);
  for (const LabelledCell& pair : pairs) {
    paired[pair.label_cell] = true;
    if (pair.value_cell) paired[*pair.value_cell] = true;
    for (std::size_t k = 0; k < fields.size(); ++k)
      if (fields[k].id == pair.field->id) found[k] = &pair;
  }
  std::vector<LabelledCell> named;
  for (std::size_t first = 1; first + 1 < fields.size(); ++first) {
    if (found[first] || !found[first - 1]) continue;
    std::size_t end = first;  // one past the run of missing fields
    while (end < fields.size() && !found[end]) ++end;
    if (end == fields.size()) break;
    const LabelledCell& before = *found[first - 1];
    const LabelledCell& after = *found[end];
    // The cells between the two found labels' own cells: a shared value cell (value_region) has no place of its own.
    if (before.value_region || after.value_region) continue;
    const std::size_t from = before.value_cell.value_or(before.label_cell) + 1;
    const std::size_t run = end - first;
    if (after.label_cell < from || after.label_cell - from != 2 * run) continue;
    std::vector<LabelledCell> run_pairs;
    for (std::size_t k = 0; k < run; ++k) {
      const std::size_t label = from + 2 * k, value = label + 1;
      if (paired[label] || paired[value] || cell_to_the_right(cells, label) != value ||
          is_label_text(cells[label].text, fields) || is_label_text(cells[value].text, fields))
        break;
      LabelledCell pair{&fields[first + k], label, value, cells[label].text};
      pair.named_by_place = true;
      run_pairs.push_back(std::move(pair));
    }
    if (run_pairs.size() == run) named.insert(named.end(), run_pairs.begin(), run_pairs.end());
    first = end;
  }
  return named;
}

}  // namespace intake
