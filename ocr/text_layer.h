#pragma once
// The text layer of a born-digital PDF page as a text source: the characters the PDF itself carries, with their
// boxes, read by region exactly as the Tesseract engine reads pixels. A Word or WPS export of a form carries every
// character exactly, so its fields need no OCR and no guessing. Exports without ToUnicode maps give garbage
// instead of text ("(cid:…)", private-use code points): such a layer is not usable and the page is OCRed.
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "ocr/text_source.h"

namespace intake {

struct TextLayerCharacter {
  char32_t code = 0;
  cv::Rect2d box;              // page pixels at the resolution the page was rendered at
  bool space_after = false;    // the PDF puts a word space after it (Latin words, numbers)
  double font_size = 0;        // points: with `upright`, tells a seal's own lettering from the form's text
  bool upright = true;         // written left to right, not turned (lettering round a seal ring turns)
};

struct TextLayer {
  std::vector<TextLayerCharacter> characters;
};

inline constexpr const char* text_layer_engine = "pdf-text-layer";

// Drops an electronic seal's own lettering (中共朝阳市纪律检查委员会 round the ring, its code number): characters
// on red ink (`red_ink`: 255 where the rendered page is red, page pixels) that are turned, or in a font size used
// by no character off red ink on the page (ring lettering is scaled to fit the ring). The date and the opinion printed under the seal are in the form's
// sizes and stay; telling them apart by colour fails, since the seal's red covers them. Font names do not tell:
// a date's digits may be the only characters of their subset font on the page.
void drop_seal_lettering(TextLayer& layer, const cv::Mat& red_ink);

// Whether the layer holds real text: enough characters, nearly all of them CJK, Latin, digits or punctuation.
bool is_usable_text_layer(const TextLayer& layer);

// The characters whose centre lies in `region` (page pixels), in reading order: lines top to bottom, characters
// left to right; lines joined with '\n', no spaces between CJK characters. Confidence 1: the text is the PDF's own.
OcrText read_text_layer(const TextLayer& layer, const cv::Rect& region);

// The same, one OcrText per line, each with its characters as symbols (boxes in page pixels).
std::vector<OcrText> read_text_layer_lines(const TextLayer& layer, const cv::Rect& region);

}  // namespace intake
