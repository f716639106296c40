#pragma once
// Nearest vocabulary entry for a misread word (汊族 → 汉族), only when the answer is unambiguous.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace intake {

// Levenshtein distance over code points: one misread Chinese character is one edit, not three.
int edit_distance(std::u32string_view a, std::u32string_view b);

struct Snap {
  std::string entry;  // the vocabulary entry, as the vocabulary writes it
  int distance = 0;
};

// The one entry nearest to `text` when its distance is at most `max_distance` and no other entry is as near;
// nullopt when none is near enough or several tie. Compares code points, as given (callers strip spaces first).
std::optional<Snap> snap_to_vocabulary(std::u32string_view text, std::span<const std::string> vocabulary,
                                       int max_distance);

// As above for several readings of one text (汊 and 汊族): an entry's distance is its least over the readings.
std::optional<Snap> snap_to_vocabulary(std::span<const std::u32string> readings,
                                       std::span<const std::string> vocabulary, int max_distance);

}  // namespace intake
