#include "ocr/tesseract_engine.h"

#include <fmt/format.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "models/char_class.h"
#include "models/utf8.h"
#include "ocr/pix_mat.h"

namespace intake {
namespace {

// Variables that must reach every part of the engine go to Init (ARCHITECTURE.md: set later, they do not).
const std::vector<std::string> init_names{"preserve_interword_spaces", "debug_file", "user_defined_dpi"};
const std::vector<std::string> init_values{"1", "/dev/null", "300"};

tesseract::PageSegMode segmentation_for(ReadMode mode) {
  switch (mode) {
    case ReadMode::line:
    case ReadMode::digits:
    case ReadMode::date:
    case ReadMode::chinese_date: return tesseract::PSM_SINGLE_LINE;
    case ReadMode::block: return tesseract::PSM_SINGLE_BLOCK;
    case ReadMode::character: return tesseract::PSM_SINGLE_CHAR;
  }
  return tesseract::PSM_SINGLE_BLOCK;
}

const char* whitelist_for(ReadMode mode) {
  switch (mode) {
    case ReadMode::digits: return "0123456789Xx-";
    case ReadMode::date: return "0123456789年月日.-/";
    // chi_sim often sees 〇 as the Latin O or 0 and finds nothing else when those are barred, so they stay (the
    // numeral reader takes O and 0 inside a run of Chinese numerals as 〇). 元 is the first month (元月).
    case ReadMode::chinese_date: return "〇零一二三四五六七八九十元年月日O0";
    default: return "";
  }
}

std::string owned_text(char* text) {
  std::string copy = text ? text : "";
  delete[] text;
  return copy;
}

}  // namespace

void TesseractEngine::ApiDeleter::operator()(tesseract::TessBaseAPI* api) const {
  api->End();
  delete api;
}

TesseractEngine::TesseractEngine(std::unique_ptr<tesseract::TessBaseAPI, ApiDeleter> api, OcrOptions options,
                                 std::string name)
    : api_(std::move(api)), options_(std::move(options)), name_(std::move(name)) {}
TesseractEngine::TesseractEngine(TesseractEngine&&) noexcept = default;
TesseractEngine& TesseractEngine::operator=(TesseractEngine&&) noexcept = default;
TesseractEngine::~TesseractEngine() = default;

Result<TesseractEngine> TesseractEngine::create(const OcrOptions& options) {
  silence_leptonica();
  std::unique_ptr<tesseract::TessBaseAPI, ApiDeleter> api(new tesseract::TessBaseAPI());
  const char* datapath = options.tessdata.empty() ? nullptr : options.tessdata.c_str();
  if (api->Init(datapath, options.language.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &init_names, &init_values,
                false) != 0)
    return Error{fmt::format("cannot start Tesseract with language '{}' (are tesseract-ocr-chi-sim, -script-hans and -eng "
                             "installed? scripts/setup installs them)",
                             options.language)};
  std::string name = fmt::format("tesseract {} {}", tesseract::TessBaseAPI::Version(), options.language);
  return TesseractEngine(std::move(api), options, std::move(name));
}

OcrText TesseractEngine::read(const cv::Mat& region, int dpi, ReadMode mode, const std::string& whitelist) {
  OcrText result;
  result.engine = name_;
  if (region.empty()) return result;

  // chi_sim's models were trained on text near 300 dpi: at 200 dpi 小四 strokes merge (8月 → 明), so smaller scans
  // are enlarged first and the boxes scaled back.
  const double scale = dpi > 0 && dpi < options_.min_dpi ? static_cast<double>(options_.min_dpi) / dpi : 1.0;
  cv::Mat scaled = region;
  if (scale != 1.0) cv::resize(region, scaled, {}, scale, scale, cv::INTER_CUBIC);
  cv::Mat padded;
  const cv::Scalar paper = scaled.channels() == 1 ? cv::Scalar(255) : cv::Scalar(255, 255, 255);
  cv::copyMakeBorder(scaled, padded, options_.margin, options_.margin, options_.margin, options_.margin,
                     cv::BORDER_CONSTANT, paper);
  PixPtr pix = mat_to_pix(padded);
  if (!pix) return result;
  const int effective_dpi = static_cast<int>(std::lround(dpi * scale));
  const char* characters = whitelist.empty() ? whitelist_for(mode) : whitelist.c_str();

  result = recognise(pix.get(), effective_dpi, segmentation_for(mode), characters);
  // Single-line and block layout analysis sometimes throws away a short line of large glyphs (a name of three
  // characters) as non-text and returns nothing; read as a raw line it comes out.
  if (result.symbols.empty() && mode != ReadMode::block)
    result = recognise(pix.get(), effective_dpi, tesseract::PSM_RAW_LINE, characters);
  if (result.symbols.empty() && mode == ReadMode::block)
    result = recognise(pix.get(), effective_dpi, tesseract::PSM_SINGLE_LINE, characters);
  if (scale != 1.0)
    for (OcrSymbol& symbol : result.symbols)
      symbol.box = cv::Rect(static_cast<int>(symbol.box.x / scale), static_cast<int>(symbol.box.y / scale),
                            static_cast<int>(std::ceil(symbol.box.width / scale)),
                            static_cast<int>(std::ceil(symbol.box.height / scale)));
  return result;
}

OcrText TesseractEngine::recognise(Pix* pix, int dpi, int segmentation, const char* whitelist) {
  OcrText result;
  result.engine = name_;
  api_->SetPageSegMode(static_cast<tesseract::PageSegMode>(segmentation));
  api_->SetVariable("tessedit_char_whitelist", whitelist);
  api_->SetImage(pix);
  api_->SetSourceResolution(dpi);
  if (api_->Recognize(nullptr) != 0) {
    api_->Clear();
    return result;
  }

  // Results die at the next SetImage/Recognize: copy everything out now.
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  double sum = 0;
  result.min_confidence = 1;
  if (it) {
    do {
      const std::string symbol = owned_text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (symbol.empty()) continue;
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(tesseract::RIL_SYMBOL, &left, &top, &right, &bottom);
      const double confidence = std::clamp(it->Confidence(tesseract::RIL_SYMBOL) / 100.0, 0.0, 1.0);
      result.symbols.push_back({symbol, confidence,
                                cv::Rect(left - options_.margin, top - options_.margin, right - left, bottom - top)});
      sum += confidence;
      result.min_confidence = std::min(result.min_confidence, confidence);
    } while (it->Next(tesseract::RIL_SYMBOL));
  }
  std::string text = owned_text(api_->GetUTF8Text());
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  result.text = join_cjk_spacing(text);
  if (result.symbols.empty()) {
    result.min_confidence = 0;
  } else {
    result.confidence = sum / static_cast<double>(result.symbols.size());
  }
  api_->Clear();
  return result;
}

std::string join_cjk_spacing(const std::string& text) {
  const std::u32string chars = utf8_decode(text);
  std::u32string out;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i] == U' ') {
      // Keep a space only between two non-CJK characters (Latin words, numbers).
      std::size_t next = i;
      while (next < chars.size() && chars[next] == U' ') ++next;
      const bool before_cjk = !out.empty() && is_cjk_text(out.back());
      const bool after_cjk = next < chars.size() && is_cjk_text(chars[next]);
      if (!out.empty() && next < chars.size() && !before_cjk && !after_cjk) out.push_back(U' ');
      i = next - 1;
      continue;
    }
    out.push_back(chars[i]);
  }
  return utf8_encode(out);
}

}  // namespace intake
