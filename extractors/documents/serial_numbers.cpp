#include "extractors/documents/serial_numbers.h"

namespace intake {
namespace {

// The number the rows around `row` leave for it, when they agree on one.
std::optional<long> expected_number(const std::vector<std::optional<long>>& read, std::size_t row) {
  const auto at = [&](std::size_t i) -> std::optional<long> { return i < read.size() ? read[i] : std::nullopt; };
  const std::optional<long> before = row >= 1 ? at(row - 1) : std::nullopt;
  const std::optional<long> after = at(row + 1);
  if (before && after) return *after - *before == 2 ? std::optional<long>(*before + 1) : std::nullopt;
  // At an end of the table (or beside an unread row) two rows on one side must count on by one.
  if (after && at(row + 2) && *at(row + 2) - *after == 1) return *after - 1;
  if (before && row >= 2 && at(row - 2) && *before - *at(row - 2) == 1) return *before + 1;
  return std::nullopt;
}

}  // namespace

std::vector<SerialRepair> repair_serial_numbers(const std::vector<std::optional<long>>& read) {
  std::vector<SerialRepair> repairs;
  for (std::size_t row = 0; row < read.size(); ++row) {
    const std::optional<long> expected = expected_number(read, row);
    // A serial number starts at 1: a neighbour read as 1 leaves no row 0 before it.
    if (!expected || *expected < 1 || read[row] == expected) continue;
    repairs.push_back({row, *expected});
  }
  return repairs;
}

}  // namespace intake
