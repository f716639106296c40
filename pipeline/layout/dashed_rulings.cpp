#include "pipeline/layout/dashed_rulings.h"

#include <algorithm>
#include <climits>
#include <vector>

#include "pipeline/layout/run_components.h"

namespace intake {
namespace {

// Which way the rulings run: along the rows (horizontal rulings) or down the columns (vertical ones). A position
// `along` the ruling is x for the first and y for the second; `across` it, the other.
enum class Axis { rows, columns };

// One end of a ruling: `along` is the first position past it in `direction`, and [top, bottom] the positions
// across that it ends on (rows of a horizontal ruling, columns of a vertical one).
struct RulingEnd {
  int along = 0;
  int top = 0;
  int bottom = 0;
  int direction = 1;
};

// Both ends of every ruling (eight-connected component of `rulings`). An end's positions across are those of the
// runs that reach within two pixels of it: a deskewed ruling is a staircase, and its last step may be one pixel
// thin. Worked on row runs either way: a vertical ruling is a stack of short runs.
std::vector<RulingEnd> ruling_ends(const cv::Mat& rulings, Axis axis) {
  const std::vector<PixelRun> runs = row_runs(rulings);
  int count = 0;
  const std::vector<int> label = connect_runs(runs, true, &count);
  struct Extent {
    int along_first, along_last, across_first, across_last;  // inclusive
  };
  auto extent = [axis](const PixelRun& run) {
    return axis == Axis::rows ? Extent{run.begin, run.end - 1, run.line, run.line}
                              : Extent{run.line, run.line, run.begin, run.end - 1};
  };
  std::vector<int> first(static_cast<std::size_t>(count), INT_MAX), last(static_cast<std::size_t>(count), INT_MIN);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto component = static_cast<std::size_t>(label[i]);
    const Extent e = extent(runs[i]);
    first[component] = std::min(first[component], e.along_first);
    last[component] = std::max(last[component], e.along_last);
  }
  std::vector<RulingEnd> ends(2 * static_cast<std::size_t>(count));
  for (std::size_t c = 0; c < static_cast<std::size_t>(count); ++c) {
    ends[2 * c] = {first[c] - 1, INT_MAX, INT_MIN, -1};
    ends[2 * c + 1] = {last[c] + 1, INT_MAX, INT_MIN, 1};
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto component = static_cast<std::size_t>(label[i]);
    const Extent e = extent(runs[i]);
    for (RulingEnd* end : {&ends[2 * component], &ends[2 * component + 1]}) {
      const bool reaches = end->direction < 0 ? e.along_first <= first[component] + 2 : e.along_last >= last[component] - 2;
      if (!reaches) continue;
      end->top = std::min(end->top, e.across_first);
      end->bottom = std::max(end->bottom, e.across_last);
    }
  }
  return ends;
}

// Whether `image` has ink at position `at` along, anywhere in [top, bottom] across.
bool any_across(const cv::Mat& image, Axis axis, int at, int top, int bottom) {
  top = std::max(top, 0);
  if (axis == Axis::rows) {
    bottom = std::min(bottom, image.rows - 1);
    for (int y = top; y <= bottom; ++y)
      if (image.at<unsigned char>(y, at) != 0) return true;
    return false;
  }
  bottom = std::min(bottom, image.cols - 1);
  const unsigned char* row = image.ptr<unsigned char>(at);
  return std::any_of(row + top, row + bottom + 1, [](unsigned char pixel) { return pixel != 0; });
}

struct DashedWalk {
  Axis axis;
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

  // Where the dashes from `end` meet a ruling across them (or another piece of this ruling): that position along,
  // or -1 when they run into text, or are too sparse to be a ruling. A faint 1-bit ruling keeps a fifth to a third
  // of its ink, in dashes with gaps of several millimetres; so the gaps allowed grow with the way walked.
  int meet(const RulingEnd& end) const {
    const int top = end.top - step, bottom = end.bottom + step, d = end.direction;
    const int length = axis == Axis::rows ? ink.cols : ink.rows;
    auto inside = [&](int x) { return x >= 0 && x < length; };
    auto in = [&](const cv::Mat& image, int x, int from, int to) { return any_across(image, axis, x, from, to); };
    auto met = [&](int x) { return in(across, x, top - reach, bottom + reach) || in(along, x, top, bottom); };
    auto dash = [&](int x) { return in(ink, x, top, bottom); };
    auto thin = [&](int x) { return !in(ink, x, top - margin, top - 1) && !in(ink, x, bottom + 1, bottom + margin); };
    int x = end.along;
    while (inside(x) && met(x)) x += d;  // the ruling across that this end stops on
    const int start = x;
    int inked = 0, dashes = 0, leading_gap = 0, gap = 0, widest = 0, crossing_width = 0;
    int last_crossing = start - d * crossings_apart;
    for (; inside(x) && gap <= widest_gap; x += d) {
      if (met(x)) {
        const int walked = std::abs(x - start);
        // A ruling that goes on past the one it meets, in line with this one, is this ruling's far side: a
        // wider gap is let through between its two sides than into a cell that no ruling crosses.
        int past = x;
        while (inside(past) && std::abs(past - x) <= reach + crossing && !in(along, past, top, bottom)) past += d;
        const bool goes_on = inside(past) && in(along, past, top, bottom);
        const int gap_allowed = std::max(dash_gap, walked / (goes_on ? 2 : 3));
        // No dashes, no ruling: bare paper up to a ruling across is as likely the end of a stroke of text. And
        // one dash clear of both ends of a way longer than a gap is as likely a stroke of a character in the cell
        // (办's, under a column's ruling that ends on the row above); a ruling broken once reaches one end.
        const bool one_stroke = dashes == 1 && walked > dash_gap && std::min(leading_gap, gap) > reach;
        const bool dashed = inked * 5 >= walked && widest <= gap_allowed && !one_stroke;
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
      if (inked == 0) leading_gap = gap;
      if (inked == 0 || gap > 0) ++dashes;
      ++inked;
      gap = 0;
    }
    return -1;
  }
};

// `along` (rulings running along `axis`) continued through dashes to the rulings `across` it.
void continue_rulings(cv::Mat& along, const cv::Mat& across, const cv::Mat& ink, int dpi, Axis axis) {
  CV_Assert(along.type() == CV_8UC1 && across.size() == along.size() && ink.size() == along.size());
  const DashedWalk walk{.axis = axis,
                        .along = along,
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
  for (RulingEnd end : ruling_ends(along, axis)) {
    if (end.bottom - end.top + 1 > thickest) continue;
    // A ruling dashed through several cells meets a ruling across it at each: walk on from every one met.
    for (int met = walk.meet(end); met >= 0; end.along = met, met = walk.meet(end)) {
      const cv::Range way(std::min(end.along, met), std::max(end.along, met)), width(end.top, end.bottom + 1);
      (axis == Axis::rows ? continued(width, way) : continued(way, width)).setTo(255);
    }
  }
  along |= continued;
}

}  // namespace

void continue_dashed_horizontals(cv::Mat& horizontal, const cv::Mat& vertical, const cv::Mat& ink, int dpi) {
  continue_rulings(horizontal, vertical, ink, dpi, Axis::rows);
}

void continue_dashed_verticals(cv::Mat& vertical, const cv::Mat& horizontal, const cv::Mat& ink, int dpi) {
  continue_rulings(vertical, horizontal, ink, dpi, Axis::columns);
}

}  // namespace intake
