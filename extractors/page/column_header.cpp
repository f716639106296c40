#include "extractors/page/column_header.h"

#include <algorithm>
#include <cstddef>
#include <optional>

namespace intake {
namespace {

std::optional<std::size_t> model_index(const std::string& id, const std::vector<FieldModel>& columns) {
  const auto it = std::find_if(columns.begin(), columns.end(), [&](const FieldModel& c) { return c.id == id; });
  if (it == columns.end()) return std::nullopt;
  return static_cast<std::size_t>(it - columns.begin());
}

}  // namespace

std::vector<std::string> complete_column_header(std::vector<std::string> header,
                                                const std::vector<FieldModel>& columns) {
  // Anchors: (grid column, model column) of every recognised label, with sentinels before and after the table.
  struct Anchor {
    std::ptrdiff_t grid;
    std::ptrdiff_t model;
  };
  std::vector<Anchor> anchors{{-1, -1}};
  for (std::size_t grid = 0; grid < header.size(); ++grid) {
    if (header[grid].empty()) continue;
    const auto model = model_index(header[grid], columns);
    if (!model) continue;
    if (static_cast<std::ptrdiff_t>(*model) <= anchors.back().model) return header;  // out of order: no guessing
    anchors.push_back({static_cast<std::ptrdiff_t>(grid), static_cast<std::ptrdiff_t>(*model)});
  }
  if (anchors.size() == 1) return header;
  anchors.push_back({std::ssize(header), std::ssize(columns)});
  for (std::size_t i = 0; i + 1 < anchors.size(); ++i) {
    const Anchor from = anchors[i], to = anchors[i + 1];
    const std::ptrdiff_t grid_gap = to.grid - from.grid - 1;
    const std::ptrdiff_t model_gap = to.model - from.model - 1;
    if (grid_gap <= 0 || grid_gap != model_gap) continue;
    bool all_unknown = true;
    for (std::ptrdiff_t g = from.grid + 1; g < to.grid; ++g)
      all_unknown = all_unknown && header[static_cast<std::size_t>(g)].empty();
    if (!all_unknown) continue;
    for (std::ptrdiff_t k = 1; k <= grid_gap; ++k)
      header[static_cast<std::size_t>(from.grid + k)] = columns[static_cast<std::size_t>(from.model + k)].id;
  }
  return header;
}

}  // namespace intake
