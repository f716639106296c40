#include "pipeline/layout/table_grid.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <opencv2/imgproc.hpp>
#include <random>

#include "support/fixtures.h"

namespace intake {
namespace {

// A form-like table in millimetres: 6 rows, 4 columns, with a merged label cell spanning rows 4–5 and a value
// cell spanning columns 1–3 in rows 3, 4 and 5, a photo box spanning rows 0–2 in column 3. Text fills cells.
struct DrawnTable {
  cv::Mat page;
  int dpi;
  std::vector<int> row_mm{40, 52, 64, 76, 120, 160, 200};
  std::vector<int> column_mm{20, 45, 100, 150, 190};
};

DrawnTable draw_table(int dpi, unsigned seed, int thickness) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> jitter(-2, 2);
  DrawnTable table{cv::Mat(dpi * 297 / 25, dpi * 210 / 25, CV_8UC1, cv::Scalar(255)), dpi};
  for (int& r : table.row_mm) r += jitter(random);
  for (std::size_t c = 1; c + 1 < table.column_mm.size(); ++c) table.column_mm[c] += jitter(random);
  auto px = [&](double mm) { return static_cast<int>(mm * dpi / 25.4); };
  const auto& R = table.row_mm;
  const auto& C = table.column_mm;
  auto hline = [&](int row, int from_col, int to_col) {
    cv::line(table.page, {px(C[from_col]), px(R[row])}, {px(C[to_col]), px(R[row])}, 0, thickness);
  };
  auto vline = [&](int col, int from_row, int to_row) {
    cv::line(table.page, {px(C[col]), px(R[from_row])}, {px(C[col]), px(R[to_row])}, 0, thickness);
  };
  // Outer frame.
  hline(0, 0, 4);
  hline(6, 0, 4);
  vline(0, 0, 6);
  vline(4, 0, 6);
  // Rows 0–2: four columns, the last (photo box) spans rows 0–2.
  for (int row = 1; row <= 3; ++row) hline(row, 0, row == 3 ? 4 : 3);
  for (int col = 1; col <= 3; ++col) vline(col, 0, 3);
  // Rows 3–5: a label column and one wide value cell; the label of rows 4–5 is merged.
  hline(4, 0, 4);
  hline(5, 1, 4);
  vline(1, 3, 6);
  // Text in cells, and a big title above the table whose strokes must not become rulings.
  cv::putText(table.page, "TITLE LINE", {px(30), px(30)}, cv::FONT_HERSHEY_SIMPLEX, dpi / 60.0, 0, dpi / 60);
  cv::putText(table.page, "name", {px(22), px(48)}, cv::FONT_HERSHEY_SIMPLEX, dpi / 200.0, 0, 2);
  cv::putText(table.page, "deeds", {px(22), px(150)}, cv::FONT_HERSHEY_SIMPLEX, dpi / 200.0, 0, 2);
  for (int line = 0; line < 8; ++line)
    cv::putText(table.page, "lorem ipsum dolor sit amet", {px(50), px(130 + 8 * line)}, cv::FONT_HERSHEY_SIMPLEX,
                dpi / 250.0, 0, 2);
  return table;
}

const TableCell* cell_at(const TableGrid& grid, int row, int column) {
  for (const auto& cell : grid.cells)
    if (cell.row == row && cell.column == column) return &cell;
  return nullptr;
}

TEST(TableGrid, FindsMergedCellsAtAnyResolution) {
  for (const int dpi : {200, 300}) {
    for (unsigned seed = 1; seed <= 4; ++seed) {
      const auto table = draw_table(dpi, seed, seed % 2 ? 2 : 4);
      const auto tables = find_tables(table.page, dpi);
      ASSERT_EQ(tables.size(), 1u) << dpi << " " << seed;
      const TableGrid& grid = tables[0];
      EXPECT_EQ(grid.row_edges.size(), 7u) << dpi << " " << seed;
      EXPECT_EQ(grid.column_edges.size(), 5u) << dpi << " " << seed;
      // 3 rows × 3 cells + photo box + 3 wide value cells + label of row 3 + merged label of rows 4–5.
      EXPECT_EQ(grid.cells.size(), 9u + 1 + 3 + 2) << dpi << " " << seed;
      const TableCell* photo = cell_at(grid, 0, 3);
      ASSERT_TRUE(photo);
      EXPECT_EQ(photo->row_span, 3);
      const TableCell* merged_label = cell_at(grid, 4, 0);
      ASSERT_TRUE(merged_label);
      EXPECT_EQ(merged_label->row_span, 2);
      const TableCell* wide_value = cell_at(grid, 3, 1);
      ASSERT_TRUE(wide_value);
      EXPECT_EQ(wide_value->column_span, 3);
    }
  }
}

TEST(TableGrid, ACellThatLeakedThroughAMissingRulingIsCutClearOfTheCellsItsBoxCovers) {
  // The ruling between the photo box and the wide value cell of row 3 is missing: their paper is one region,
  // whose box covers the name cells of rows 0–2 too. That region is cut to the wide value cell.
  for (const int dpi : {200, 300}) {
    auto table = draw_table(dpi, 3, 2);
    auto px = [&](double mm) { return static_cast<int>(mm * dpi / 25.4); };
    cv::line(table.page, {px(table.column_mm[3]) + 4, px(table.row_mm[3])},
             {px(table.column_mm[4]) - 4, px(table.row_mm[3])}, 255, 8);
    const auto tables = find_tables(table.page, dpi);
    ASSERT_EQ(tables.size(), 1u) << dpi;
    const TableGrid& grid = tables[0];
    for (std::size_t i = 0; i < grid.cells.size(); ++i)
      for (std::size_t j = i + 1; j < grid.cells.size(); ++j)
        EXPECT_EQ((grid.cells[i].box & grid.cells[j].box).area(), 0) << dpi << ": cells " << i << " and " << j;
    const TableCell* wide_value = cell_at(grid, 3, 1);
    ASSERT_TRUE(wide_value) << dpi;
    EXPECT_EQ(wide_value->row_span, 1) << dpi;
    EXPECT_EQ(wide_value->column_span, 3) << dpi;
    EXPECT_TRUE(cell_at(grid, 0, 1)) << dpi;  // the name cell keeps its place
  }
}

TEST(TableGrid, SurvivesBrokenRulingsOfA1BitScan) {
  auto table = draw_table(200, 7, 2);
  std::mt19937 random(7);
  std::uniform_int_distribution<int> x(0, table.page.cols - 1), y(0, table.page.rows - 1);
  for (int i = 0; i < 4000; ++i) table.page.at<unsigned char>(y(random), x(random)) = 255;  // pinholes
  const auto tables = find_tables(table.page, 200);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cells.size(), 15u);
}

TEST(TableGrid, JoinsRulingsALightScanBrokeAndADeskewTurnedIntoSteps) {
  // Hair-thin rulings, the horizontal ones with 1.5 mm dropouts, then a 0.4° turn without smoothing: each ruling is a
  // staircase of one-pixel steps, as a deskewed 1-bit page's are.
  auto table = draw_table(200, 5, 1);
  for (const int x : {250, 600, 1000, 1350}) cv::rectangle(table.page, cv::Rect(x, 0, 12, table.page.rows), 255, cv::FILLED);
  for (const int y : {360, 550, 700, 1100, 1400}) cv::rectangle(table.page, cv::Rect(0, y, table.page.cols, 4), 255, cv::FILLED);
  cv::Mat turned;
  const cv::Mat turn = cv::getRotationMatrix2D({table.page.cols / 2.0f, table.page.rows / 2.0f}, 0.4, 1.0);
  cv::warpAffine(table.page, turned, turn, table.page.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 255);
  const auto tables = find_tables(turned, 200);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].cells.size(), 15u);
  EXPECT_EQ(tables[0].row_edges.size(), 7u);
}

TEST(TableGrid, FollowsRulingsAFaintScanLeftInDashes) {
  // The label column's right ruling in rows 3–5 and most of the ruling under row 3 survive only as dashes, a third
  // of their ink, with gaps up to 4 mm: without them the labels and values of rows 3–5 are one cell.
  for (unsigned seed = 1; seed <= 3; ++seed) {
    auto table = draw_table(200, seed, 1);
    auto px = [&](double mm) { return static_cast<int>(mm * 200 / 25.4); };
    const cv::Point top(px(table.column_mm[1]), px(table.row_mm[3])), bottom(top.x, px(table.row_mm[6]));
    const cv::Point left(px(table.column_mm[0]), px(table.row_mm[4])), right(px(table.column_mm[4]), left.y);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> gap(5, 30), dash(5, 10);
    auto redraw_dashed = [&](cv::Point from, cv::Point to) {
      cv::line(table.page, from, to, 255, 3);
      const bool down = from.x == to.x;
      for (int at = (down ? from.y : from.x) + gap(random); at < (down ? to.y : to.x); at += gap(random)) {
        const int length = dash(random);
        cv::line(table.page, down ? cv::Point(from.x, at) : cv::Point(at, from.y),
                 down ? cv::Point(from.x, at + length) : cv::Point(at + length, from.y), 0, 1);
        at += length;
      }
    };
    redraw_dashed(top + cv::Point(0, 3), bottom - cv::Point(0, 3));
    redraw_dashed(left + cv::Point(3, 0), right - cv::Point(px(30), 0));
    const auto tables = find_tables(table.page, 200);
    ASSERT_EQ(tables.size(), 1u) << seed;
    EXPECT_EQ(tables[0].cells.size(), 15u) << seed;
    EXPECT_EQ(tables[0].row_edges.size(), 7u) << seed;
    const TableCell* merged_label = cell_at(tables[0], 4, 0);
    ASSERT_TRUE(merged_label) << seed;
    EXPECT_EQ(merged_label->row_span, 2) << seed;
  }
}

TEST(TableGrid, DashesIntoAMergedCellThatLeadNowhereLeaveItMerged) {
  // From the end of the ruling under row 4's value, dashes run half way into the merged label of rows 4–5.
  auto table = draw_table(200, 2, 1);
  auto px = [&](double mm) { return static_cast<int>(mm * 200 / 25.4); };
  const int y = px(table.row_mm[5]), from = px(table.column_mm[1]) - 2, to = px(table.column_mm[0]) + 80;
  for (int x = from; x > to; x -= 18) cv::line(table.page, {x, y}, {x - 7, y}, 0, 1);
  const auto tables = find_tables(table.page, 200);
  ASSERT_EQ(tables.size(), 1u);
  const TableCell* merged_label = cell_at(tables[0], 4, 0);
  ASSERT_TRUE(merged_label);
  EXPECT_EQ(merged_label->row_span, 2);
}

TEST(TableGrid, APageOfTextHasNoTable) {
  cv::Mat page(2339, 1654, CV_8UC1, cv::Scalar(255));
  for (int line = 0; line < 40; ++line)
    cv::putText(page, "The quick brown fox jumps over the lazy dog", {100, 150 + 50 * line},
                cv::FONT_HERSHEY_SIMPLEX, 1.2, 0, 3);
  EXPECT_TRUE(find_tables(page, 200).empty());
}

TEST(TableGrid, CellImagesHaveTheRulingsRemoved) {
  const auto table = draw_table(300, 3, 3);
  const PageRulings rulings = find_rulings(table.page, 300);
  const auto tables = tables_from_rulings(rulings, 300);
  ASSERT_EQ(tables.size(), 1u);
  const TableCell* photo = cell_at(tables[0], 0, 3);
  ASSERT_TRUE(photo);
  // Grown by a few pixels into the rulings, the crop must still be blank paper.
  cv::Rect grown = photo->box;
  grown -= cv::Point(6, 6);
  grown += cv::Size(12, 12);
  EXPECT_EQ(cv::countNonZero(cell_image(table.page, rulings, grown) < 128), 0);
}

// A sans face's horizontal strokes line up across a line of text (三级主任科员: 三's top stroke, 级's, 主's, 任's),
// and bridged over the gaps between glyphs as a faint ruling's dashes are, they make a run as long as a narrow
// cell's edge. Meeting no vertical ruling, it is no ruling, and the cell's image keeps the strokes.
TEST(TableGrid, AlignedStrokesOfALineOfTextAreNoRuling) {
  const int dpi = 200;
  auto table = draw_table(dpi, 5, 2);
  const auto px = [&](double mm) { return static_cast<int>(mm * dpi / 25.4); };
  cv::Mat text = testing::render_text("三级主任科员三级主任科员", "Noto Sans CJK SC", 12, dpi);
  const cv::Rect at(px(table.column_mm[1] + 4), px(table.row_mm[3] + 2), text.cols, text.rows);
  ASSERT_LT(at.br().x, px(table.column_mm[4]));
  ASSERT_LT(at.br().y, px(table.row_mm[4]));
  cv::Mat target = table.page(at);
  cv::min(target, text, target);
  cv::Mat binary;
  cv::threshold(table.page, binary, 160, 255, cv::THRESH_BINARY);
  cv::Rect glyphs = cv::boundingRect(binary(at) < 128) + at.tl();

  TableOptions bridged;
  bridged.min_free_horizontal_inches = 0;
  ASSERT_GT(cv::countNonZero(find_rulings(binary, dpi, bridged).horizontal(glyphs)), 0)
      << "the strokes were not bridged into a run: the page does not test the filter";
  const PageRulings rulings = find_rulings(binary, dpi);
  EXPECT_EQ(cv::countNonZero(rulings.horizontal(glyphs)), 0);
  EXPECT_EQ(cv::countNonZero(cell_image(binary, rulings, glyphs) < 128), cv::countNonZero(binary(glyphs) < 128));
  // The table's own rulings stay.
  const auto tables = tables_from_rulings(rulings, dpi);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_TRUE(cell_at(tables[0], 3, 1));
}

// Not a check (timings depend on the machine): prints find_tables' CPU time per page on one thread, for the drawn
// table clean and as a faint 1-bit scan leaves it (pinholes, hairline rulings in dashes).
// Run with --gtest_also_run_disabled_tests --gtest_filter='*Timing*'.
TEST(TableGridTiming, DISABLED_MillisecondsPerPageOnOneThread) {
  const int threads = cv::getNumThreads();
  cv::setNumThreads(1);
  for (const int dpi : {200, 300})
    for (const bool faint : {false, true}) {
      auto table = draw_table(dpi, 5, faint ? 1 : 3);
      if (faint) {
        std::mt19937 random(5);
        std::uniform_int_distribution<int> x(0, table.page.cols - 1), y(0, table.page.rows - 1);
        for (int i = 0; i < 20000; ++i) table.page.at<unsigned char>(y(random), x(random)) = 255;
      }
      double cpu = 1e9;
      for (int run = 0; run < 5; ++run) {
        const std::clock_t start = std::clock();
        const auto tables = find_tables(table.page, dpi);
        cpu = std::min(cpu, 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
      }
      std::printf("%d dpi, %s: %.1f ms CPU (best of 5)\n", dpi, faint ? "faint 1-bit" : "clean", cpu);
    }
  cv::setNumThreads(threads);
}

}  // namespace
}  // namespace intake
