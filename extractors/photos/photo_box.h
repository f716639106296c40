#pragma once
// The photo box of a printed 附件3/附件6 (照片): notice 七 asks for printed 2-inch photos, one glued in each form.
// The box is the cell at the right end of the form's first rows that spans several of them; it holds a photo when a
// good part of it is darker than paper (hair, jacket, eyes — a pasted-over 照片 label has a few strokes), and the
// photo should show one face. A pure function over the cleaned page.
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "extractors/page/page_read.h"
#include "extractors/photos/face_detector.h"
#include "pipeline/layout/table_grid.h"

namespace intake {

struct PhotoBoxOptions {
  // Grey level (flattened paper is ~255) below which a pixel is part of a picture, not of the paper.
  int dark_level = 170;
  // A photo darkens more than this share of the box; the printed label alone about 1 %.
  double min_photo_share = 0.08;
  // A box whose pixels are this nearly all black or white comes from a 1-bit scan: no face can be told there.
  double bitonal_share = 0.97;
};

struct PhotoBoxVerdict {
  bool photo = false;
  double dark_share = 0;
  int faces = -1;  // faces found in the photo; -1 when not measured (no photo, or a 1-bit scan)
};

// The photo box of a record form's table: the cell ending at the table's right edge, in its first row, spanning two
// rows or more and at least as tall as 0.8 of its width (a portrait). Nothing when the table has none.
std::optional<cv::Rect> find_photo_cell(const TableGrid& table);

// `page`: the cleaned grey page (CV_8UC1), `cell` the box inside its rulings.
PhotoBoxVerdict check_photo_box(const cv::Mat& page, const cv::Rect& cell, FaceDetector& detector,
                                const PhotoBoxOptions& options = {});

// What the photo boxes of one document's paper copies say, as findings' rule (photo_missing, photo_face) and
// message; empty when every box read holds a photo with one face. Boxes not measured (1-bit scans) count as fine.
struct PhotoBoxFinding {
  std::string rule;
  std::string problem;  // no_photo | no_face | several_faces
  std::string message;
};
std::vector<PhotoBoxFinding> photo_box_findings(const std::vector<PhotoBoxRead>& copies);

}  // namespace intake
