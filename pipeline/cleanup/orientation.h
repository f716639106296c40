#pragma once
// Which way up a (deskewed) page is: 0, 90, 180 or 270 degrees. Scans arrive sideways and upside down from
// feeders and from people who put the paper in however it came.
//
// Two questions, answered separately:
//  - sideways or not: text lines run along the page. Chinese glyphs are square, so their shape says nothing;
//    line spacing does. In small tiles of the text (rulings, frames and seal rings removed, glyphs merged by
//    pooling to 0.5 mm), rows between lines are empty and columns inside a line are not.
//  - upright or upside down: an OCR strip scorer when the caller has one (Tesseract reading a few text lines
//    both ways), else layout cues of Chinese forms and reports: the big title sits above the table (or near the
//    top of the text), the seal sits in the lower half, and content starts at the top margin.
// Thread-safe when the scorer is.
#include <functional>
#include <opencv2/core.hpp>

namespace intake {

// Scores how upright a grey text strip looks (higher = more likely upright); supplied by the OCR layer.
using UprightScorer = std::function<double(const cv::Mat& grey)>;

struct OrientationOptions {
  // Resolution for the layout measures: glyphs of 五号 text stay ~15 px, tiles stay cheap.
  double analysis_dpi = 100;
  // Glyphs are merged by OR-pooling to this cell; above the gap between glyphs of a line (~0.1 em), below the
  // gap between lines (≥ 0.3 em of 五号 = 1.1 mm).
  double pool_mm = 0.5;
  // Tile side for the line-direction vote: a few lines of text, small enough that table columns do not line up
  // into a rhythm of their own.
  double tile_mm = 24;
  // Mean tile vote (empty-row share minus empty-column share, in [-1, 1]) below which the page is not turned a
  // quarter: weak evidence keeps the scan as it came.
  double min_sideways_vote = 0.04;
  // Text strips handed to the scorer (the widest lines of ordinary height), each scored both ways up.
  int scorer_strips = 3;
  // A strip is a line at least this many times as long as it is high: three glyphs. The widest are scored first.
  // A form's page of opinion boxes has no line longer than a label's four characters (省评选表, 市（主管）; the
  // seal's date merges with its ring): at five glyphs it had no strip, and its seal, stamped in the first box above
  // the blank boxes' printed 年 月 日, made layout turn it upside down.
  double min_strip_length_ratio = 3;
  // A strip votes only when it reads as text one way up or the other (scorer units): short strips are often a
  // seal's arcs or a signature's fragments, which read as nothing either way or as a few characters by chance
  // (0 upright, 0.63 turned, beside 特此报告。 at 0.79 and 0.50, on a report's last page). Printed text reads
  // 0.9 and more the right way up.
  double min_readable_score = 0.7;
  // Strips are scored in turn, widest first, and once the summed difference (upright minus flipped, in the
  // scorer's units) reaches this the rest are skipped: one clear strip settles it, and each costs two OCR reads.
  // The Tesseract scorer (ocr/upright_scorer.h) scores in [0, 1] and puts the two ways of a strip of the sample
  // scans 0.29–0.9 apart (median 0.7). Infinity: always all `scorer_strips`.
  double scorer_decisive = 0.5;
  // The scorer decides only when the summed difference (upright minus flipped) is larger than this; otherwise
  // layout cues decide. A strip of the sample scans puts its two ways 0.29–0.9 apart; a short one can be read with
  // confidence upside down as well (特此报告。, four glyphs and a stop: 0.79 upright, 0.95 turned), which is no
  // evidence either way. 0: any difference.
  double scorer_margin = 0.2;
  // A line at least this many times the median line height is the title.
  double title_height_ratio = 1.35;
};

enum class FlipSource { none, scorer, layout };

struct OrientationEstimate {
  int rotation = 0;                // clockwise degrees to apply to make the page upright: 0, 90, 180 or 270
  double confidence = 0;           // 0–1, the weaker of the two answers below
  double sideways_confidence = 0;  // 0–1, how clear the line direction was
  double flip_confidence = 0;      // 0–1, how clear up from down was
  FlipSource flip_source = FlipSource::none;
};

// `grey`: CV_8UC1 deskewed page at `dpi`. `seals`: optional mask (any resolution, same frame) of where seals are,
// a cue for up and down (colour scans show them before any ring is fitted).
OrientationEstimate find_orientation(const cv::Mat& grey, double dpi, const OrientationOptions& options = {},
                                     const UprightScorer& scorer = {}, const cv::Mat& seals = {});

}  // namespace intake
