#include "ocr/text_layer.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "models/char_class.h"
#include "models/utf8.h"
#include "ocr/tesseract_engine.h"

namespace intake {
namespace {

// A page with fewer characters than this has no text layer worth reading (a scan with a stray annotation).
constexpr std::size_t least_characters = 10;
// Share of characters that must be ordinary text; a layer without ToUnicode maps is mostly something else.
constexpr double least_ordinary_share = 0.95;
// A character with more than 1/this of its box on red ink sits on a seal.
constexpr int least_red_share = 30;

bool is_ordinary(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return true;                      // ASCII
  if (c >= 0x3000 && c <= 0x303F) return true;                 // CJK punctuation (、。〇「」)
  if (c >= 0xFF00 && c <= 0xFFEF) return true;                 // full-width forms (（），：)
  if (c >= 0x2000 && c <= 0x206F) return true;                 // general punctuation (—“”…)
  if (c == 0x00B7 || c == 0x00D7 || c == 0x25CB) return true;  // · × ○
  return is_han(c);
}

double centre_y(const TextLayerCharacter& c) { return c.box.y + c.box.height / 2; }
double centre_x(const TextLayerCharacter& c) { return c.box.x + c.box.width / 2; }

}  // namespace

void drop_seal_lettering(TextLayer& layer, const cv::Mat& red_ink) {
  if (red_ink.empty() || cv::countNonZero(red_ink) == 0) return;
  const cv::Rect page(0, 0, red_ink.cols, red_ink.rows);
  // Two seals stamped close together make one red blob too big for a seal, so this asks about red ink under
  // each character rather than about seals found.
  auto in_seal = [&](const TextLayerCharacter& c) {
    const cv::Rect box = cv::Rect(c.box) & page;
    return box.area() > 0 && cv::countNonZero(red_ink(box)) > box.area() / least_red_share;
  };
  // Sizes to 0.01 pt: Word and WPS set half points (10.5, 16, 18) and a ring fitted to its seal 17.96.
  auto size_key = [](const TextLayerCharacter& c) { return std::lround(c.font_size * 100); };
  std::set<long> form_sizes;
  for (const TextLayerCharacter& c : layer.characters)
    if (!in_seal(c)) form_sizes.insert(size_key(c));
  std::erase_if(layer.characters, [&](const TextLayerCharacter& c) {
    return in_seal(c) && (!c.upright || !form_sizes.contains(size_key(c)));
  });
}

bool is_usable_text_layer(const TextLayer& layer) {
  if (layer.characters.size() < least_characters) return false;
  const auto ordinary = std::count_if(layer.characters.begin(), layer.characters.end(),
                                      [](const TextLayerCharacter& c) { return is_ordinary(c.code); });
  return static_cast<double>(ordinary) >= least_ordinary_share * static_cast<double>(layer.characters.size());
}

std::vector<OcrText> read_text_layer_lines(const TextLayer& layer, const cv::Rect& region) {
  std::vector<TextLayerCharacter> inside;
  for (const TextLayerCharacter& c : layer.characters)
    if (c.code != U' ' && region.contains(cv::Point2d(centre_x(c), centre_y(c)))) inside.push_back(c);

  // Lines: characters whose vertical centres lie within half a character height of the line's first one.
  std::sort(inside.begin(), inside.end(),
            [](const TextLayerCharacter& a, const TextLayerCharacter& b) { return centre_y(a) < centre_y(b); });
  std::vector<std::vector<TextLayerCharacter>> groups;
  for (const TextLayerCharacter& c : inside) {
    if (groups.empty() || centre_y(c) - centre_y(groups.back().front()) > 0.5 * std::max(1.0, c.box.height))
      groups.emplace_back();
    groups.back().push_back(c);
  }
  std::vector<OcrText> lines;
  for (auto& group : groups) {
    std::sort(group.begin(), group.end(),
              [](const TextLayerCharacter& a, const TextLayerCharacter& b) { return centre_x(a) < centre_x(b); });
    OcrText line;
    line.engine = text_layer_engine;
    line.confidence = 1.0;
    line.min_confidence = 1.0;
    std::u32string chars;
    for (const TextLayerCharacter& c : group) {
      chars.push_back(c.code);
      if (c.space_after) chars.push_back(U' ');
      line.symbols.push_back({utf8_encode(std::u32string(1, c.code)), 1.0, cv::Rect(c.box)});
    }
    line.text = join_cjk_spacing(utf8_encode(chars));
    lines.push_back(std::move(line));
  }
  return lines;
}

OcrText read_text_layer(const TextLayer& layer, const cv::Rect& region) {
  OcrText result;
  result.engine = text_layer_engine;
  for (OcrText& line : read_text_layer_lines(layer, region)) {
    if (!result.text.empty()) result.text += '\n';
    result.text += line.text;
    result.symbols.insert(result.symbols.end(), line.symbols.begin(), line.symbols.end());
  }
  if (result.symbols.empty()) return result;
  result.confidence = 1.0;
  result.min_confidence = 1.0;
  return result;
}

}  // namespace intake
