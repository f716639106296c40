#include "extractors/normalise/vocabulary_snap.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "models/utf8.h"

namespace intake {

int edit_distance(std::u32string_view a, std::u32string_view b) {
  // One row of the Wagner–Fischer table at a time.
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::optional<Snap> snap_to_vocabulary(std::u32string_view text, std::span<const std::string> vocabulary,
                                       int max_distance) {
  const std::u32string readings[] = {std::u32string(text)};
  return snap_to_vocabulary(readings, vocabulary, max_distance);
}

std::optional<Snap> snap_to_vocabulary(std::span<const std::u32string> readings,
                                       std::span<const std::string> vocabulary, int max_distance) {
  std::optional<Snap> best;
  bool tied = false;
  for (const std::string& entry : vocabulary) {
    const std::u32string candidate = utf8_decode(entry);
    int distance = max_distance + 1;
    for (const std::u32string& text : readings) {
      // The distance is at least the difference in length: skip the table when that alone is too far.
      const auto length_gap = static_cast<int>(candidate.size() > text.size() ? candidate.size() - text.size()
                                                                              : text.size() - candidate.size());
      if (length_gap <= max_distance) distance = std::min(distance, edit_distance(text, candidate));
    }
    if (distance > max_distance) continue;
    if (!best || distance < best->distance) {
      best = Snap{entry, distance};
      tied = false;
    } else if (distance == best->distance && entry != best->entry) {
      tied = true;
    }
  }
  if (tied) return std::nullopt;
  return best;
}

}  // namespace intake
