#include "pipeline/layout/rulings_under_seals.h"

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

// A seal's disc, a little beyond its ring: the ring's ragged outer edge and the scan's blur.
constexpr double disc_reach = 1.05;

// `rulings` less its components that lie inside `discs` and meet nothing of `plain` (the rulings found without the
// seal's ink), within a pixel or two: a deskewed ruling found twice may shift by one.
void drop_seal_strokes(cv::Mat& rulings, const cv::Mat& plain, const cv::Mat& discs) {
  cv::Mat labels;
  const int count = cv::connectedComponents(rulings, labels, 8, CV_32S);
  if (count <= 1) return;
  cv::Mat near_plain;
  cv::dilate(plain, near_plain, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
  std::vector<bool> keep(static_cast<std::size_t>(count), false);
  for (int y = 0; y < labels.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    const unsigned char* disc = discs.ptr<unsigned char>(y);
    const unsigned char* found = near_plain.ptr<unsigned char>(y);
    for (int x = 0; x < labels.cols; ++x)
      if (label[x] > 0 && (disc[x] == 0 || found[x] != 0)) keep[static_cast<std::size_t>(label[x])] = true;
  }
  for (int y = 0; y < labels.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    unsigned char* ruling = rulings.ptr<unsigned char>(y);
    for (int x = 0; x < labels.cols; ++x)
      if (label[x] > 0 && !keep[static_cast<std::size_t>(label[x])]) ruling[x] = 0;
  }
}

}  // namespace

PageRulings rulings_under_seals(const cv::Mat& binary, const cv::Mat& seal_mask, const std::vector<SealMark>& seals,
                                int dpi) {
  if (seal_mask.empty() || seal_mask.size() != binary.size() || seals.empty()) return find_rulings(binary, dpi);
  cv::Mat with_seals = binary.clone();
  with_seals.setTo(0, seal_mask);
  PageRulings rulings = find_rulings(with_seals, dpi);
  const PageRulings plain = find_rulings(binary, dpi);
  cv::Mat discs = cv::Mat::zeros(binary.size(), CV_8UC1);
  for (const SealMark& seal : seals)
    cv::circle(discs, cv::Point(cvRound(seal.centre.x), cvRound(seal.centre.y)),
               static_cast<int>(std::ceil(disc_reach * seal.radius)) + 2, 255, cv::FILLED);
  drop_seal_strokes(rulings.horizontal, plain.horizontal, discs);
  drop_seal_strokes(rulings.vertical, plain.vertical, discs);
  return rulings;
}

}  // namespace intake
