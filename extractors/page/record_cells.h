#pragma once
// Pairs the printed labels of a record form's table with their value cells (FORMS.md: "value = the neighbouring
// cell"). Works on cell geometry and text alone: forms are filled in Word, rows and columns move, so a label's value
// is found by where it is relative to the label, never by fixed coordinates.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "models/form_model.h"

namespace intake {

struct CellText {
  cv::Rect box;
  std::string text;
};

struct LabelledCell {
  const FieldModel* field = nullptr;
  std::size_t label_cell = 0;
  std::optional<std::size_t> value_cell;  // none when the value is inline (then `remainder` holds it)
  std::string label;                      // the label cell's text
  std::string remainder;                  // a value written in the label's own cell: 姓名：王晓梅
  // Set when one value cell lies beside several labels (the ruling between two opinion rows was lost): each
  // label's part of it, the cell cut to the label's own rows.
  std::optional<cv::Rect> value_region;
  bool named_by_value = false;  // paired by the value's own form, its label never read (pair_values_by_their_form)
  bool named_by_place = false;  // paired by its place among the found labels, its label never read
};

// `cells` in reading order. A label's value is the nearest cell to its right on the same line that is not itself a
// label; a label with nothing to its right (a heading row) takes the cell below. Each field is taken once, at its
// first label in reading order.
std::vector<LabelledCell> pair_labels_with_values(const std::vector<CellText>& cells,
                                                  const std::vector<FieldModel>& fields);

// Cells that may hold a label OCR misread past matching, worth reading again with only label characters allowed:
// some field has no label yet, and the cell is neither a found label nor a found value, nor just left of a found
// label (a value is). Each with the fields whose labels its text is within half the characters of; a cell near no
// label comes with every missing field when it stands first on its line or just right of a found value, if
// `by_place` (a titled form's page: an untitled page misses every record form's fields, and would read most of its
// cells again).
struct LabelCandidate {
  std::size_t cell = 0;
  std::vector<FieldModel> fields;
};
std::vector<LabelCandidate> misread_label_candidates(const std::vector<CellText>& cells,
                                                     const std::vector<LabelledCell>& pairs,
                                                     const std::vector<FieldModel>& fields, bool by_place = true);

// The field a candidate's two reads (its first read and one with label characters only) make it the label of:
// the field the second read matches; else, when the cell is near one label only and that label is long enough for
// slips to leave it unmistakable (four characters or more), both reads within half its characters of it
// (主旧洒迹 and 主种迹 for 主要事迹 on a worn 1-bit scan). nullptr when neither.
const FieldModel* label_from_reads(const LabelCandidate& candidate, const std::string& first_read,
                                   const std::string& second_read);

// Values whose labels were never read (a faint scan) but whose own form names their field: a cell right of an
// unpaired cell (its label, unread) read losslessly as exactly one missing field's type, where that type belongs to
// no other field (an ID number with its check digit, an ethnicity, a rank, a phone number…), and the only such cell
// for that field. The caller sends each such value to review.
std::vector<LabelledCell> pair_values_by_their_form(const std::vector<CellText>& cells,
                                                    const std::vector<LabelledCell>& pairs,
                                                    const std::vector<FieldModel>& fields);

// Values whose labels were never read (a faint scan) and whose form does not name them (a native place is any
// text): a form prints its labels in the order of its model (`fields`, FORMS.md), each with its value to its right.
// A run of fields with no label found, between two fields that were found, is named by the cells between those
// two when they are exactly one unpaired label and value for each, in order, side by side on a line (民族 汉族
// [壬玫 辽宁本滩] 政治面貌: 籍贯). Rows and columns may move in a form filled in Word; its labels' order does not.
// Only for a page whose title gave its form. The caller sends each such value to review.
std::vector<LabelledCell> pair_values_by_their_place(const std::vector<CellText>& cells,
                                                     const std::vector<LabelledCell>& pairs,
                                                     const std::vector<FieldModel>& fields);

// Is this cell's text a label of one of `fields`? Used to tell a header row of column labels from data.
bool is_label_text(const std::string& text, const std::vector<FieldModel>& fields);

}  // namespace intake
