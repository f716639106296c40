#include "extractors/page/record_cells.h"

#include <algorithm>
#include <set>

#include "extractors/layout/label_match.h"

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

}  // namespace

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
      auto value = cell_to_the_right(cells, i);
      // A label whose right neighbour is another whole label has its value below (a heading row), or none.
      if (value && matches[*value]) value.reset();
      if (!value) {
        value = cell_below(cells, i);
        if (value && matches[*value]) value.reset();
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

}  // namespace intake
