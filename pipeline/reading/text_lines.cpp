#include "pipeline/reading/text_lines.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace intake {
namespace {

int mm(double millimetres, int dpi) { return std::max(1, static_cast<int>(millimetres * dpi / 25.4 + 0.5)); }

int rows_in_common(const cv::Rect& a, const cv::Rect& b) {
  return std::max(0, std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y));
}

double vertical_overlap(const cv::Rect& a, const cv::Rect& b) {
  const int shorter = std::min(a.height, b.height);
  return shorter > 0 ? rows_in_common(a, b) / static_cast<double>(shorter) : 0.0;
}

// The width-weighted median height of the pieces: a line's words are wide, specks and a seal's dashes narrow.
int typical_height(const std::vector<cv::Rect>& pieces) {
  std::vector<std::pair<int, int>> heights;  // height, width
  long total_width = 0;
  for (const cv::Rect& piece : pieces) heights.emplace_back(piece.height, piece.width), total_width += piece.width;
  std::sort(heights.begin(), heights.end());
  for (long covered = 0; const auto& [height, width] : heights) {
    covered += width;
    if (covered * 2 >= total_width) return height;
  }
  return 0;
}

// A tall piece is often lines a seal's star or dashes joined through the closing ((盖章) over the date): it is cut
// at its thinnest row while that row holds under half the ink of a row through text (the upper quartile) and
// leaves `margin` rows on both sides; the thin rows round the cut are left out, and bands lower than `least` too.
template <typename IsTall>
std::vector<cv::Rect> cut_tall_pieces(const std::vector<cv::Rect>& pieces, const cv::Mat& binary, IsTall tall,
                                      int margin, int least) {
  std::vector<cv::Rect> cut;
  std::vector<cv::Rect> pending(pieces.begin(), pieces.end());
  while (!pending.empty()) {
    const cv::Rect piece = pending.back();
    pending.pop_back();
    if (!tall(piece)) {
      cut.push_back(piece);
      continue;
    }
    cv::Mat rows;
    cv::reduce((binary(piece) <= 127) / 255, rows, 1, cv::REDUCE_SUM, CV_32S);
    const std::vector<int> counts(rows.begin<int>(), rows.end<int>());
    std::vector<int> sorted = counts;
    const auto busy_at = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() * 3 / 4);
    std::nth_element(sorted.begin(), busy_at, sorted.end());
    const int busy = *busy_at;  // a row through the text of a line
    const auto count = [&](int y) { return counts[static_cast<std::size_t>(y)]; };
    int best = -1;
    for (int y = margin; y + margin <= piece.height; ++y)
      if (best < 0 || count(y) < count(best)) best = y;
    if (best < 0 || count(best) * 2 >= busy) {
      cut.push_back(piece);
      continue;
    }
    const int thin = count(best) * 5 / 4 + 1;
    int top = best, bottom = best + 1;
    while (top > 0 && count(top - 1) <= thin) --top;
    while (bottom < piece.height && count(bottom) <= thin) ++bottom;
    if (top >= least) pending.emplace_back(piece.x, piece.y, piece.width, top);
    if (piece.height - bottom >= least) pending.emplace_back(piece.x, piece.y + bottom, piece.width, piece.height - bottom);
  }
  return cut;
}

// A character stacked from parts (意 is 立 over 日 over 心) falls apart into short "lines" where the gaps between its
// parts are wider than the closing: alone on its line, as in a label written one character per line (推 荐 单 位 意
// 见), no neighbour on the line holds the parts together, and the label reads 推荐单位rr忌见. Two lines one above the
// other, less than `max_gap` apart and overlapping across, are one character when together they are about as tall
// as wide and no taller than the cell's tallest line (an em): stacked characters are twice as tall as wide, lines
// of text far wider, and a label wrapped two characters a line (政治 / 面貌) is square but two ems tall.
void join_character_parts(std::vector<cv::Rect>& lines, int max_gap) {
  int em = 0;
  for (const cv::Rect& line : lines) em = std::max(em, line.height);
  auto one_character = [em](const cv::Rect& joined) {
    return joined.height * 4 <= joined.width * 5 && joined.width * 2 <= joined.height * 3 &&
           joined.height * 4 <= em * 5;
  };
  for (std::size_t i = 0; i + 1 < lines.size();) {
    const cv::Rect& upper = lines[i];
    const cv::Rect& lower = lines[i + 1];
    const int gap = lower.y - (upper.y + upper.height);
    const int across = std::min(upper.x + upper.width, lower.x + lower.width) - std::max(upper.x, lower.x);
    const cv::Rect joined = upper | lower;
    if (gap <= max_gap && across * 2 >= std::min(upper.width, lower.width) && one_character(joined)) {
      lines[i] = joined;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      continue;  // the joined character may take a third part (心 under 立 and 日)
    }
    ++i;
  }
}

}  // namespace

std::vector<cv::Rect> find_text_lines(const cv::Mat& binary, int dpi) {
  std::vector<cv::Rect> lines;
  if (binary.empty()) return lines;
  cv::Mat ink;
  cv::threshold(binary, ink, 127, 255, cv::THRESH_BINARY_INV);
  // Wider than the gap between two characters of a line (a quarter em of 五号 ≈ 1 mm, more with letter spacing),
  // narrower than the gap between the label columns of 附件4's header line is not needed: they are one line anyway.
  cv::morphologyEx(ink, ink, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, {mm(3.0, dpi), mm(0.3, dpi)}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(ink, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);

  const int min_height = mm(1.2, dpi);   // below: specks, underlines, and lone strokes (一, the parts of 二 三)
  const int max_height = mm(16.0, dpi);  // above: photos, seal rings, blots (a 二号 title is ~8 mm)
  std::vector<cv::Rect> pieces, strokes;
  for (const auto& contour : contours) {
    const cv::Rect box = cv::boundingRect(contour);
    if (box.height > max_height || (box.width < mm(0.5, dpi) && box.height < mm(0.5, dpi))) continue;
    (box.height >= min_height ? pieces : strokes).push_back(box);
  }
  auto by_top = [](const cv::Rect& a, const cv::Rect& b) { return a.y < b.y; };
  std::sort(pieces.begin(), pieces.end(), by_top);
  std::sort(strokes.begin(), strokes.end(), by_top);
  // Pieces much taller than the region's typical one (a seal's arc or star on a 1-bit scan, a tall blot) would
  // bridge the lines they cross into one line two or three lines tall that reads as noise ((盖章) and the date
  // under it): they are cut where they thin out, and what stays tall groups among itself and joins a line only
  // when most of its height lies within it.
  const int typical = typical_height(pieces);
  const auto tall = [typical](const cv::Rect& piece) { return piece.height * 10 > typical * 17; };
  if (typical > 0) {
    pieces = cut_tall_pieces(pieces, binary, tall, std::max(min_height, typical / 2), min_height);
    std::sort(pieces.begin(), pieces.end(), by_top);
  }
  std::vector<cv::Rect> tall_lines;
  for (const cv::Rect& piece : pieces) {
    std::vector<cv::Rect>& group = tall(piece) ? tall_lines : lines;
    auto same = std::find_if(group.begin(), group.end(),
                             [&](const cv::Rect& line) { return vertical_overlap(line, piece) > 0.5; });
    if (same != group.end())
      *same |= piece;
    else
      group.push_back(piece);
  }
  for (const cv::Rect& piece : tall_lines) {
    auto within = std::find_if(lines.begin(), lines.end(),
                               [&](const cv::Rect& line) { return rows_in_common(line, piece) * 2 > piece.height; });
    if (within != lines.end())
      *within |= piece;
    else
      lines.push_back(piece);
  }
  // Flat strokes join the line they lie in when they stand within a character of it: a speck further along the
  // line would be read as a character (1976.09 and a dot read 1976.093). Strokes with no line around them (a line
  // of 一二三 alone) group by nearness into lines of their own.
  const int stroke_gap = mm(2.0, dpi);
  const auto in_line = [&](const cv::Rect& line, const cv::Rect& stroke) {
    const int apart = std::max(stroke.x - (line.x + line.width), line.x - (stroke.x + stroke.width));
    return vertical_overlap(line, stroke) > 0.5 && apart <= std::max(stroke_gap, line.height);
  };
  std::vector<cv::Rect> stroke_lines;
  for (const cv::Rect& stroke : strokes) {
    auto within = std::find_if(lines.begin(), lines.end(), [&](const cv::Rect& line) { return in_line(line, stroke); });
    if (within != lines.end()) {
      *within |= stroke;
      continue;
    }
    auto near = std::find_if(stroke_lines.begin(), stroke_lines.end(), [&](const cv::Rect& line) {
      return stroke.y - (line.y + line.height) < stroke_gap && stroke.x < line.x + line.width &&
             line.x < stroke.x + stroke.width;
    });
    if (near != stroke_lines.end())
      *near |= stroke;
    else
      stroke_lines.push_back(stroke);
  }
  for (const cv::Rect& line : stroke_lines) {
    auto same = std::find_if(lines.begin(), lines.end(), [&](const cv::Rect& other) { return in_line(other, line); });
    if (same != lines.end())
      *same |= line;
    else
      lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end(), by_top);
  join_character_parts(lines, mm(1.0, dpi));
  std::erase_if(lines, [&](const cv::Rect& line) { return line.height < min_height; });
  return lines;
}

cv::Mat side_by_side(const cv::Mat& image, const std::vector<cv::Rect>& lines, int gap, unsigned char paper) {
  const cv::Rect whole(0, 0, image.cols, image.rows);
  std::vector<cv::Rect> parts;
  int width = 0, height = 0;
  for (const cv::Rect& line : lines) {
    const cv::Rect part = line & whole;
    if (part.area() == 0) continue;
    parts.push_back(part);
    width += part.width + (parts.size() > 1 ? gap : 0);
    height = std::max(height, part.height);
  }
  cv::Mat joined(std::max(height, 1), std::max(width, 1), image.type(), cv::Scalar::all(paper));
  int x = 0;
  for (const cv::Rect& part : parts) {
    image(part).copyTo(joined(cv::Rect(x, (height - part.height) / 2, part.width, part.height)));
    x += part.width + gap;
  }
  return joined;
}

}  // namespace intake
