#pragma once
// One Tesseract engine: created once per worker thread and reused for every region that worker reads
// (initialising chi_sim costs ~0.3 s). Not thread-safe; never share one between threads.
#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "models/result.h"
#include "ocr/text_source.h"

namespace tesseract {
class TessBaseAPI;
}
struct Pix;

namespace intake {

struct OcrOptions {
  // Debian's tesseract-ocr-chi-sim; `HanS` (tesseract-ocr-script-hans) is the script model, "chi_sim+HanS" both.
  // chi_sim+HanS: the script model rescues rare name characters and lone characters the language model misses
  // (徐楠娜, 间), for ~30 % more time per line.
  std::string language = "chi_sim+HanS";
  std::string tessdata;  // empty: the system's tessdata folder
  // White margin added around each region: Tesseract's line finder wants a border of paper round the ink.
  int margin = 12;
  // Regions scanned below this resolution are enlarged to it before reading.
  int min_dpi = 300;
};

class TesseractEngine {
 public:
  static Result<TesseractEngine> create(const OcrOptions& options = {});
  TesseractEngine(TesseractEngine&&) noexcept;
  TesseractEngine& operator=(TesseractEngine&&) noexcept;
  ~TesseractEngine();

  // Reads a grey or binary image region (ruling lines already removed) scanned at `dpi`. A `whitelist` (UTF-8
  // characters) replaces the mode's own character set: a form's printed labels are a closed set of characters.
  OcrText read(const cv::Mat& region, int dpi, ReadMode mode, const std::string& whitelist = {});

  const std::string& engine_name() const { return name_; }

 private:
  struct ApiDeleter {
    void operator()(tesseract::TessBaseAPI* api) const;
  };
  TesseractEngine(std::unique_ptr<tesseract::TessBaseAPI, ApiDeleter> api, OcrOptions options, std::string name);
  OcrText recognise(Pix* pix, int dpi, int segmentation, const char* whitelist);

  std::unique_ptr<tesseract::TessBaseAPI, ApiDeleter> api_;
  OcrOptions options_;
  std::string name_;
};

// Removes the spaces Tesseract puts between CJK characters while keeping those between Latin words and digits.
std::string join_cjk_spacing(const std::string& text);

}  // namespace intake
