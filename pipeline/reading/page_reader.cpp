#include "pipeline/reading/page_reader.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>

#include <opencv2/imgproc.hpp>

#include "extractors/documents/value_decision.h"
#include "extractors/layout/form_title.h"
#include "extractors/layout/label_match.h"
#include "extractors/normalise/hidden_date.h"
#include "extractors/normalise/opinion_value.h"
#include "extractors/page/column_header.h"
#include "extractors/page/record_cells.h"
#include "extractors/photos/photo_box.h"
#include "ocr/date_numbers.h"
#include "ocr/split_characters.h"
#include "ocr/text_layer.h"
#include "ocr/upright_scorer.h"
#include "pipeline/cleanup/ink.h"
#include "pipeline/layout/rulings_under_seals.h"
#include "pipeline/layout/table_grid.h"
#include "pipeline/reading/read_modes.h"
#include "pipeline/reading/seal_rows.h"
#include "pipeline/reading/text_lines.h"
#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

// Rows of a column table (附件4/9) in which its header row is looked for.
constexpr int header_rows_searched = 3;
// A first cell of a page with this many characters and an empty label cell beside it is a long text carried over.
constexpr std::size_t min_carried_characters = 20;
// A line read with less confidence than this and at most this many characters is a seal fragment or a speck.
constexpr double noise_line_confidence = 0.6;
constexpr std::size_t noise_line_characters = 6;
// A line this many glyph heights high is two things merged: text and a seal's arc beside it.
constexpr double merged_line_height = 1.8;
// A glyph height this share off the usual 12 pt one is another font size.
constexpr double other_glyph_size = 0.2;
// A cell with less ink than this share (and less than PageReaderOptions::min_text_ink_mm2) is empty paper.
constexpr double min_text_ink_share = 0.002;

PixelBox pixel_box(const cv::Rect& box) { return {box.x, box.y, box.width, box.height}; }

bool has_word_character(const std::string& text) {
  for (const char32_t c : utf8_decode(text))
    if (is_han(c) || is_ascii_letter(c) || is_ascii_digit(c)) return true;
  return false;
}

// The record fields of every form, each id once: a page without a title (a form's second page) is read against
// all of them, and the document it joins decides later which apply. A label means the same field on every form.
const std::vector<FieldModel>& all_record_fields() {
  static const std::vector<FieldModel> fields = [] {
    std::vector<FieldModel> all;
    std::set<std::string> seen;
    for (const FormModel& form : form_catalogue().forms) {
      if (form.layout != "record") continue;
      for (const FieldModel& field : form.fields)
        if (seen.insert(field.id).second) all.push_back(field);
    }
    return all;
  }();
  return fields;
}

const FormModel* column_form_of(const std::vector<std::string>& header_cells) {
  const FormModel* best = nullptr;
  int best_count = 0;
  for (const FormModel& form : form_catalogue().forms) {
    if (form.columns.empty()) continue;
    int count = 0;
    for (const std::string& text : header_cells)
      if (is_label_text(text, form.columns)) ++count;
    if (count > best_count) {
      best = &form;
      best_count = count;
    }
  }
  // Three column labels make a header row: a record form's row holds at most three label/value pairs, and their
  // labels are not 附件4/9's column labels (序号, 类别, 名称或姓名 …) all at once.
  return best_count >= 3 ? best : nullptr;
}

// A cell read line by line: the lines joined, and each line with its box (page pixels) for a second read.
struct CellRead {
  TextRead read;
  std::vector<TextRead> lines;
  std::vector<cv::Rect> line_boxes;
};

class PageReading {
 public:
  PageReading(TesseractEngine& engine, TesseractEngine& cross_check, TesseractEngine& digits, TesseractEngine* script,
              FaceDetector& faces, const PageReaderOptions& options, const CleanPage& clean,
              const TextLayer* text_layer, PageRead& out)
      : engine_(engine),
        cross_check_(cross_check),
        digits_(digits),
        script_(script),
        faces_(faces),
        options_(options),
        clean_(clean),
        text_layer_(text_layer),
        out_(out) {}

  void run() {
    // A table whose line a seal's mask took would merge the cells on both sides (see rulings_under_seals.h).
    const cv::Mat& ruled = clean_.ruling_binary.empty() ? clean_.binary : clean_.ruling_binary;
    rulings_ = rulings_under_seals(ruled, clean_.seal_mask, clean_.seals, clean_.dpi);
    tables_ = tables_from_rulings(rulings_, clean_.dpi);
    // A "table" of one cell is a frame round the text — the scanner's edges left on the page, a box drawn round a
    // report — not a form's table: the page is read as running text.
    const std::size_t found = tables_.size();
    std::erase_if(tables_, [](const TableGrid& table) { return table.cells.size() <= 1; });
    out_.has_table = !tables_.empty();
    const cv::Rect page(0, 0, clean_.binary.cols, clean_.binary.rows);
    // The frame's rulings are no text: read the page without them (lines wreck chi_sim and join text lines).
    lines_binary_ = clean_.binary;
    lines_grey_ = clean_.grey;
    if (tables_.size() < found) {
      lines_binary_ = cell_image(clean_.binary, rulings_, page);
      lines_grey_ = cell_image(clean_.grey, rulings_, page);
    }
    if (tables_.empty()) {
      read_lines(page);
      read_dates_under_seals();
      find_page_title();
      join_running_text();
      return;
    }
    // The lines above the table. Its top may be a seal's rim put back as a ruling, cutting the 推荐单位 line
    // under the seal in two: the lines are found a little further down and kept when they centre above the top.
    const int table_top = tables_.front().bounds.y;
    const int below = static_cast<int>(5 * px_per_mm(clean_.dpi));
    read_lines(cv::Rect(0, 0, page.width, std::min(page.height, std::max(0, table_top - 2) + below)), table_top);
    find_page_title();
    for (const TableGrid& table : tables_) read_table(table);
  }

 private:
  // A cell read line by line: Tesseract's own block layout drops short lines of a wrapped value (县处级 / 副职)
  // and lone characters, while each line found here and read alone comes out whole. Lines OCR is unsure of and
  // that are short are seal fragments and specks, not text: they are left out.
  CellRead read_cell(const cv::Rect& box, const std::string& whitelist = {}, bool thickened = false) {
    CellRead cell;
    cell.read.mode = std::string(name_of(ReadMode::block));
    const cv::Rect inside = box & cv::Rect(0, 0, clean_.grey.cols, clean_.grey.rows);
    if (inside.area() == 0) return cell;
    // A born-digital page's cell is its text layer's characters inside the cell, all of them: lines found in
    // pixels clip small marks (。 and brackets) that the layer has exactly.
    if (text_layer_) {
      cell.read = text_read(read_text_layer(*text_layer_, clean_.original_box(inside)), ReadMode::block);
      return cell;
    }
    cv::Mat grey = cell_image(clean_.grey, rulings_, inside);
    const cv::Mat binary = cell_image(clean_.binary, rulings_, inside);
    if (thickened) {
      const int stroke = std::max(2, clean_.dpi / 100);  // a pixel bolder at 200 dpi
      cv::erode(grey, grey, cv::getStructuringElement(cv::MORPH_RECT, {stroke, stroke}));
    }
    for (const cv::Rect& found : find_text_lines(binary, clean_.dpi)) {
      cv::Rect line = padded(found, grey.size());
      OcrText text = read_region(engine_, grey(line), line + inside.tl(), ReadMode::line, whitelist);
      // A short spaced label read unsurely with its margin (人 数 read 人人数) is often read surely without it.
      if (text.confidence < noise_line_confidence && line != found) {
        OcrText tight = read_region(engine_, grey(found), found + inside.tl(), ReadMode::line, whitelist);
        if (tight.confidence > text.confidence) text = std::move(tight), line = found;
      }
      if (text.text.empty()) continue;
      const std::size_t characters = utf8_decode(text.text).size();
      // Under a label whitelist every line is kept: a label read unsurely (主时迹 at 0.55) is still evidence, and
      // the caller weighs it by its distance from the labels.
      const bool unsure_noise = text.confidence < noise_line_confidence && characters <= noise_line_characters;
      if (unsure_noise && whitelist.empty()) continue;
      cell.lines.push_back(text_read(text, ReadMode::line));
      cell.line_boxes.push_back(line + inside.tl());
    }
    cell.read = join_reads(cell.lines);
    cell.read.mode = std::string(name_of(ReadMode::block));
    return cell;
  }

  // Typed modes read the cell's value as one line: a value of their types is one line, and one that wrapped in a
  // narrow cell (0418-5282 / 786) is unwrapped, its lines set side by side; read as it lies, the digit model gives
  // nothing, and the block read alone would stand unchecked. `first_read`: the cell's read, which tells a date's
  // marks the digit model cannot read.
  TextRead read_typed(const cv::Rect& box, ReadMode mode, const std::string& first_read,
                      TesseractEngine* by = nullptr) {
    const cv::Rect inside = box & cv::Rect(0, 0, clean_.grey.cols, clean_.grey.rows);
    if (inside.area() == 0) return TextRead{{}, 0, 0, std::string(name_of(mode))};
    if (text_layer_) return text_read(read_text_layer(*text_layer_, clean_.original_box(inside)), mode);
    const cv::Mat grey = cell_image(clean_.grey, rulings_, inside);
    const cv::Mat binary = cell_image(clean_.binary, rulings_, inside);
    std::vector<cv::Rect> lines = find_text_lines(binary, clean_.dpi);
    if (lines.empty()) return TextRead{{}, 0, 0, std::string(name_of(mode))};
    cv::Rect extent = lines.front();
    for (cv::Rect& line : lines) {
      extent |= line;
      line = padded(line, grey.size());
    }
    if (lines.size() == 1) {
      const cv::Rect line = lines.front();
      return typed_line_read(grey(line), binary(line), line + inside.tl(), mode, first_read, by);
    }
    const int gap = std::max(2, clean_.dpi / 25);  // a digit's gap, 1 mm: no space for the digit model to read
    return typed_line_read(side_by_side(grey, lines, gap), side_by_side(binary, lines, gap), extent + inside.tl(),
                           mode, first_read, by);
  }

  // One line read again in a typed mode. Digits and the numbers of an Arabic date are the digit model's; every
  // other typed read is the cross-check model's: a whitelist does not stop the main model from repeating its own
  // misread (13105855837 read 13105833837 by the block and the digits read alike), another model's agreement is
  // evidence. `by`: another model to read with instead.
  TextRead typed_line_read(const cv::Mat& grey, const cv::Mat& binary, const cv::Rect& page_box, ReadMode mode,
                           const std::string& first_read, TesseractEngine* by = nullptr) {
    if (mode == ReadMode::date && !text_layer_) {
      const bool day_mark = first_read.ends_with("日") || first_read.ends_with("日。");
      if (auto numbers = read_date_numbers(digits_, grey, binary, clean_.dpi, day_mark))
        return text_read(*numbers, mode);
    }
    TesseractEngine& engine = by ? *by : mode == ReadMode::digits ? digits_ : cross_check_;
    return text_read(read_region(engine, grey, page_box, mode), mode);
  }

  // `image` is the region `page_box` (clean-page pixels) cut out for OCR; a born-digital page's own text is read
  // from its layer instead, by the same box mapped back to the rendered page.
  OcrText read_region(TesseractEngine& engine, const cv::Mat& image, const cv::Rect& page_box, ReadMode mode,
                      const std::string& whitelist = {}) {
    if (text_layer_) return read_text_layer(*text_layer_, clean_.original_box(page_box));
    OcrText text = engine.read(image, clean_.dpi, mode, whitelist);
    // A line read with more characters than its ink has room for split one of them (鑫 as 人多). Only here, on
    // lines the reader found whole: a strip cut from mid-line (the upright scorer's) has no such measure.
    if (mode == ReadMode::line) doubt_split_characters(text, image);
    return text;
  }

  cv::Rect padded(cv::Rect line, cv::Size size) const {
    const int pad = std::max(2, clean_.dpi / 100);
    line.x -= pad, line.y -= pad, line.width += 2 * pad, line.height += 2 * pad;
    return line & cv::Rect(0, 0, size.width, size.height);
  }

  // An opinion's date line read once more with a whitelist of date characters: the date is stamped over by the
  // seal and a misread numeral there is the commonest wrong date. Reads: [the cell, the date line, the date line
  // typed, …], the date line being the row read out of a dark seal when the box's lines hold none that reads as a
  // date (then the row's band follows); just the cell when neither is found. Every read after the cell is a read
  // of the date line (extractors/documents/value_decision.h).
  // `under_seals`: whether to look for a date under the box's seals. Not in a box the provincial office fills in
  // later (blank on submission): its printed 年 月 日 is no date, and a neighbour's seal reaching in would give it
  // one.
  std::vector<TextRead> opinion_reads(const CellRead& read, const cv::Rect& box, bool under_seals) {
    const CellRead cell = without_seal_lettering(with_first_line_clear_of_seals(read));
    std::vector<TextRead> reads{cell.read};
    std::vector<std::string> texts;
    for (const TextRead& line : cell.lines) texts.push_back(line.text);
    const auto index = opinion_date_line(texts);
    if (!index) {
      if (const auto under_seal = under_seals ? date_reads_under_seal(cell, box) : std::nullopt)
        reads.insert(reads.end(), under_seal->begin(), under_seal->end());
      return reads;
    }
    const cv::Rect inside = box & cv::Rect(0, 0, clean_.grey.cols, clean_.grey.rows);
    const cv::Mat grey = cell_image(clean_.grey, rulings_, inside);
    const cv::Mat binary = cell_image(clean_.binary, rulings_, inside);
    const cv::Rect line = (cell.line_boxes[*index] - inside.tl()) & cv::Rect(0, 0, grey.cols, grey.rows);
    const ReadMode mode = date_read_mode(texts[*index]);
    reads.push_back(cell.lines[*index]);
    reads.push_back(typed_line_read(grey(line), binary(line), line + inside.tl(), mode, texts[*index]));
    if (reads_as_date(reads[1].text) || reads_as_date(reads[2].text)) return reads;
    // The line found is the date's place but no date (五军二月扩七品: a faded grey seal took its thin strokes):
    // the row under the seal, when it reads as one, stands for it, and the line leaves the opinion's text.
    // When neither reads as a date, both are kept, the row's after the line's, for the day they come nearest to.
    const auto under_seal = under_seals ? date_reads_under_seal(cell, box) : std::nullopt;
    if (!under_seal) return reads;
    if (!reads_as_date(under_seal->at(0).text) && !reads_as_date(under_seal->at(1).text)) {
      reads.insert(reads.end(), under_seal->begin(), under_seal->end());
      return reads;
    }
    std::vector<TextRead> rest;
    for (std::size_t i = 0; i < cell.lines.size(); ++i)
      if (i != *index) rest.push_back(cell.lines[i]);
    TextRead text = join_reads(rest);
    text.mode = cell.read.mode;
    return {text, under_seal->at(0), under_seal->at(1), under_seal->at(2)};
  }

  // The box's first line, when the arc of a grey or black seal reaching into the box merged with it (同意推荐。 and
  // the ring's lettering beside it, one line twice a glyph high, read 7): the row of aligned glyphs in it, read
  // again, when that reads as two Chinese characters or more.
  CellRead with_first_line_clear_of_seals(const CellRead& cell) {
    if (cell.lines.empty() || text_layer_) return cell;
    const cv::Rect& box = cell.line_boxes.front();
    const double glyph_height = printed_glyph_height(cell);
    const bool merged = box.height > merged_line_height * glyph_height &&
                        std::any_of(clean_.seals.begin(), clean_.seals.end(),
                                    [&](const SealMark& seal) { return !seal.red && disc_meets(seal, box); });
    if (!merged) return cell;
    cv::Rect row;
    const auto read = seal_rows_.text_row_in(box, glyph_height, row);
    if (!read) return cell;
    const std::u32string text = utf8_decode(read->text);
    if (std::count_if(text.begin(), text.end(), is_han) < 2) return cell;
    CellRead clear = cell;
    clear.lines.front() = text_read(*read, ReadMode::line);
    clear.line_boxes.front() = row;
    clear.read = join_reads(clear.lines);
    clear.read.mode = cell.read.mode;
    return clear;
  }

  // A box's lines less those that are a grey or black seal's own marks: short lines inside its ring (its lettering
  // read as AAA和> or ~、, its star) that hold no date. The box's first line is its opinion's start and stays, and
  // so does a line longer than the ring is wide: that is text the seal was stamped over.
  CellRead without_seal_lettering(const CellRead& cell) const {
    CellRead kept;
    for (std::size_t i = 0; i < cell.lines.size(); ++i) {
      const cv::Rect& box = cell.line_boxes[i];
      const cv::Point2f middle(box.x + box.width / 2.f, box.y + box.height / 2.f);
      const bool seal_mark = i > 0 && !holds_date_part(cell.lines[i].text) &&
                             std::any_of(clean_.seals.begin(), clean_.seals.end(), [&](const SealMark& seal) {
                               return !seal.red && cv::norm(middle - seal.centre) < seal.radius &&
                                      box.width < 2 * seal.radius;
                             });
      if (seal_mark) continue;
      kept.lines.push_back(cell.lines[i]);
      kept.line_boxes.push_back(box);
    }
    if (kept.lines.size() == cell.lines.size()) return cell;
    kept.read = join_reads(kept.lines);
    kept.read.mode = cell.read.mode;
    return kept;
  }

  // The date line of an opinion box under a grey or black seal, which the line finder saw as part of the seal: the
  // rows of aligned glyphs inside each seal over the box, read until one reads as (part of) a date. The seal's
  // whole neighbourhood is searched, not just the box: a seal stamped on the box's lower ruling has the date on it,
  // its glyphs' feet in the box below. A row belongs to the box its middle lies in. A faint seal on a 1-bit scan is
  // too broken a ring to be found, yet its fragments still merge with the date: then the rows of the whole box are
  // searched. Reads: [the row, the row typed, the row's band], or nullopt.
  std::optional<std::array<TextRead, 3>> date_reads_under_seal(const CellRead& cell, const cv::Rect& box) {
    if (text_layer_) return std::nullopt;
    // The glyphs measured are the opinion's; the form's printed date can be in a smaller font than the text typed
    // into the box (14 pt opinions over 12 pt dates): then its rows are looked for at the usual glyph height too.
    const double measured = printed_glyph_height(cell), usual = default_glyph_height(clean_.dpi);
    std::vector<double> heights{measured};
    if (std::abs(measured - usual) > other_glyph_size * usual) heights.push_back(usual);
    for (const double glyph_height : heights) {
      std::optional<SealRow> row;
      for (const SealMark& seal : clean_.seals) {
        if (seal.red || !sealed(box, seal)) continue;
        row = seal_rows_.date_under(seal, box, glyph_height);
        if (row) break;
      }
      if (!row) row = seal_rows_.date_in(box, glyph_height);
      if (row) return std::array<TextRead, 3>{row->read, row->typed, row->band};
    }
    return std::nullopt;
  }

  // A running text's signature date under a grey or black seal (a work report's): the line finder made seal and
  // date one blot, read as noise (te上入一7). The date's row found inside the seal, as for an opinion, takes the
  // place of the lines whose middle lies in it.
  void read_dates_under_seals() {
    if (text_layer_ || line_boxes_.size() != out_.lines.size()) return;
    std::vector<TextRead> texts;
    for (const TextLineRead& line : out_.lines) texts.push_back(line.read);
    const double glyph_height =
        intake::printed_glyph_height(texts, line_boxes_, 0, clean_.seals).value_or(default_glyph_height(clean_.dpi));
    const cv::Rect page(0, 0, clean_.grey.cols, clean_.grey.rows);
    for (const SealMark& seal : clean_.seals) {
      if (seal.red) continue;
      const auto row = seal_rows_.date_under(seal, page, glyph_height);
      if (!row) continue;
      for (std::size_t i = out_.lines.size(); i-- > 0;) {
        const cv::Rect& box = line_boxes_[i];
        const int middle = box.y + box.height / 2;
        if (middle < row->box.y || middle >= row->box.y + row->box.height || (box & row->box).area() == 0) continue;
        out_.lines.erase(out_.lines.begin() + static_cast<std::ptrdiff_t>(i));
        line_boxes_.erase(line_boxes_.begin() + static_cast<std::ptrdiff_t>(i));
      }
      // Lines are in reading order, top to bottom: the row goes before the first line below its middle.
      const int row_middle = row->box.y + row->box.height / 2;
      const auto below = std::find_if(line_boxes_.begin(), line_boxes_.end(),
                                      [&](const cv::Rect& box) { return box.y + box.height / 2 > row_middle; });
      const auto at = std::distance(line_boxes_.begin(), below);
      // The row's read that gives a date stands for the line: the band's when the marks alone show too little.
      const TextRead* best = &row->read;
      for (const TextRead* read : {&row->read, &row->typed, &row->band})
        if (reads_as_date(read->text)) {
          best = read;
          break;
        }
      out_.lines.insert(out_.lines.begin() + static_cast<std::ptrdiff_t>(at), {*best, original(row->box)});
      line_boxes_.insert(line_boxes_.begin() + static_cast<std::ptrdiff_t>(at), row->box);
    }
  }

  // The height of the box's printed glyphs, measured on its own lines or failing those on every cell's of the
  // table (see printed_glyph_height in seal_rows.h); a 12-point glyph when there is none.
  double printed_glyph_height(const CellRead& cell) const {
    const int pad = std::max(2, clean_.dpi / 100);  // see padded()
    if (const auto height = intake::printed_glyph_height(cell.lines, cell.line_boxes, pad, clean_.seals))
      return *height;
    std::vector<TextRead> lines;
    std::vector<cv::Rect> boxes;
    for (const CellRead& other : cells_read_) {
      lines.insert(lines.end(), other.lines.begin(), other.lines.end());
      boxes.insert(boxes.end(), other.line_boxes.begin(), other.line_boxes.end());
    }
    return intake::printed_glyph_height(lines, boxes, pad, clean_.seals).value_or(default_glyph_height(clean_.dpi));
  }

  PixelBox original(const cv::Rect& box) const { return pixel_box(clean_.original_box(box)); }

  // The text lines of `region` whose centre lies above `centre_above` (page pixels).
  void read_lines(const cv::Rect& region, int centre_above = std::numeric_limits<int>::max()) {
    if (region.area() == 0) return;
    if (text_layer_) {
      // The layer is in the rendered page's pixels.
      const bool limited = centre_above != std::numeric_limits<int>::max();
      const int layer_limit =
          limited ? clean_.original_box(cv::Rect(0, centre_above, 1, 1)).y : std::numeric_limits<int>::max();
      for (const OcrText& line : read_text_layer_lines(*text_layer_, clean_.original_box(region))) {
        cv::Rect box = line.symbols.front().box;
        for (const OcrSymbol& symbol : line.symbols) box |= symbol.box;
        if (box.y + box.height / 2 >= layer_limit) continue;
        if (has_word_character(line.text))
          out_.lines.push_back({text_read(line, ReadMode::line), pixel_box(box)});
      }
      return;
    }
    for (const cv::Rect& line : find_text_lines(lines_binary_(region), clean_.dpi)) {
      const cv::Rect box(line.x + region.x, line.y + region.y, line.width, line.height);
      if (box.y + box.height / 2 >= centre_above) continue;
      OcrText read = read_region(engine_, lines_grey_(box), box, ReadMode::line);
      if (!has_word_character(read.text)) continue;  // rule ends, frame edges and specks read as | - _
      out_.lines.push_back({text_read(read, ReadMode::line), original(box)});
      line_boxes_.push_back(box);
    }
  }

  void find_page_title() {
    std::vector<std::string> texts;
    for (const TextLineRead& line : out_.lines) texts.push_back(line.read.text);
    const TitleFound title = find_title(texts, form_catalogue());
    if (!title.match) return;
    out_.form = title.match->form->id;
    if (title.match->round) out_.round = std::string(name_of(*title.match->round));
    out_.title_score = title.match->score;
    out_.title = title.text;
  }

  void join_running_text() {
    std::vector<TextRead> parts;
    cv::Rect extent;
    for (const TextLineRead& line : out_.lines) {
      parts.push_back(line.read);
      const cv::Rect box(line.box[0], line.box[1], line.box[2], line.box[3]);
      extent = extent.area() ? (extent | box) : box;
    }
    TextRead text = join_reads(parts);
    if (text.text.empty()) return;
    out_.text = std::move(text);
    out_.text_box = pixel_box(extent);
  }

  // Cells worth reading: not a photo or a blot, not empty paper — a small share of the cell inked (a lone 1 in a
  // 序号 cell), or a few characters' worth of ink (同意。 alone in a tall opinion box is a tiny share). A
  // born-digital page's cells are all read: reading its layer costs nothing and finds what is there.
  bool has_text(const cv::Rect& box) const {
    if (text_layer_) return true;
    const cv::Rect inside = box & cv::Rect(0, 0, clean_.binary.cols, clean_.binary.rows);
    if (inside.area() == 0) return false;
    // Counted without the rulings: a cell box's edges may take a pixel of its ruling, more than a digit's ink.
    const double ink = inside.area() - cv::countNonZero(cell_image(clean_.binary, rulings_, inside));
    const double px_mm = px_per_mm(clean_.dpi);
    const bool some_ink =
        ink > min_text_ink_share * inside.area() || ink >= options_.min_text_ink_mm2 * px_mm * px_mm;
    return some_ink && ink < options_.max_text_ink_share * inside.area();
  }

  // Every cell read once as a block; `cells_read_` keeps the reads with their lines, parallel to the cells.
  std::vector<CellText> read_cells(const TableGrid& table) {
    std::vector<CellText> cells;
    cells.reserve(table.cells.size());
    cells_read_.assign(table.cells.size(), CellRead{});
    for (std::size_t i = 0; i < table.cells.size(); ++i) {
      const cv::Rect& box = table.cells[i].box;
      CellText text{box, {}};
      if (has_text(box)) {
        cells_read_[i] = read_cell(box);
        text.text = cells_read_[i].read.text;
      }
      cells.push_back(std::move(text));
    }
    return cells;
  }

  bool sealed(const cv::Rect& box) const {
    return std::any_of(clean_.seals.begin(), clean_.seals.end(),
                       [&](const SealMark& seal) { return sealed(box, seal); });
  }

  static bool sealed(const cv::Rect& box, const SealMark& seal) {
    const float reach = seal.radius * 0.5f;
    const cv::Rect grown(box.x - static_cast<int>(reach), box.y - static_cast<int>(reach),
                         box.width + 2 * static_cast<int>(reach), box.height + 2 * static_cast<int>(reach));
    return grown.contains(cv::Point(static_cast<int>(seal.centre.x), static_cast<int>(seal.centre.y)));
  }

  // The cell's block read, then the reads its value type asks for.
  std::vector<TextRead> value_reads(const CellRead& cell, const cv::Rect& box, const FieldModel& field) {
    const std::string& type = field.type;
    if (type == "opinion") return opinion_reads(cell, box, !field.blank_on_submission);
    std::vector<TextRead> reads{cell.read};
    if (reads.front().text.empty()) return reads;
    const std::vector<TextRead> more = second_reads(box, type, reads.front().text);
    reads.insert(reads.end(), more.begin(), more.end());
    return reads;
  }

  // The reads after the first that a value of `type` asks for (second_read_modes). A name or a short long text on
  // one line (何时何地受过何种奖励), free text with nothing to check it by, is read once more by the script model alone
  // (PageReaderOptions::script_language): the cross-check model is part of the main one and often repeats its very
  // recognition, so a character outside every model's set (玥) read as a sure lookalike (表) by one is read so by
  // both, and a sure misread of a common one (政务 read 收务 at 0.98) is the main model's alone; the script model
  // alone is unsure of the one and reads the other otherwise.
  std::vector<TextRead> second_reads(const cv::Rect& box, const std::string& type, const std::string& first_read) {
    std::vector<TextRead> reads;
    for (const ReadMode mode : second_read_modes(type, first_read)) reads.push_back(read_typed(box, mode, first_read));
    const bool one_line = first_read.find('\n') == std::string::npos;
    // Not units and addresses (text): a third read's lower confidence made a copy's garbled read (Ei ZK) outvote a
    // right one among 附件4's copies, and their places are checked besides.
    const bool free_text =
        type == "name" || (type == "long_text" && utf8_decode(first_read).size() < short_long_text_characters);
    if (free_text && one_line && script_ && !text_layer_) {
      reads.push_back(read_typed(box, ReadMode::line, first_read, script_));
      reads.back().mode = std::string(script_read_mode);
    }
    return reads;
  }

  void read_table(const TableGrid& table) {
    std::vector<CellText> cells = read_cells(table);
    // The header row is one of the first rows: a ruled box round the 推荐单位 line can come above it.
    const FormModel* columns_form = nullptr;
    for (int row = 0; row < header_rows_searched && !columns_form; ++row) {
      std::vector<std::string> texts;
      for (std::size_t i = 0; i < table.cells.size(); ++i)
        if (table.cells[i].row == row) texts.push_back(cells[i].text);
      columns_form = column_form_of(texts);
    }
    const FormModel* title_form = out_.form ? form_catalogue().find(*form_kind_from(*out_.form)) : nullptr;
    if (columns_form || (title_form && !title_form->columns.empty()) || looks_like_column_table(table, cells)) {
      read_column_table(table, cells, columns_form ? columns_form : title_form);
      return;
    }
    const bool known_form = title_form && title_form->layout == "record";
    // A scanned 附件3/6 should have a photo glued in its box (notice 七); e-mailed files need none.
    if (known_form && title_form->photo_box && !text_layer_ && !out_.photo_box)
      if (const auto cell = find_photo_cell(table)) {
        const PhotoBoxVerdict box = check_photo_box(clean_.grey, *cell, faces_);
        out_.photo_box = PhotoBoxRead{original(*cell), box.photo, box.faces};
      }
    const auto& fields = known_form ? title_form->fields : all_record_fields();
    std::vector<LabelledCell> pairs = pair_labels_with_values(cells, fields);
    // Each label found may put the next one on its line where a label stands: read until none is found.
    std::set<std::size_t> reread;
    while (!text_layer_ && reread_missing_labels(cells, pairs, fields, known_form, reread))
      pairs = pair_labels_with_values(cells, fields);
    if (!text_layer_) {
      const std::vector<LabelledCell> by_form = pair_values_by_their_form(cells, pairs, fields);
      pairs.insert(pairs.end(), by_form.begin(), by_form.end());
      if (known_form) {
        const std::vector<LabelledCell> by_place = pair_values_by_their_place(cells, pairs, fields);
        pairs.insert(pairs.end(), by_place.begin(), by_place.end());
      }
    }
    for (const LabelledCell& pair : pairs) {
      LabelledValue value;
      value.field = pair.field->id;
      value.label = pair.label;
      value.named_by_value = pair.named_by_value;
      value.named_by_place = pair.named_by_place;
      value.page = out_.page;
      if (pair.value_region) {
        const cv::Rect box = *pair.value_region;
        value.box = original(box);
        value.sealed = sealed(box);
        const CellRead cell = read_cell(box);
        if (!cell.read.text.empty()) value.reads = value_reads(cell, box, *pair.field);
      } else if (pair.value_cell) {
        const cv::Rect box = cells[*pair.value_cell].box;
        value.box = original(box);
        value.sealed = sealed(box);
        if (!cells[*pair.value_cell].text.empty())
          value.reads = value_reads(cells_read_[*pair.value_cell], box, *pair.field);
      } else {
        const cv::Rect box = cells[pair.label_cell].box;
        value.box = original(box);
        value.inline_value = true;
        value.reads.push_back({pair.remainder, cells_read_[pair.label_cell].read.confidence,
                               cells_read_[pair.label_cell].read.min_confidence, "block"});
        value.sealed = sealed(box);
      }
      out_.values.push_back(std::move(value));
    }
    read_carried_text(table, cells, fields);
  }

  // Labels OCR misread past matching (推荐单位意见 read 推荐单位六) read once more with only the form's label
  // characters allowed, and once more thickened when that finds none: a faint 1-bit scan leaves hairline strokes
  // (职级 read 于级) that chi_sim reads whole only a pixel bolder. `reread`: cells read again before, never again.
  // Returns whether a label was found.
  bool reread_missing_labels(std::vector<CellText>& cells, const std::vector<LabelledCell>& pairs,
                             const std::vector<FieldModel>& fields, bool known_form, std::set<std::size_t>& reread) {
    const std::vector<LabelCandidate> candidates = misread_label_candidates(cells, pairs, fields, known_form);
    const std::string whitelist = label_characters(fields);
    std::set<std::string> found;
    for (const LabelCandidate& candidate : candidates) {
      if (!reread.insert(candidate.cell).second) continue;
      for (const bool thickened : {false, true}) {
        const CellRead again = read_cell(cells[candidate.cell].box, whitelist, thickened);
        const FieldModel* field = label_from_reads(candidate, cells[candidate.cell].text, again.read.text);
        if (!field) continue;
        if (!found.insert(field->id).second) break;
        // The cell now holds the label it was read as: pairing matches labels by text.
        cells[candidate.cell].text =
            match_label(again.read.text, candidate.fields) ? again.read.text : field->labels.front();
        break;
      }
    }
    return !found.empty();
  }

  // A form's second page that continues a long text: its first row is an empty label cell and the text.
  void read_carried_text(const TableGrid& table, const std::vector<CellText>& cells,
                         const std::vector<FieldModel>& fields) {
    if (out_.form) return;
    std::optional<std::size_t> label, value;
    for (std::size_t i = 0; i < table.cells.size(); ++i) {
      if (table.cells[i].row != 0) continue;
      if (table.cells[i].column == 0) label = i;
      else if (!value) value = i;
    }
    if (!label || !value || !cells[*label].text.empty()) return;
    if (utf8_decode(cells[*value].text).size() < min_carried_characters || is_label_text(cells[*value].text, fields)) return;
    LabelledValue carried;
    carried.page = out_.page;
    carried.continued = true;
    carried.box = original(cells[*value].box);
    carried.reads.push_back(cells_read_[*value].read);
    out_.values.push_back(std::move(carried));
  }

  // A continuation page of 附件4/9 without its header row: many narrow columns of one-line cells.
  bool looks_like_column_table(const TableGrid& table, const std::vector<CellText>& cells) const {
    if (out_.form || table.column_edges.size() < 6 || table.row_edges.size() < 3) return false;
    for (const CellText& cell : cells)
      if (is_label_text(cell.text, all_record_fields())) return false;
    return true;
  }

  void read_column_table(const TableGrid& table, const std::vector<CellText>& cells, const FormModel* form) {
    ColumnTableRead read;
    read.page = out_.page;
    const std::size_t columns = table.column_edges.size() > 0 ? table.column_edges.size() - 1 : 0;
    int header_row = -1;
    for (int row = 0; form && row < header_rows_searched && header_row < 0; ++row) {
      std::vector<std::string> header(columns);
      int matched = 0;
      for (std::size_t i = 0; i < table.cells.size(); ++i) {
        if (table.cells[i].row != row) continue;
        const auto match = match_label(cells[i].text, form->columns);
        if (!match || !match->remainder.empty()) continue;
        header[static_cast<std::size_t>(table.cells[i].column)] = match->field->id;
        ++matched;
      }
      if (matched >= 3) {
        read.header = complete_column_header(std::move(header), form->columns);
        header_row = row;
      }
    }
    std::map<int, TableRowRead> rows;
    // Above the header row: the 推荐单位 line in a ruled box, or under a seal whose rim was taken for the table's
    // top. Each such row is a line of the page, its cells joined left to right.
    std::map<int, std::vector<std::size_t>> rows_above;
    for (std::size_t i = 0; i < table.cells.size(); ++i)
      if (table.cells[i].row < header_row && !cells[i].text.empty()) rows_above[table.cells[i].row].push_back(i);
    for (auto& [row, members] : rows_above) {
      std::sort(members.begin(), members.end(),
                [&](std::size_t a, std::size_t b) { return table.cells[a].box.x < table.cells[b].box.x; });
      std::vector<TextRead> parts;
      cv::Rect extent = table.cells[members.front()].box;
      for (const std::size_t i : members) {
        parts.push_back(cells_read_[i].read);
        extent |= table.cells[i].box;
      }
      TextRead line = join_reads(parts);
      std::erase(line.text, '\n');
      out_.lines.push_back({std::move(line), original(extent)});
    }
    for (std::size_t i = 0; i < table.cells.size(); ++i) {
      const TableCell& cell = table.cells[i];
      if (cell.row <= header_row) continue;
      TableCellRead cell_read{cell.column, {}, original(cell.box)};
      if (!cells[i].text.empty()) {
        cell_read.reads.push_back(cells_read_[i].read);
        const std::string type = column_type(form, read.header, cell.column);
        if (!type.empty()) {
          const std::vector<TextRead> more = second_reads(cell.box, type, cells[i].text);
          cell_read.reads.insert(cell_read.reads.end(), more.begin(), more.end());
        }
      }
      rows[cell.row].cells.push_back(std::move(cell_read));
    }
    for (auto& [row, cells_of_row] : rows) read.rows.push_back(std::move(cells_of_row));
    out_.tables.push_back(std::move(read));
  }

  static std::string column_type(const FormModel* form, const std::vector<std::string>& header, int column) {
    if (!form || column < 0 || static_cast<std::size_t>(column) >= header.size()) return {};
    const FieldModel* field = form->field(header[static_cast<std::size_t>(column)]);
    return field ? field->type : std::string();
  }

  TesseractEngine& engine_;
  TesseractEngine& cross_check_;
  TesseractEngine& digits_;
  TesseractEngine* script_;  // nullptr: no third read of names and short long texts
  FaceDetector& faces_;
  const PageReaderOptions& options_;
  const CleanPage& clean_;
  const TextLayer* text_layer_;
  PageRead& out_;
  PageRulings rulings_;
  SealRowReader seal_rows_{clean_, rulings_, engine_, cross_check_};
  cv::Mat lines_binary_, lines_grey_;  // the page the lines outside tables are found and read on
  std::vector<CellRead> cells_read_;
  std::vector<cv::Rect> line_boxes_;  // clean-page boxes of out_.lines read from pixels, parallel to them
  std::vector<TableGrid> tables_;
};

// A model besides the main one, `main`'s options with `language`; none when `language` is empty.
Result<std::optional<TesseractEngine>> another_model(const OcrOptions& main, const std::string& language) {
  if (language.empty()) return std::optional<TesseractEngine>();
  OcrOptions ocr = main;
  ocr.language = language;
  auto engine = TesseractEngine::create(ocr);
  if (!engine) return engine.error();
  return std::optional<TesseractEngine>(std::move(engine).value());
}

}  // namespace

Result<PageReader> PageReader::create(const PageReaderOptions& options) {
  auto engine = TesseractEngine::create(options.ocr);
  if (!engine) return engine.error();
  // The cross-check model is another model, or none: the main model read twice repeats its own misreads.
  const std::string cross_language =
      options.cross_check_language == options.ocr.language ? std::string() : options.cross_check_language;
  auto cross_check = another_model(options.ocr, cross_language);
  if (!cross_check) return cross_check.error();
  auto digits = another_model(options.ocr, options.digits_language);
  if (!digits) return digits.error();
  auto script = another_model(options.ocr, options.script_language);
  if (!script) return script.error();
  auto faces = FaceDetector::create(options.faces);
  if (!faces) return faces.error();
  return PageReader(std::move(engine.value()), std::move(cross_check).value(), std::move(digits).value(),
                    std::move(script).value(), std::move(faces).value(), options);
}

PageRead PageReader::read(const DecodedPage& page, const std::string& file) {
  PageRead out;
  out.file = file;
  out.page = page.index;
  // Up from down by how well OCR reads a few lines both ways: layout cues alone miss upside-down text pages.
  const int dpi = page.dpi > 0 ? page.dpi : 300;
  const CleanPage clean = clean_page(page, options_.cleanup, make_upright_scorer(engine_, dpi));
  out.rotation = clean.rotation;
  out.skew = clean.skew_degrees;
  out.seals = static_cast<int>(clean.seals.size());
  out.blank = clean.blank;
  if (clean.blank) return out;
  const TextLayer* layer = page.text_layer ? &*page.text_layer : nullptr;
  TesseractEngine& cross_check = cross_check_ ? *cross_check_ : engine_;
  PageReading(engine_, cross_check, digits_ ? *digits_ : cross_check, script_ ? &*script_ : nullptr, faces_, options_,
              clean, layer, out)
      .run();
  return out;
}

}  // namespace intake
