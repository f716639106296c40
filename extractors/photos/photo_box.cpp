#include "extractors/photos/photo_box.h"

#include <fmt/format.h>

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace intake {

std::optional<cv::Rect> find_photo_cell(const TableGrid& table) {
  if (table.column_edges.size() < 2) return std::nullopt;
  const int last_column = static_cast<int>(table.column_edges.size()) - 2;
  std::optional<cv::Rect> found;
  for (const TableCell& cell : table.cells) {
    if (cell.row != 0 || cell.column + cell.column_span - 1 != last_column || cell.row_span < 2) continue;
    if (cell.box.height < 0.8 * cell.box.width) continue;
    if (!found || cell.box.area() > found->area()) found = cell.box;
  }
  return found;
}

PhotoBoxVerdict check_photo_box(const cv::Mat& page, const cv::Rect& cell, FaceDetector& detector,
                                const PhotoBoxOptions& options) {
  PhotoBoxVerdict verdict;
  const cv::Rect inside = cell & cv::Rect(0, 0, page.cols, page.rows);
  if (inside.area() == 0) return verdict;
  const cv::Mat box = page(inside);
  verdict.dark_share = static_cast<double>(cv::countNonZero(box < options.dark_level)) / box.total();
  verdict.photo = verdict.dark_share >= options.min_photo_share;
  if (!verdict.photo) return verdict;
  const double extremes = static_cast<double>(cv::countNonZero(box <= 5) + cv::countNonZero(box >= 250)) / box.total();
  if (extremes >= options.bitonal_share) return verdict;
  verdict.faces = static_cast<int>(detector.detect(box).size());
  return verdict;
}

std::vector<PhotoBoxFinding> photo_box_findings(const std::vector<PhotoBoxRead>& copies) {
  std::vector<PhotoBoxFinding> findings;
  const auto empty = std::count_if(copies.begin(), copies.end(), [](const PhotoBoxRead& b) { return !b.photo; });
  const auto faceless = std::count_if(copies.begin(), copies.end(),
                                      [](const PhotoBoxRead& b) { return b.photo && b.faces == 0; });
  const auto crowded = std::count_if(copies.begin(), copies.end(), [](const PhotoBoxRead& b) { return b.faces > 1; });
  const auto of = [&](std::ptrdiff_t count) {
    return copies.size() == 1 ? std::string() : fmt::format(" on {} of {} copies", count, copies.size());
  };
  if (empty)
    findings.push_back({"photo_missing", "no_photo", fmt::format("no photo in the photo box (照片){}: notice 七 asks for a printed "
                                                     "2-inch photo in each form",
                                                     of(empty))});
  if (faceless)
    findings.push_back({"photo_face", "no_face", fmt::format("the photo in the photo box shows no face{}", of(faceless))});
  if (crowded)
    findings.push_back({"photo_face", "several_faces", fmt::format("the photo in the photo box shows more than one face{}", of(crowded))});
  return findings;
}

}  // namespace intake
