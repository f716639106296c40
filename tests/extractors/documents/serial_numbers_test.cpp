#include "extractors/documents/serial_numbers.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

using Reads = std::vector<std::optional<long>>;

std::vector<std::pair<std::size_t, long>> repairs(const Reads& read) {
  std::vector<std::pair<std::size_t, long>> out;
  for (const SerialRepair& r : repair_serial_numbers(read)) out.emplace_back(r.row, r.number);
  return out;
}

using Pairs = std::vector<std::pair<std::size_t, long>>;

TEST(SerialNumbers, ACountedTableNeedsNothing) {
  EXPECT_TRUE(repairs({1, 2, 3, 4}).empty());
  EXPECT_TRUE(repairs({}).empty());
  EXPECT_TRUE(repairs({7}).empty());
}

TEST(SerialNumbers, AMisreadNumberBetweenTwoRowsTakesTheOneTheyLeave) {
  EXPECT_EQ(repairs({1, 3, 3, 4}), (Pairs{{1, 2}}));
  EXPECT_EQ(repairs({1, 2, 8, 4, 5}), (Pairs{{2, 3}}));
}

TEST(SerialNumbers, AtEitherEndTwoRowsCountingOnDecide) {
  EXPECT_EQ(repairs({1, 2, 3, 2}), (Pairs{{3, 4}}));
  EXPECT_EQ(repairs({7, 2, 3, 4}), (Pairs{{0, 1}}));
  // A table continued from the page before starts anywhere.
  EXPECT_TRUE(repairs({6, 7, 8}).empty());
}

TEST(SerialNumbers, AnUnreadNumberIsCountedWhenTheRowsLeaveRoom) {
  EXPECT_EQ(repairs({1, std::nullopt, 3}), (Pairs{{1, 2}}));
}

TEST(SerialNumbers, ARowTheNeighboursLeaveNoRoomForIsLeftAlone) {
  // A wrapped line read as a row of its own: nothing to number it with, and its neighbours stay as read.
  EXPECT_TRUE(repairs({1, 2, std::nullopt, 3, 4}).empty());
  // Neighbours that disagree with each other decide nothing.
  EXPECT_TRUE(repairs({1, 5, 2}).empty());
  // No row 0 before a row numbered 1.
  EXPECT_TRUE(repairs({5, 1, 2}).empty());
}

}  // namespace
}  // namespace intake
