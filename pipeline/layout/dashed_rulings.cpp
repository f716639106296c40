#include "pipeline/layout/dashed_rulings.h"

#include <algorithm>
#include <climits>
#include <vector>

#include "pipeline/layout/run_components.h"

namespace intake {
namespace {

// One end of a ruling: `x` is the first column past it in `direction`, and [top, bottom] the rows it ends on.
struct RulingEnd {
  int x = 0;
  int top = 0;
  int bottom = 0;
  int direction = 1;
};

// Both ends of every ruling (eight-connected component of `along`). An end's rows are those of the runs that
// reach within two pixels of it: a deskewed ruling is a staircase, and its last step may be one row thin.
std::vector<RulingEnd> ruling_ends(const cv::Mat& along) {
  const std::vector<PixelRun> runs = row_runs(along);
  int count = 0;
  const std::vector<int> label = connect_runs(runs, true, &count);
  std::vector<int> left(static_cast<std::size_t>(count), INT_MAX), right(static_cast<std::size_t>(count), INT_MIN);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto component = static_cast<std::size_t>(label[i]);
    left[component] = std::min(left[component], runs[i].begin);
    right[component] = std::max(right[component], runs[i].end);
  }
  std::vector<RulingEnd> ends(2 * static_cast<std::size_t>(count));
  for (std::size_t c = 0; c < static_cast<std::size_t>(count); ++c) {
    ends[2 * c] = {left[c] - 1, INT_MAX, INT_MIN, -1};
    ends[2 * c + 1] = {right[c], INT_MAX, INT_MIN, 1};
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto component = static_cast<std::size_t>(label[i]);
    for (RulingEnd* end : {&ends[2 * component], &ends[2 * component + 1]}) {
      const bool reaches = end->direction < 0 ? runs[i].begin <= left[component] + 2 : runs[i].end >= right[component] - 2;
      if (!reaches) continue;
      end->top = std::min(end->top, runs[i].line);
      end->bottom = std::max(end->bottom, runs[i].line);
    }
  }
  return ends;
}

bool any_in_column(const cv::Mat& image, int x, int top, int bottom) {
  top = std::max(top, 0);
  bottom = std::min(bottom, image.rows - 1);
  for (int y = top; y <= bottom; ++y)
    if (image.at<unsigned char>(y, x) != 0) return true;
  return false;
}

struct DashedWalk {
  const cv::Mat& along;
  const cv::Mat& across;
  const cv::Mat& ink;
  int dash_gap;     // paper between two dashes, however short the way
  int widest_gap;   // paper past which the dashes are given up
  int margin;       // paper a dash has above and below it; a stroke of text crossing the rows has none
  int reach;        // how far a ruling across may stop short of the rows
  int step;         // how far a dash may stray from the end's rows: a turned ruling's staircase
  int crossing;     // the widest stroke across the rows taken for a dashed ruling crossing them
  int crossings_apart;  // how far apart such strokes must be: a character's strokes come several together

  // Where the dashes from `end` meet a ruling across them (or another piece of this ruling): that column, or -1
  // when they run into text, or are too sparse to be a ruling. A faint 1-bit ruling keeps a fifth to a third of
  // its ink, in dashes with gaps of several millimetres; so the gaps allowed grow with the way walked.
  int meet(const RulingEnd& end) const {
    const int top = end.top - step, bottom = end.bottom + step, d = end.direction;
    auto inside = [&](int x) { return x >= 0 && x < ink.cols; };
    auto met = [&](int x) {
      return any_in_column(across, x, top - reach, bottom + reach) || any_in_column(along, x, top, bottom);
    };
    auto dash = [&](int x) { return any_in_column(ink, x, top, bottom); };
    auto thin = [&](int x) {
      return !any_in_column(ink, x, top - margin, top - 1) && !any_in_column(ink, x, bottom + 1, bottom + margin);
    };
    int x = end.x;
    while (inside(x) && met(x)) x += d;  // the ruling across that this end stops on
    const int start = x;
    int inked = 0, gap = 0, widest = 0, crossing_width = 0, last_crossing = start - d * crossings_apart;
    for (; inside(x) && gap <= widest_gap; x += d) {
      if (met(x)) {
        const int walked = std::abs(x - start);
        // A ruling that goes on past the one it meets, in line with this one, is this ruling's far side: a
        // wider gap is let through between its two sides than into a cell that no ruling crosses.
        int past = x;
        while (inside(past) && std::abs(past - x) <= reach + crossing && !any_in_column(along, past, top, bottom))
          past += d;
        const bool goes_on = inside(past) && any_in_column(along, past, top, bottom);
        const int gap_allowed = std::max(dash_gap, walked / (goes_on ? 2 : 3));
        // No dashes, no ruling: bare paper up to a ruling across is as likely the end of a stroke of text.
        const bool dashed = inked * 5 >= walked && widest <= gap_allowed;
        return walked > 0 && dashed ? x : -1;
      }
      if (!dash(x)) {
        widest = std::max(widest, ++gap);
        continue;
      }
      if (thin(x)) {
        crossing_width = 0;
      } else {
        // Another dashed ruling, not found yet, crossing this one in a lone stroke a ruling wide.
        const bool lone = crossing_width > 0 || std::abs(x - last_crossing) >= crossings_apart;
        if (!lone || ++crossing_width > crossing) return -1;
        last_crossing = x;
      }
      ++inked;
      gap = 0;
    }
    return -1;
  }
};

// `along` continued through dashes to the rulings `across` it, along its rows.
void continue_along_rows(cv::Mat& along, const cv::Mat& across, const cv::Mat& ink, int dpi) {
  CV_Assert(along.type() == CV_8UC1 && across.size() == along.size() && ink.size() == along.size());
  const DashedWalk walk{.along = along,
                        .across = across,
                        .ink = ink,
                        .dash_gap = std::max(6, dpi / 5),        // 5 mm
                        .widest_gap = std::max(12, dpi / 2),     // 12.7 mm
                        .margin = std::max(2, dpi / 100),
                        .reach = std::max(3, dpi / 40),
                        .step = std::max(1, dpi / 200),
                        .crossing = std::max(3, dpi / 60),
                        .crossings_apart = dpi / 4};             // 6 mm
  // A ruling a line wide or two; a thicker run of ink is text set close (序号's tops on a turned page) or a frame.
  const int thickest = std::max(3, dpi / 50);
  cv::Mat continued = cv::Mat::zeros(along.size(), CV_8UC1);
  for (RulingEnd end : ruling_ends(along)) {
    if (end.bottom - end.top + 1 > thickest) continue;
    // A ruling dashed through several cells meets a ruling across it at each: walk on from every one met.
    for (int met = walk.meet(end); met >= 0; end.x = met, met = walk.meet(end)) {
      const int from = std::min(end.x, met), to = std::max(end.x, met);
      continued(cv::Range(end.top, end.bottom + 1), cv::Range(from, to)).setTo(255);
    }
  }
  along |= continued;
}

}  // namespace

void continue_dashed_horizontals(cv::Mat& horizontal, const cv::Mat& vertical, const cv::Mat& ink, int dpi) {
  continue_along_rows(horizontal, vertical, ink, dpi);
}

void continue_dashed_verticals(cv::Mat& vertical, const cv::Mat& horizontal, const cv::Mat& ink, int dpi) {
  cv::Mat along, across, ink_across;
  cv::transpose(vertical, along);
  cv::transpose(horizontal, across);
  cv::transpose(ink, ink_across);
  continue_along_rows(along, across, ink_across, dpi);
  cv::transpose(along, vertical);
}

}  // namespace intake
