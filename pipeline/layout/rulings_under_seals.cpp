#include "pipeline/layout/rulings_under_seals.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "pipeline/layout/run_components.h"

namespace intake {
namespace {

// A seal's disc, a little beyond its ring: the ring's ragged outer edge and the scan's blur.
constexpr double disc_reach = 1.05;
// A deskewed ruling found twice, with and without the seal's ink, may shift by a pixel or two.
constexpr int shift = 2;

// The rulings of one direction as run components, and which of them to keep. Worked on runs: a page's rulings are a
// few thousand runs, and labelling its ten million pixels had cost more than finding the rulings.
struct RulingComponents {
  std::vector<PixelRun> runs;
  std::vector<int> label;
  std::vector<bool> keep;

  explicit RulingComponents(const cv::Mat& rulings) : runs(row_runs(rulings)) {
    int count = 0;
    label = connect_runs(runs, true, &count);
    keep.assign(static_cast<std::size_t>(count), false);
  }
  // Keeps every component with a pixel where `keeps` (x, y) says so; true when some component is not kept yet.
  template <class Keeps>
  bool keep_where(Keeps keeps) {
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const auto component = static_cast<std::size_t>(label[i]);
      for (int x = runs[i].begin; x < runs[i].end && !keep[component]; ++x)
        if (keeps(x, runs[i].line)) keep[component] = true;
    }
    return std::find(keep.begin(), keep.end(), false) != keep.end();
  }
  void erase_the_rest(cv::Mat& rulings) const {
    for (std::size_t i = 0; i < runs.size(); ++i)
      if (!keep[static_cast<std::size_t>(label[i])])
        rulings.row(runs[i].line).colRange(runs[i].begin, runs[i].end).setTo(0);
  }
};

}  // namespace

PageRulings rulings_under_seals(const cv::Mat& binary, const cv::Mat& seal_mask, const std::vector<SealMark>& seals,
                                int dpi) {
  if (seal_mask.empty() || seal_mask.size() != binary.size() || seals.empty()) return find_rulings(binary, dpi);
  cv::Mat with_seals = binary.clone();
  with_seals.setTo(0, seal_mask);
  PageRulings rulings = find_rulings(with_seals, dpi);
  const cv::Rect page(0, 0, binary.cols, binary.rows);
  cv::Mat discs = cv::Mat::zeros(binary.size(), CV_8UC1);
  cv::Rect around;  // the discs, and the shift beyond them
  for (const SealMark& seal : seals) {
    const int radius = static_cast<int>(std::ceil(disc_reach * seal.radius)) + 2;
    const cv::Point centre(cvRound(seal.centre.x), cvRound(seal.centre.y));
    cv::circle(discs, centre, radius, 255, cv::FILLED);
    around |= cv::Rect(centre.x - radius - shift, centre.y - radius - shift, 2 * (radius + shift) + 1,
                       2 * (radius + shift) + 1);
  }
  around &= page;
  // A ruling that goes on outside every seal is a table line. Only one wholly inside a seal needs the rulings of
  // the page without the seal's ink, near it: those are found when there is such a ruling.
  RulingComponents horizontal(rulings.horizontal), vertical(rulings.vertical);
  const auto outside = [&](int x, int y) { return discs.at<unsigned char>(y, x) == 0; };
  const bool h_inside = horizontal.keep_where(outside), v_inside = vertical.keep_where(outside);
  if (h_inside || v_inside) {
    const PageRulings plain = find_rulings(binary, dpi);
    const cv::Mat square = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * shift + 1, 2 * shift + 1));
    cv::Mat near_h, near_v;
    cv::dilate(plain.horizontal(around), near_h, square);
    cv::dilate(plain.vertical(around), near_v, square);
    const auto near = [&](const cv::Mat& found) {
      return [&, found](int x, int y) {
        return around.contains({x, y}) && found.at<unsigned char>(y - around.y, x - around.x) != 0;
      };
    };
    if (h_inside) horizontal.keep_where(near(near_h));
    if (v_inside) vertical.keep_where(near(near_v));
  }
  horizontal.erase_the_rest(rulings.horizontal);
  vertical.erase_the_rest(rulings.vertical);
  return rulings;
}

}  // namespace intake
