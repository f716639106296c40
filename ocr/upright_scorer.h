#pragma once
// An UprightScorer (pipeline/cleanup/orientation.h) backed by Tesseract: tells up from down on a text strip by
// how well chi_sim reads it. Chinese glyphs are square, so their outline does not say which way up they are, but
// the model's confidence does: upright, nearly every glyph of a printed line comes back at ≥ 0.97; upside down,
// the model still answers with plausible characters, but mostly at 0.7–0.9.
//
// Not thread-safe (it drives `engine`, which must outlive it): one per worker, beside that worker's engine.
#include "ocr/tesseract_engine.h"
#include "pipeline/cleanup/orientation.h"

namespace intake {

struct UprightScorerOptions {
  // A symbol counts as read when it is a Han character or a digit with at least this confidence (0–1). Set
  // between the two bands above: on the 188 strips of the generated sample scans (make-samples --small --seed 7),
  // 0.9 leaves upright and flipped at least 0.25 apart (median 0.7) where 0.6 leaves some 0.05 apart or reversed;
  // with chi_sim alone and with chi_sim+HanS alike.
  double min_symbol_confidence = 0.9;
  // Strips finer than this (dpi) are brought down to it before reading (the engine may enlarge them again, see
  // OcrOptions::min_dpi). On the sample strips, reading at 150 dpi put every strip's two ways at least 0.25 apart;
  // at the scans' own 200–300 dpi one strip came out the wrong way round. 0: the strip's own resolution.
  double read_dpi = 150;
  // Only the middle of a long strip is read, at most this many times its height (≈ 14 glyphs of body text, with
  // the strip's padding): recognition time grows with the glyph count (~2 ms a glyph), the answer hardly does.
  // Cut about the middle, so the strip and its half turn show the same glyphs. 0: the whole strip.
  double max_length_ratio = 10;
};

// Score in [0, 1]: the mean symbol confidence times the share of symbols that count as read (Han characters,
// digits and full-width marks at min_symbol_confidence); 0 when nothing was
// read. `dpi`: the resolution of the strips it will be given. find_orientation cuts them from the page it was
// handed, at full resolution, so this is the page's dpi (as clean_page takes it: the decoded page's, else 300).
UprightScorer make_upright_scorer(TesseractEngine& engine, int dpi, const UprightScorerOptions& options = {});

}  // namespace intake
