#pragma once
// Synthetic A4 scans for the cleanup tests, drawn with OpenCV so every test knows the truth it checks against:
// a big title above a ruled table with merged cells, rows of square "Chinese" glyphs (filled, hollow, 田/三/川-like
// strokes) started by a lowercase Latin word, paragraphs, a date block and a red round seal (ring, star, arc of
// small marks) stamped over black text the way ink is: multiplied, so text under the seal stays dark.
// Header-only because only *_test.cpp files are compiled into the test program.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace intake::testing {

struct PageSpec {
  int dpi = 200;
  unsigned seed = 1;
  bool title = true;
  bool table = true;
  bool paragraphs = true;
  bool seal = true;
  bool light_seal = false;  // a pink, under-inked stamp instead of a full red one
  // A report's last page: two lines of text at the top, the date block and seal right under them, a page number
  // at the foot and nothing else (title, table and paragraphs are not drawn).
  bool short_last_page = false;
};

struct SyntheticPage {
  cv::Mat image;  // CV_8UC3 BGR
  int dpi = 0;
  cv::Mat seal_ink;   // 255 where seal ink was drawn
  cv::Mat black_ink;  // 255 where black ink (text, rulings) was drawn
  cv::Point2f seal_centre;
  float seal_radius = 0;  // outer radius of the ring, px
  cv::Rect table;         // outer box of the table rulings
  cv::Rect title;         // box of the title line
};

class PageDrawer {
 public:
  PageDrawer(cv::Mat& image, cv::Mat& truth, int dpi, cv::RNG& rng)
      : image_(image), truth_(truth), ppm_(dpi / 25.4), rng_(rng) {}

  int px(double mm) const { return static_cast<int>(std::lround(mm * ppm_)); }
  cv::Point pt(double x_mm, double y_mm) const { return {px(x_mm), px(y_mm)}; }

  void line(double x0, double y0, double x1, double y1, double width_mm, cv::Scalar colour) {
    const int w = std::max(1, px(width_mm));
    cv::line(image_, pt(x0, y0), pt(x1, y1), colour, w, cv::LINE_AA);
    cv::line(truth_, pt(x0, y0), pt(x1, y1), 255, w, cv::LINE_8);
  }

  void rect(double x, double y, double w, double h, double stroke_mm, cv::Scalar colour) {
    const int t = stroke_mm <= 0 ? cv::FILLED : std::max(1, px(stroke_mm));
    cv::rectangle(image_, pt(x, y), pt(x + w, y + h), colour, t, cv::LINE_8);
    cv::rectangle(truth_, pt(x, y), pt(x + w, y + h), 255, t, cv::LINE_8);
  }

  // One square glyph in the em box at (x, y): shapes a Chinese character's ink takes at a glance.
  void glyph(double x, double y, double em, cv::Scalar colour) {
    const double m = em * 0.08, s = em - 2 * m, stroke = std::max(0.25, em * 0.07);
    const double gx = x + m, gy = y + m;
    switch (rng_.uniform(0, 6)) {
      case 0: rect(gx + s * 0.15, gy + s * 0.15, s * 0.7, s * 0.7, 0, colour); break;  // filled (dense glyph)
      case 1: rect(gx, gy, s, s, stroke, colour); break;                               // 口
      case 2:                                                                          // 田
        rect(gx, gy, s, s, stroke, colour);
        line(gx + s / 2, gy, gx + s / 2, gy + s, stroke, colour);
        line(gx, gy + s / 2, gx + s, gy + s / 2, stroke, colour);
        break;
      case 3:  // 三
        for (int i = 0; i < 3; ++i)
          line(gx, gy + s * (0.1 + 0.4 * i), gx + s, gy + s * (0.1 + 0.4 * i), stroke, colour);
        break;
      case 4:  // 川
        for (int i = 0; i < 3; ++i)
          line(gx + s * (0.1 + 0.4 * i), gy, gx + s * (0.1 + 0.4 * i), gy + s, stroke, colour);
        break;
      default:  // 十 with a hook
        line(gx, gy + s * 0.45, gx + s, gy + s * 0.45, stroke, colour);
        line(gx + s / 2, gy, gx + s / 2, gy + s, stroke, colour);
        line(gx + s / 2, gy + s, gx + s * 0.3, gy + s * 0.85, stroke, colour);
        break;
    }
  }

  // Lowercase Latin with ascenders and no descenders: upright, the ink mass sits low in the line box.
  double latin_word(double x, double y, double em, cv::Scalar colour) {
    static const char* const words[] = {"hdlk", "bdth", "kfld", "thbl", "dkhb"};
    const std::string word = words[rng_.uniform(0, 5)];
    const double cap_px = em * 0.8 * ppm_;
    const double scale = cap_px / 22.0;
    const int thickness = std::max(1, static_cast<int>(std::lround(cap_px / 9)));
    int baseline = 0;
    const cv::Size size = cv::getTextSize(word, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &baseline);
    const cv::Point origin(px(x), px(y + em * 0.9));
    cv::putText(image_, word, origin, cv::FONT_HERSHEY_SIMPLEX, scale, colour, thickness, cv::LINE_AA);
    cv::putText(truth_, word, origin, cv::FONT_HERSHEY_SIMPLEX, scale, 255, thickness, cv::LINE_8);
    return size.width / ppm_ + em * 0.3;
  }

  // A text line of `count` glyphs, with a Latin word at the start and after every six glyphs when `latin`,
  // ending before `limit_mm` (the right margin); returns its width in mm.
  double text_line(double x, double y, double em, int count, cv::Scalar colour, bool latin = true,
                   double limit_mm = 190) {
    double cursor = x;
    for (int i = 0; i < count && cursor + 4 * em < limit_mm; ++i) {
      if (latin && i % 6 == 0) {
        cursor += latin_word(cursor, y, em, colour);
        ++i;
      }
      glyph(cursor, y, em, colour);
      cursor += em;
    }
    return cursor - x;
  }

 private:
  cv::Mat& image_;
  cv::Mat& truth_;
  double ppm_;
  cv::RNG& rng_;
};

inline void draw_seal(SyntheticPage& page, cv::Point2d centre_mm, double outer_radius_mm, bool light, cv::RNG& rng) {
  const double ppm = page.dpi / 25.4;
  // Drawn on a layer the size of the seal's box, at coordinates relative to it.
  const double half = outer_radius_mm + 2;
  const cv::Rect box =
      cv::Rect(static_cast<int>((centre_mm.x - half) * ppm), static_cast<int>((centre_mm.y - half) * ppm),
               static_cast<int>(2 * half * ppm), static_cast<int>(2 * half * ppm)) &
      cv::Rect(0, 0, page.image.cols, page.image.rows);
  const cv::Point2d origin_mm(box.x / ppm, box.y / ppm);
  const cv::Point2d seal_centre_mm = centre_mm;
  centre_mm -= origin_mm;
  cv::Mat layer(box.size(), CV_8UC3, cv::Scalar::all(255));
  cv::Mat truth = cv::Mat::zeros(box.size(), CV_8UC1);
  const cv::Scalar red = light ? cv::Scalar(150 + rng.uniform(0, 20), 135 + rng.uniform(0, 20), 240)
                               : cv::Scalar(60 + rng.uniform(0, 25), 50 + rng.uniform(0, 25), 200 + rng.uniform(0, 30));
  PageDrawer draw(layer, truth, page.dpi, rng);
  const double stroke = 1.2 + rng.uniform(0.0, 0.4);
  const double ring_radius = outer_radius_mm - stroke / 2;
  const cv::Point c(draw.px(centre_mm.x), draw.px(centre_mm.y));
  cv::circle(layer, c, draw.px(ring_radius), red, draw.px(stroke), cv::LINE_AA);
  cv::circle(truth, c, draw.px(ring_radius), 255, draw.px(stroke), cv::LINE_8);
  // The five-pointed star.
  std::vector<cv::Point> star;
  for (int i = 0; i < 10; ++i) {
    const double a = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
    const double r = (i % 2 == 0 ? 0.3 : 0.12) * outer_radius_mm;
    star.push_back(draw.pt(centre_mm.x + r * std::cos(a), centre_mm.y + r * std::sin(a)));
  }
  cv::fillPoly(layer, std::vector<std::vector<cv::Point>>{star}, red, cv::LINE_AA);
  cv::fillPoly(truth, std::vector<std::vector<cv::Point>>{star}, 255, cv::LINE_8);
  // The unit's name on an arc inside the ring, and a line of marks under the star.
  const double arc_radius = outer_radius_mm * 0.72;
  for (int i = 0; i < 11; ++i) {
    const double a = (200.0 + i * 14.0) * std::numbers::pi / 180.0;
    const cv::Point2d p(centre_mm.x + arc_radius * std::cos(a), centre_mm.y + arc_radius * std::sin(a));
    const cv::RotatedRect mark(cv::Point2f(static_cast<float>(p.x * ppm), static_cast<float>(p.y * ppm)),
                               cv::Size2f(static_cast<float>(3.2 * ppm), static_cast<float>(3.6 * ppm)),
                               static_cast<float>(a * 180.0 / std::numbers::pi + 90.0));
    cv::Point2f corners[4];
    mark.points(corners);
    std::vector<cv::Point> poly(corners, corners + 4);
    cv::polylines(layer, std::vector<std::vector<cv::Point>>{poly}, true, red, std::max(1, draw.px(0.45)), cv::LINE_AA);
    cv::polylines(truth, std::vector<std::vector<cv::Point>>{poly}, true, 255, std::max(1, draw.px(0.45)), cv::LINE_8);
  }
  for (int i = 0; i < 5; ++i) draw.glyph(centre_mm.x - 7.5 + i * 3.0, centre_mm.y + outer_radius_mm * 0.42, 3.0, red);
  // Under-inked stamps leave gaps in the ring.
  if (light) {
    for (int i = 0; i < 6; ++i) {
      const double a = rng.uniform(0.0, 2 * std::numbers::pi);
      const cv::Point p(draw.px(centre_mm.x + ring_radius * std::cos(a)),
                        draw.px(centre_mm.y + ring_radius * std::sin(a)));
      cv::circle(layer, p, draw.px(1.0), cv::Scalar::all(255), cv::FILLED);
      cv::circle(truth, p, draw.px(1.0), 0, cv::FILLED);
    }
  }
  // Ink on ink: the paper shows each colour filtered by the other.
  cv::Mat under = page.image(box);
  cv::multiply(under, layer, under, 1.0 / 255.0);
  page.seal_ink = cv::Mat::zeros(page.image.size(), CV_8UC1);
  truth.copyTo(page.seal_ink(box));
  page.seal_centre =
      cv::Point2f(static_cast<float>(seal_centre_mm.x * ppm), static_cast<float>(seal_centre_mm.y * ppm));
  page.seal_radius = static_cast<float>(outer_radius_mm * ppm);
}

inline SyntheticPage draw_page(const PageSpec& spec) {
  cv::RNG rng(spec.seed * 7919u + 17u);
  SyntheticPage page;
  page.dpi = spec.dpi;
  const double ppm = spec.dpi / 25.4;
  const cv::Size a4(static_cast<int>(std::lround(210 * ppm)), static_cast<int>(std::lround(297 * ppm)));
  const cv::Scalar paper(236 + rng.uniform(0, 12), 238 + rng.uniform(0, 12), 238 + rng.uniform(0, 12));
  page.image = cv::Mat(a4, CV_8UC3, paper);
  page.black_ink = cv::Mat::zeros(a4, CV_8UC1);
  PageDrawer draw(page.image, page.black_ink, spec.dpi, rng);
  const cv::Scalar black = cv::Scalar::all(25 + rng.uniform(0, 25));

  const double jx = rng.uniform(-4.0, 4.0), jy = rng.uniform(-4.0, 4.0);
  if (spec.short_last_page) {
    const double em = 4.0 + rng.uniform(0.0, 0.4);
    draw.text_line(20 + jx + 2 * em, 30 + jy, em, 30, black);
    draw.text_line(20 + jx, 30 + jy + 1.7 * em, em, 12, black);
    const double date_y = 30 + jy + 6 * em;
    draw.text_line(130 + jx, date_y, em, 8, black, false);
    draw.text_line(138 + jx, date_y + em * 1.8, em, 6, black);
    draw.text_line(100 + jx, 280 + jy, em, 3, black, false);  // — 3 —
    draw_seal(page, {154 + jx + rng.uniform(-3.0, 3.0), date_y + 3}, 19 + rng.uniform(0.0, 3.0), false, rng);
    return page;
  }
  if (spec.title) {
    const double em = 7.5 + rng.uniform(0.0, 1.5);
    const int count = 7 + rng.uniform(0, 5);
    const double x = 105 - count * em / 2 + jx, y = 20 + jy;
    draw.text_line(x, y, em, count, black, false);
    page.title = cv::Rect(draw.pt(x, y), draw.pt(x + count * em, y + em));
  }
  const double left = 20 + jx, right = 190 + jx, top = 42 + jy;
  double y = top;
  if (spec.table) {
    const int rows = 12 + rng.uniform(0, 4);
    const double row_h = 9.5 + rng.uniform(0.0, 1.5);
    const double bottom = top + rows * row_h;
    const double stroke = 0.3 + rng.uniform(0.0, 0.25);
    for (int r = 0; r <= rows; ++r) draw.line(left, top + r * row_h, right, top + r * row_h, stroke, black);
    draw.line(left, top, left, bottom, stroke, black);
    draw.line(right, top, right, bottom, stroke, black);
    const double split[] = {left + 32, left + 85, left + 117};
    for (int r = 0; r < rows; ++r) {
      const bool merged = rng.uniform(0, 4) == 0;  // a row whose value spans the whole width
      for (int s = 0; s < 3; ++s) {
        if (s > 0 && merged) continue;
        draw.line(split[s], top + r * row_h, split[s], top + (r + 1) * row_h, stroke, black);
      }
      const double em = 3.7 + rng.uniform(0.0, 0.6);
      const double ty = top + r * row_h + (row_h - em) / 2;
      draw.text_line(left + 2, ty, em, 2 + rng.uniform(0, 3), black);
      if (merged)
        draw.text_line(split[0] + 2, ty, em, 10 + rng.uniform(0, 14), black);
      else {
        draw.text_line(split[0] + 2, ty, em, 2 + rng.uniform(0, 7), black, false);
        draw.text_line(split[1] + 2, ty, em, 2 + rng.uniform(0, 3), black);
        draw.text_line(split[2] + 2, ty, em, 2 + rng.uniform(0, 10), black, false);
      }
    }
    page.table = cv::Rect(draw.pt(left, top), draw.pt(right, bottom));
    y = bottom + 8;
  }
  if (spec.paragraphs) {
    const double em = 4.0 + rng.uniform(0.0, 0.4);
    const int lines = spec.table ? 3 : 18;
    for (int i = 0; i < lines; ++i) {
      const bool first = i % 6 == 0, last = i % 6 == 5 || i == lines - 1;
      const int count = last ? 6 + rng.uniform(0, 10) : static_cast<int>((right - left - 20) / em) - (first ? 2 : 0);
      draw.text_line(left + (first ? 2 * em : 0), y, em, count, black);
      y += em * 1.7;
    }
  }
  // Date block at the right, where the seal goes.
  const double em = 4.0;
  const double date_y = std::max(y + 10, 240.0 + jy);
  draw.text_line(right - 60, date_y, em, 8, black, false);
  draw.text_line(right - 52, date_y + em * 1.8, em, 6, black);
  if (spec.seal) {
    const double radius = 19 + rng.uniform(0.0, 3.0);
    draw_seal(page, {right - 36 + rng.uniform(-3.0, 3.0), date_y + 3 + rng.uniform(-3.0, 3.0)}, radius, spec.light_seal,
              rng);
  }
  return page;
}

// Turns an image counter-clockwise by `degrees` (cv::getRotationMatrix2D's sense) onto the rotated bounding
// canvas, filling with `fill`; `forward` receives the map from input to output pixels.
inline cv::Mat rotate_image(const cv::Mat& image, double degrees, cv::Scalar fill, cv::Matx23d* forward = nullptr,
                            int interpolation = cv::INTER_LINEAR) {
  const double a = degrees * std::numbers::pi / 180.0;
  const double c = std::abs(std::cos(a)), s = std::abs(std::sin(a));
  const cv::Size canvas(static_cast<int>(std::lround(image.cols * c + image.rows * s)),
                        static_cast<int>(std::lround(image.cols * s + image.rows * c)));
  const cv::Point2d centre((image.cols - 1) / 2.0, (image.rows - 1) / 2.0);
  cv::Matx23d m = cv::getRotationMatrix2D(centre, degrees, 1.0);
  m(0, 2) += (canvas.width - 1) / 2.0 - centre.x;
  m(1, 2) += (canvas.height - 1) / 2.0 - centre.y;
  cv::Mat out;
  cv::warpAffine(image, out, m, canvas, interpolation, cv::BORDER_CONSTANT, fill);
  if (forward) *forward = m;
  return out;
}

inline cv::Point2d apply(const cv::Matx23d& m, cv::Point2d p) {
  return {m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2), m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2)};
}

// Adds Gaussian-like noise of `sigma` grey levels in place (a table of normal draws indexed by a cheap generator:
// the statistics of scanner noise at a fraction of the cost of drawing every sample).
inline void add_noise(cv::Mat& image, double sigma, unsigned seed) {
  CV_Assert(image.depth() == CV_8U);
  std::vector<int> table(1 << 16);
  cv::RNG rng(seed);
  for (int& v : table) v = static_cast<int>(std::lround(rng.gaussian(sigma)));
  uint32_t state = seed * 2654435761u + 1u;
  const int width = image.cols * image.channels();
  for (int y = 0; y < image.rows; ++y) {
    auto* row = image.ptr<unsigned char>(y);
    for (int x = 0; x < width; ++x) {
      state = state * 1664525u + 1013904223u;
      row[x] = cv::saturate_cast<unsigned char>(row[x] + table[state >> 16]);
    }
  }
}

enum class Edge { left, right, top, bottom };

// Uneven light, multiplied in: the paper tone falls linearly from 1 at the top-left corner to `dim` at the
// bottom-right, and a scanner-lid shadow lies along `edge`: 12 % light for `band_mm`, then fading in to full
// light over `fade_mm`.
inline void add_uneven_light(cv::Mat& image, int dpi, double dim, Edge edge, double band_mm, double fade_mm) {
  const double ppm = dpi / 25.4;
  const int channels = image.channels();
  for (int y = 0; y < image.rows; ++y) {
    auto* row = image.ptr<unsigned char>(y);
    for (int x = 0; x < image.cols; ++x) {
      const double along = 0.5 * (static_cast<double>(x) / image.cols + static_cast<double>(y) / image.rows);
      double gain = 1.0 - (1.0 - dim) * along;
      const int from_edge = edge == Edge::left    ? x
                            : edge == Edge::right ? image.cols - 1 - x
                            : edge == Edge::top   ? y
                                                  : image.rows - 1 - y;
      const double d = from_edge / ppm;
      if (d < band_mm)
        gain *= 0.12;
      else if (d < band_mm + fade_mm)
        gain *= 0.12 + 0.88 * (d - band_mm) / fade_mm;
      for (int c = 0; c < channels; ++c)
        row[x * channels + c] = cv::saturate_cast<unsigned char>(row[x * channels + c] * gain);
    }
  }
}

// The faint mirror image of `front` (same size) that shows through thin paper from the other side.
inline void add_show_through(cv::Mat& image, const cv::Mat& front, double strength) {
  cv::Mat mirrored;
  cv::flip(front, mirrored, 1);
  cv::Mat ink;
  cv::subtract(cv::Scalar::all(255), mirrored, ink);
  cv::addWeighted(image, 1.0, ink, -strength, 0, image);
}

// Scanner dust: small dark specks 1–3 px across.
inline void add_dust(cv::Mat& image, int count, unsigned seed) {
  cv::RNG rng(seed);
  for (int i = 0; i < count; ++i)
    cv::circle(image, cv::Point(rng.uniform(0, image.cols), rng.uniform(0, image.rows)), rng.uniform(0, 2),
               cv::Scalar::all(rng.uniform(20, 90)), cv::FILLED);
}

inline cv::Mat to_grey(const cv::Mat& bgr) {
  cv::Mat grey;
  cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
  return grey;
}

inline cv::Mat to_bw(const cv::Mat& bgr) {
  cv::Mat bw;
  cv::threshold(to_grey(bgr), bw, 140, 255, cv::THRESH_BINARY);
  return bw;
}

}  // namespace intake::testing
