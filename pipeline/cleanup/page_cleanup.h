#pragma once
// Page cleanup (issue 4, stage 1): turns a decoded scan into the page every later stage reads — upright,
// deskewed, paper flattened to white, scanner edges and lid shadow painted out, red seal ink lifted off the text
// — plus a binary image for Tesseract and line finding, where the seals were, whether the page is blank, and the
// exact map back to the scan's pixels (boxes are reported in original pixels).
//
// Order, and why:
//  1. On a reduced copy of the scan (scanner frame): find the dark border bands (they are aligned with the
//     scanner, not the page), then the skew with the bands masked out, and on colour scans the seal-sized red
//     blobs — the only parts of a colour page ever read in colour again.
//  2. One full-resolution warp of the grey page undoes the skew on a canvas grown to keep the whole page
//     (corners filled with the paper tone). A skew under `min_skew_degrees` is left alone: a resample blurs more
//     than it gains.
//  3. Orientation on the deskewed page; a quarter turn is an exact pixel permutation (cv::rotate), no resample.
//  4. Paper estimate → flatten; border bands painted white; seal ink found and removed; Sauvola binarisation
//     and speckle removal; blank-page test.
// Sub-stages live in their own files (deskew.h, orientation.h, border.h, illumination.h, seals.h, binarize.h,
// blank_page.h) and can be used alone.
//
// Thread-safe (no shared state) when the scorer is. OpenCV's own thread pool is used as configured by the caller;
// the timings in docs/DESIGN.md are for one thread (cv::setNumThreads(1)), as a worker per core runs it.
#include <opencv2/core.hpp>
#include <vector>

#include "pipeline/cleanup/binarize.h"
#include "pipeline/cleanup/blank_page.h"
#include "pipeline/cleanup/border.h"
#include "pipeline/cleanup/deskew.h"
#include "pipeline/cleanup/illumination.h"
#include "pipeline/cleanup/orientation.h"
#include "pipeline/cleanup/seals.h"
#include "pipeline/page_decoder.h"

namespace intake {

struct CleanupOptions {
  DeskewOptions deskew;
  OrientationOptions orientation;
  BorderOptions border;
  IlluminationOptions illumination;
  SealOptions seal;
  BinarizeOptions binarize;
  BlankOptions blank;
  // Turn the page upright. Off for sources known to be upright (rendered PDFs): saves ~10 ms and a wrong turn.
  bool correct_orientation = true;
  // Measure and undo skew. Off for rendered PDFs, which have none.
  bool correct_skew = true;
  // Skews smaller than this are left: a resample softens every stroke, and 0.05° moves a 170 mm ruling by 0.15 mm.
  double min_skew_degrees = 0.05;
  // Cubic instead of linear interpolation for the deskew warp: slightly crisper strokes, ~2× the warp's time.
  bool cubic = false;
  // Rulings of a deskewed 1-bit scan are looked for where the warp left it no lighter than this. Where a
  // one-pixel ruling steps to the next column (every 170 px at 0.34°) the warp spreads it over two pixels of ~128,
  // and the binary's cut at 127 broke every thin vertical ruling of such a page into dashes, merging its label
  // and value columns. The binary itself keeps the cut at 127: bolder text lines run into each other.
  int one_bit_ruling_level = 160;
};

// UprightScorer (orientation.h): scores how upright a grey text strip looks, higher = more likely upright; supplied
// by the OCR layer. Optional: without it up and down are told from layout cues.

struct CleanPage {
  int dpi = 0;
  int rotation = 0;                   // 0, 90, 180, 270: clockwise degrees applied to make the page upright
  double skew_degrees = 0;            // the skew that was corrected (counter-clockwise positive, as it was on the scan)
  double orientation_confidence = 0;  // 0–1; low means the page was left as it came or the turn is a guess
  bool blank = false;                 // a blank page (duplex back side, empty sheet): no further processing
  cv::Mat grey;                       // upright, deskewed, illumination-flattened, seal ink REMOVED (for OCR)
  cv::Mat binary;                     // 0 = ink, 255 = paper, from `grey`, suited to Tesseract and to line finding
  cv::Mat seal_mask;                  // 255 where seal ink was found (same size), empty when none
  // Where table rulings are looked for, when not `binary` (empty then): on a deskewed 1-bit scan, every pixel the
  // warp left partly inked (see one_bit_ruling_level).
  cv::Mat ruling_binary;
  std::vector<SealMark> seals;
  cv::Mat to_original;  // 2×3 CV_64F affine: clean-page pixel → decoded-page pixel
  // Maps a clean-page box back to decoded-page pixels (bounding box of the 4 mapped corners).
  cv::Rect original_box(const cv::Rect& clean_box) const;
};

// `page.image`: CV_8UC1 or CV_8UC3 BGR. A page without a usable resolution is treated as 300 dpi.
CleanPage clean_page(const DecodedPage& page, const CleanupOptions& options = {}, const UprightScorer& scorer = {});

}  // namespace intake
