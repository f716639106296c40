#pragma once
// What reading one scanned page gives: plain data, independent of pixels, so that classification, assembly into
// documents and field extraction are pure functions over a sequence of these (and testable without images).
// Boxes are in the ORIGINAL decoded page's pixels (what EXPORT.md reports); the page reader maps them back from the
// cleaned page.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>


namespace intake {

using PixelBox = std::array<int, 4>;  // x, y, w, h

// Text as one source read it, with its evidence.
struct TextRead {
  std::string text;
  double confidence = 0;      // mean symbol confidence, 0..1
  double min_confidence = 0;  // the weakest symbol
  std::string mode;           // how it was read: block, line, digits, date, text-layer
};

// A value next to a printed label, as found on a record-style page (附件2/3/5/6/7/8).
struct LabelledValue {
  std::string field;                // the field id the label names (forms.json)
  std::string label;                // the label as read
  std::vector<TextRead> reads;      // the value cell read in one or more modes, the first the main read
  PixelBox box{};                   // the value cell
  int page = 0;                     // 1-based page within its file
  bool sealed = false;              // a seal overlaps the value cell (opinions)
  bool continued = false;           // a value cell with an empty label at the top of a page: text carried over
  bool inline_value = false;        // the value shared the label's cell (姓名：王晓梅)
  bool named_by_value = false;      // the label was not read: the value's own form names the field (an ID number)
  bool named_by_place = false;      // the label was not read: its place between the labels found names the field
};

// One cell of a column table (附件4, 附件9).
struct TableCellRead {
  int column = 0;  // 0-based column of the table grid
  std::vector<TextRead> reads;
  PixelBox box{};
};

struct TableRowRead {
  std::vector<TableCellRead> cells;
};

// A column table: header labels (empty when this page's part of the table has no header row) and the rows.
struct ColumnTableRead {
  std::vector<std::string> header;  // column field id per grid column ("" when unrecognised)
  std::vector<TableRowRead> rows;
  int page = 0;
};

struct TextLineRead {
  TextRead read;
  PixelBox box{};
};

// The photo box of 附件3/6 (照片) as the reader found it: whether a photo is in it and how many faces it shows.
struct PhotoBoxRead {
  PixelBox box{};
  bool photo = false;
  int faces = -1;  // -1: not measured (no photo, or a 1-bit scan)
};

struct PageRead {
  std::string file;  // as named on the command line
  int page = 0;      // 1-based within the file
  bool blank = false;
  int rotation = 0;        // clockwise degrees the page was turned
  double skew = 0;         // degrees corrected
  int seals = 0;           // seals found on the page
  // Classification from the page's own title, when it has one.
  std::optional<std::string> form;  // forms.json id (annex2 … annex9, report)
  std::optional<std::string> round;  // initial | formal
  double title_score = 0;
  std::string title;                        // the title line as read
  std::vector<TextLineRead> lines;          // text outside tables, top to bottom (titles, 附件4's header line)
  std::vector<LabelledValue> values;        // record-style label/value pairs
  std::vector<ColumnTableRead> tables;      // column tables
  bool has_table = false;                   // any ruled table at all
  TextRead text;                            // running text of a page without a table (reports, 附页)
  PixelBox text_box{};
  std::optional<std::string> problem;       // why the page could not be read, if it could not
  std::optional<PhotoBoxRead> photo_box;    // record forms with a photo box (附件3/6), scanned pages only
};

// Reads of consecutive parts (lines of a page, pages of a long text) as one: texts joined by line breaks, confidence
// the length-weighted mean, the weakest symbol of all. Empty parts are skipped.
TextRead join_reads(const std::vector<TextRead>& parts);

// JSON, as stored with each page (the page_reads table): what OCR saw, for provenance and for re-assembly.
// Every member reads back with its default when absent, so stored reads stay readable when members are added.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TextRead, text, confidence, min_confidence, mode)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LabelledValue, field, label, reads, box, page, sealed, continued,
                                                inline_value, named_by_value, named_by_place)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TableCellRead, column, reads, box)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TableRowRead, cells)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ColumnTableRead, header, rows, page)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TextLineRead, read, box)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PhotoBoxRead, box, photo, faces)
void to_json(nlohmann::json& out, const PageRead& page);
void from_json(const nlohmann::json& in, PageRead& page);

}  // namespace intake
