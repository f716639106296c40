#pragma once
// Reads one decoded scan page into a PageRead (extractors/page/page_read.h): cleanup, ruled tables, the title and
// the text around the tables, record labels paired with their value cells, column tables, running text. Every
// value cell a label points at is read again in the mode its value type wants (digits for ID numbers, one line
// for names…), so the extractors can tell a value two reads agree on from a guess.
//
// One PageReader per worker thread, created once (it owns a Tesseract engine; starting chi_sim costs ~0.3 s).
#include <memory>
#include <optional>
#include <string>

#include "extractors/page/page_read.h"
#include "extractors/photos/face_detector.h"
#include "models/result.h"
#include "ocr/tesseract_engine.h"
#include "pipeline/cleanup/page_cleanup.h"
#include "pipeline/page_decoder.h"

namespace intake {

struct PageReaderOptions {
  OcrOptions ocr;
  // The model that reads a short value the second time (names, units, vocabularies). A second read by the same
  // model repeats the first one's misreads (胡丹薇 → 胡丹微 twice); a different model misreads differently, so
  // when the two agree the value is far likelier right. Empty: the main model reads twice.
  std::string cross_check_language = "chi_sim";
  // The model that reads digit strings the second time (ID numbers, phones, counts, the numbers of a date): both
  // Chinese models read a 5 in a 1-bit scan as 2 or a 9 under a seal's residue as 0 alike, and so agree on a wrong
  // value; Tesseract's Latin model reads Arabic digits best. Empty: the cross-check model reads them.
  std::string digits_language = "eng";
  // The model that reads a name, or a long text of one short line, a third time: the script model alone. The
  // cross-check model is part of the main one and often repeats its recognition to the last decimal of its
  // confidence, so a name's character outside every model's set (周玥) read as a sure lookalike (周表) by one was
  // read so by both, and was ok; HanS alone is unsure of 表 there (0.21–0.71). Empty: no third read.
  std::string script_language = "HanS";
  CleanupOptions cleanup;
  // A cell with more ink than this share of its area is a photo or a seal blot, not text: not read.
  double max_text_ink_share = 0.3;
  // A large cell with less ink than this (mm², after speck removal, without its rulings) is empty paper: one thin
  // digit has more. At 4 mm² a wide 人数 cell holding 56 in a light face (2.4 mm² for both digits) went unread.
  double min_text_ink_mm2 = 1;
  // Faces in the photo box of 附件3/6 (extractors/photos/photo_box.h).
  FaceDetectorOptions faces;
};

class PageReader {
 public:
  static Result<PageReader> create(const PageReaderOptions& options = {});

  // `file`: the name the page's file was given by; kept in the read for provenance.
  PageRead read(const DecodedPage& page, const std::string& file);

  const std::string& engine_name() const { return engine_.engine_name(); }

 private:
  PageReader(TesseractEngine engine, std::optional<TesseractEngine> cross_check, std::optional<TesseractEngine> digits,
             std::optional<TesseractEngine> script, FaceDetector faces, PageReaderOptions options)
      : engine_(std::move(engine)),
        cross_check_(std::move(cross_check)),
        digits_(std::move(digits)),
        script_(std::move(script)),
        faces_(std::move(faces)),
        options_(std::move(options)) {}
  TesseractEngine engine_;
  std::optional<TesseractEngine> cross_check_;
  std::optional<TesseractEngine> digits_;
  std::optional<TesseractEngine> script_;
  FaceDetector faces_;
  PageReaderOptions options_;
};

}  // namespace intake
