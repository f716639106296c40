#include "extractors/documents/document_fields.h"

#include <algorithm>
#include <map>

#include "extractors/documents/header_line.h"
#include "extractors/documents/serial_numbers.h"
#include "extractors/documents/value_decision.h"
#include "extractors/layout/label_match.h"
#include "extractors/normalise/date_values.h"
#include "extractors/normalise/hidden_date.h"
#include "extractors/normalise/normalise.h"
#include "extractors/normalise/opinion_value.h"
#include "extractors/normalise/place_names.h"
#include "extractors/normalise/publicity_periods.h"
#include "extractors/normalise/text_values.h"
#include "models/form_model.h"
#include "models/unit_model.h"
#include "models/utf8.h"

namespace intake {
namespace {

// A check a value's type alone cannot make sends an ok value to review with the reason.
void doubt(ExtractedField& field, std::string note) {
  if (field.status == FieldStatus::ok) field.status = FieldStatus::review;
  field.note = field.note.empty() ? std::move(note) : field.note + "; " + note;
}

// Fields whose value begins with a place: a unit's name, a unit and post, an address, 附件4's 名称或姓名.
bool names_a_place(const std::string& id) {
  return id == "unit_name" || id == "unit_and_title" || id == "address" || id == "title";
}

void check_places(ExtractedField& field) {
  if (!names_a_place(field.field) || !field.value.is_string()) return;
  const PlaceCheck check = check_leading_places(field.value.get<std::string>());
  if (check.verdict == PlaceVerdict::snapped) {
    field.value = check.text;
    doubt(field, check.read + " is no place in Liaoning; read as " + check.snapped + ", " + check.why);
  } else if (check.verdict == PlaceVerdict::unknown) {
    doubt(field, check.read + " is no place in Liaoning");
  }
}

// The unit a report or 附件4 is from must be one of the recommending units (as printed, 朝阳 for 朝阳市).
void check_recommender(ExtractedField& field) {
  if (field.field != "recommender" || !field.value.is_string()) return;
  if (!match_recommender(field.value.get<std::string>())) doubt(field, "names no recommending unit");
}

ExtractedField field_from(const FieldModel& model, const ValueDecision& decision) {
  ExtractedField field;
  field.field = model.id;
  field.value = decision.value;
  field.status = decision.status;
  field.confidence = decision.confidence;
  field.raw_text = decision.raw_text;
  field.mode = decision.mode;
  field.note = decision.note;
  check_places(field);
  check_recommender(field);
  // 职级 as a post, 联系电话 as a name: the label of the next field taken for this one's value.
  const bool free_text = model.type == "text" || model.type == "name";
  if (free_text && field.value.is_string() && reads_as_label(field.value.get<std::string>()))
    doubt(field, "the value reads as a printed label");
  return field;
}

// The lines of a 附页 without its heading and the 某某同志主要事迹 line under it.
std::string annex_page_text(const PageRead& page) {
  std::vector<std::string> lines;
  for (const TextLineRead& line : page.lines) lines.push_back(line.read.text);
  std::size_t skip = 0;
  while (skip < lines.size() && skip < 2) {
    const std::string& line = lines[skip];
    const bool subtitle = utf8_decode(line).size() <= 20 && line.find("主要事迹") != std::string::npos;
    if (!is_annex_heading(line) && !subtitle) break;
    ++skip;
  }
  std::string text;
  for (std::size_t i = skip; i < lines.size(); ++i) {
    if (!text.empty()) text += '\n';
    text += lines[i];
  }
  return text;
}

bool refers_to_annex(const std::string& text) {
  const std::u32string compact = compact_text(text, Fold::everything);
  return compact.size() <= 12 && compact.find(U"附页") != std::u32string::npos;
}

class RecordExtraction {
 public:
  RecordExtraction(const FormModel& form, const AssembledDocument& document, const std::vector<PageRead>& pages)
      : form_(form), document_(document), pages_(pages) {}

  std::vector<ExtractedField> run() {
    collect();
    deeds_from_annex_pages();
    std::vector<ExtractedField> fields;
    for (const FieldModel& model : form_.fields) {
      const auto found = found_.find(model.id);
      if (found == found_.end()) {
        // The label was not found at all: nothing to show, and a person should look — an optional field too, for
        // its row may hold a value OCR could not tie to the label.
        ExtractedField field;
        field.field = model.id;
        field.status = model.required ? FieldStatus::missing : FieldStatus::review;
        field.note = "label not found";
        if (!model.blank_on_submission) fields.push_back(std::move(field));
        continue;
      }
      fields.push_back(extract(model, found->second));
    }
    return fields;
  }

 private:
  struct Found {
    std::size_t page;
    const LabelledValue* value;
    std::vector<TextRead> continuation;  // carried-over text on later pages and 附页
    std::string unlabelled_because;  // why the value is this field's though its label was not read
  };

  struct AnnexPage {
    std::size_t page;  // in the document
    TextRead text;
    PixelBox box;
    int file_page = 0;
  };

  // A 附页 is the rest of 主要事迹 (notice 七), so a document whose 主要事迹 label was not read on its form (a broken
  // grid on a heavy 1-bit scan) still has its deeds: the 附页's text, for review.
  void deeds_from_annex_pages() {
    if (annex_without_label_.empty() || found_.contains("deeds")) return;
    const AnnexPage& first = annex_without_label_.front();
    unlabelled_deeds_.field = "deeds";
    unlabelled_deeds_.box = first.box;
    unlabelled_deeds_.page = first.file_page;
    Found found{first.page, &unlabelled_deeds_, {}, "the text of the 附页"};
    for (const AnnexPage& page : annex_without_label_) found.continuation.push_back(page.text);
    found_["deeds"] = std::move(found);
  }

  void collect() {
    std::optional<std::string> last_long;  // the long text a carried-over cell continues
    for (std::size_t k = 0; k < document_.pages.size(); ++k) {
      const std::size_t index = document_.pages[k];
      const PageRead& page = pages_[index];
      if (document_.roles[k] == PageRole::annex_page) {
        const TextRead text{annex_page_text(page), page.text.confidence, page.text.min_confidence, page.text.mode};
        if (auto it = found_.find("deeds"); it != found_.end()) {
          it->second.continuation.push_back(text);
        } else if (form_.field("deeds")) {
          annex_without_label_.push_back({k, text, page.text_box, page.page});
        }
        continue;
      }
      for (const LabelledValue& value : page.values) {
        if (value.continued) {
          if (last_long) {
            auto it = found_.find(*last_long);
            if (it != found_.end() && !value.reads.empty()) it->second.continuation.push_back(value.reads.front());
          }
          continue;
        }
        const FieldModel* model = form_.field(value.field);
        if (!model || found_.contains(value.field)) continue;
        // A value paired by its own form (an ID number, a rank) or by its place among the labels found, when its
        // label was read past recognising.
        const char* unlabelled = value.named_by_value   ? "the value's form names the field"
                                 : value.named_by_place ? "its place among the form's labels names the field"
                                                        : "";
        found_[value.field] = Found{index, &value, {}, unlabelled};
        if (model->type == "long_text") last_long = value.field;
      }
    }
  }

  ExtractedField extract(const FieldModel& model, const Found& found) {
    const LabelledValue& value = *found.value;
    std::vector<TextRead> reads = value.reads;
    // A long text is its cell's read and what continues it; a text wholly in its cell keeps its other reads (a
    // short one's by the script model), which decide_value compares.
    if (model.type == "long_text") {
      const bool to_annex = !reads.empty() && refers_to_annex(reads.front().text);
      const bool whole_in_cell = reads.size() > 1 && found.continuation.empty() && !to_annex;
      if (!whole_in_cell) {
        std::vector<TextRead> parts;
        if (!reads.empty() && !to_annex) parts.push_back(reads.front());
        parts.insert(parts.end(), found.continuation.begin(), found.continuation.end());
        reads = {join_reads(parts)};
      }
    }
    ValueDecision decision = model.type == "opinion" ? decide_opinion(reads, model.required)
                                                     : decide_value(model.type, reads, model.required);
    if (model.type == "opinion" && decision.value.is_object()) {
      decision.value["sealed"] = value.sealed;
    }
    if (model.type == "opinion" && model.blank_on_submission && reads_as_blank_box(decision.value)) {
      // A box the province fills in later, blank: its printed marks misread and specks are no opinion, and a seal
      // found there is the recommender's overlapping from the box above.
      decision.value = nullptr;
      decision.status = FieldStatus::ok;
      decision.note.clear();
    } else if (model.type == "opinion" && decision.value.is_null() && !model.required) {
      decision.status = FieldStatus::ok;  // a blank opinion box the province fills in later
    }
    ExtractedField field = field_from(model, decision);
    field.page = found.page;
    field.box = value.box;
    if (!found.unlabelled_because.empty()) {
      if (field.status == FieldStatus::ok) field.status = FieldStatus::review;
      field.note = "label not found: " + found.unlabelled_because + (field.note.empty() ? "" : "; " + field.note);
    }
    return field;
  }

  const FormModel& form_;
  const AssembledDocument& document_;
  const std::vector<PageRead>& pages_;
  std::map<std::string, Found> found_;
  std::vector<AnnexPage> annex_without_label_;
  LabelledValue unlabelled_deeds_;  // the deeds found without their label; found_ points to it
};

// 序号 the rows around a row leave exactly one number for: a misread one would also pair the row with the wrong
// row of another copy or of the electronic table.
void check_serial_numbers(std::vector<ExtractedField>& fields) {
  std::vector<ExtractedField*> serials;
  for (ExtractedField& field : fields)
    if (field.row_index && field.field == "seq") serials.push_back(&field);
  std::vector<std::optional<long>> read;
  for (const ExtractedField* field : serials)
    read.push_back(field->value.is_number_integer() ? std::optional<long>(field->value.get<long>()) : std::nullopt);
  for (const SerialRepair& repair : repair_serial_numbers(read)) {
    ExtractedField& field = *serials[repair.row];
    const std::string was = field.value.is_null() ? "nothing" : field.value.dump();
    field.value = repair.number;
    field.status = FieldStatus::review;  // from missing or invalid too: the value is now a guess to confirm
    doubt(field, "read " + was + "; the rows around it count " + std::to_string(repair.number));
  }
}

// 附件4/9: the header line's fields, then every row of every page's part of the table.
std::vector<ExtractedField> extract_table(const FormModel& form, const AssembledDocument& document,
                                          const std::vector<PageRead>& pages) {
  std::vector<ExtractedField> fields;
  const PageRead& first = pages[document.pages.front()];
  if (!form.fields.empty()) {
    TextRead header;
    PixelBox header_box{};
    for (const TextLineRead& line : first.lines) {
      const auto parts = split_header_line(line.read.text, form.fields);
      if (parts.size() >= 2) {
        header = line.read;
        header_box = line.box;
        break;
      }
    }
    const auto parts = split_header_line(header.text, form.fields);
    for (const FieldModel& model : form.fields) {
      std::vector<TextRead> reads;
      // The line's confidence for each part: the line was read as one, and a seal over one value lowers it all.
      if (auto it = parts.find(model.id); it != parts.end())
        reads.push_back({it->second, header.confidence, header.min_confidence, header.mode});
      ExtractedField field = field_from(model, decide_value(model.type, reads, model.required));
      if (reads.empty()) {
        field.status = FieldStatus::review;
        field.note = "label not found";
      }
      field.page = document.pages.front();
      field.box = header_box;
      fields.push_back(std::move(field));
    }
  }
  std::vector<std::string> header;
  int row_index = 0;
  for (const std::size_t index : document.pages) {
    for (const ColumnTableRead& table : pages[index].tables) {
      if (!table.header.empty()) header = table.header;
      for (const TableRowRead& row : table.rows) {
        const bool empty = std::all_of(row.cells.begin(), row.cells.end(), [](const TableCellRead& cell) {
          return cell.reads.empty() || cell.reads.front().text.empty();
        });
        if (empty) continue;
        for (const FieldModel& column : form.columns) {
          const auto position = std::find(header.begin(), header.end(), column.id);
          std::vector<TextRead> reads;
          std::optional<PixelBox> box;
          if (position != header.end()) {
            const int grid_column = static_cast<int>(position - header.begin());
            for (const TableCellRead& cell : row.cells)
              if (cell.column == grid_column) {
                reads = cell.reads;
                box = cell.box;
              }
          }
          ExtractedField field = field_from(column, decide_value(column.type, reads, column.required));
          field.row_index = row_index;
          field.page = index;
          field.box = box;
          fields.push_back(std::move(field));
        }
        ++row_index;
      }
    }
  }
  check_serial_numbers(fields);
  return fields;
}

// A report's signature date that its seal hid in part: no full date on the last lines, one of them the visible part
// of a date (see hidden_date.h). The one campaign day it can be, for review.
std::optional<ValueDecision> signature_date_under_seal(const PageRead& last) {
  constexpr std::size_t signature_lines = 3;  // the unit, the date, and a stray line of the seal
  const std::size_t from = last.lines.size() - std::min(last.lines.size(), signature_lines);
  for (std::size_t i = from; i < last.lines.size(); ++i)
    if (!find_dates(utf8_decode(last.lines[i].read.text)).empty()) return std::nullopt;
  const auto decided = [](const std::chrono::year_month_day& date, const TextRead& line, std::string_view note) {
    ValueDecision decision;
    decision.value = iso_date(date);
    decision.status = FieldStatus::review;
    decision.confidence = line.confidence;
    decision.raw_text = line.text;
    decision.note = std::string(note);
    return decision;
  };
  for (std::size_t i = last.lines.size(); i-- > from;) {
    const TextRead& line = last.lines[i].read;
    if (const auto date = date_under_seal(line.text, campaign_window())) return decided(*date, line, hidden_date_note);
  }
  // The seal's marks on the date's glyphs rather than hiding them: the day the one line that holds part of a date
  // comes nearest to (see nearest_campaign_day).
  const TextRead* dated = nullptr;
  for (std::size_t i = from; i < last.lines.size(); ++i) {
    if (!holds_date_part(last.lines[i].read.text)) continue;
    if (dated) return std::nullopt;
    dated = &last.lines[i].read;
  }
  if (!dated) return std::nullopt;
  if (const auto date = nearest_campaign_day({dated->text}, campaign_window()))
    return decided(*date, *dated, nearest_date_note);
  return std::nullopt;
}

// The unit a report's title names when its place was misread (时新市关于… for 阜新市): the one known place a
// character away, and the note that says so. For review only, and not the document's recommender (which counts
// triple in its folder's vote): a title misread twice over could name a neighbour.
std::optional<std::pair<std::string, std::string>> recommender_by_snapped_place(
    const std::vector<std::string>& titles) {
  for (const std::string& title : titles) {
    const PlaceCheck place = check_leading_places(title);
    if (place.verdict != PlaceVerdict::snapped) continue;
    if (const auto unit = match_recommender(place.text))
      return std::pair{*unit, "snapped " + place.read + " to " + place.snapped};
  }
  return std::nullopt;
}

// Work report: the whole text, its date (the last date, under the signature) and the publicity periods.
std::vector<ExtractedField> extract_report(const FormModel& form, const AssembledDocument& document,
                                           const std::vector<PageRead>& pages, std::optional<std::string>& recommender) {
  std::vector<TextRead> parts;
  for (const std::size_t index : document.pages) parts.push_back(pages[index].text);
  const TextRead text = join_reads(parts);
  const PageRead& first = pages[document.pages.front()];
  const PageRead& last = pages[document.pages.back()];
  std::vector<ExtractedField> fields;
  for (const FieldModel& model : form.fields) {
    ValueDecision decision;
    if (model.id == "text") {
      decision = decide_value(model.type, {text}, true);
    } else if (model.id == "publicity") {
      decision = decide_value(model.type, {text}, true);
    } else if (model.id == "report_date") {
      const std::u32string all = utf8_decode(last.text.text);
      const auto dates = find_dates(all);
      std::vector<TextRead> reads;
      if (!dates.empty()) {
        const DateMention& date = dates.back();
        reads.push_back({utf8_encode(all.substr(date.begin, date.end - date.begin)), last.text.confidence,
                         last.text.min_confidence, last.text.mode});
      }
      decision = decide_value(model.type, reads, true);
      if (const auto hidden = signature_date_under_seal(last)) decision = *hidden;
    } else if (model.id == "recommender") {
      const std::string first_line = first.lines.empty() ? std::string() : first.lines.front().read.text;
      recommender = match_recommender(first.title);
      if (!recommender) recommender = match_recommender(first_line);
      decision.value = recommender ? nlohmann::json(*recommender) : nlohmann::json();
      decision.status = recommender ? FieldStatus::ok : FieldStatus::review;
      decision.confidence = first.text.confidence;
      decision.raw_text = first.title;
      if (!recommender)
        if (const auto snapped = recommender_by_snapped_place({first.title, first_line})) {
          decision.value = snapped->first;
          decision.note = snapped->second;
        }
    }
    ExtractedField field = field_from(model, decision);
    field.page = model.id == "report_date" ? document.pages.back() : document.pages.front();
    field.box = model.id == "report_date" ? last.text_box : first.text_box;
    fields.push_back(std::move(field));
  }
  return fields;
}

std::optional<std::string> value_text(const std::vector<ExtractedField>& fields, const std::string& id) {
  for (const ExtractedField& field : fields)
    if (field.field == id && !field.row_index && field.value.is_string()) return field.value.get<std::string>();
  return std::nullopt;
}

}  // namespace

void summarise_fields(ExtractedDocument& document) {
  nlohmann::json values = nlohmann::json::object();
  for (const ExtractedField& field : document.fields)
    if (!field.row_index && !field.value.is_null()) values[field.field] = field.value;
  document.checks = cross_check_record(values);
  document.subject = value_text(document.fields, "name");
  if (!document.subject) document.subject = value_text(document.fields, "unit_name");
}

ExtractedDocument extract_document(const AssembledDocument& document, const std::vector<PageRead>& pages) {
  ExtractedDocument out;
  const auto kind = form_kind_from(document.form);
  const FormModel* form = kind ? form_catalogue().find(*kind) : nullptr;
  if (!form || document.pages.empty()) return out;
  if (form->layout == "record") {
    out.fields = RecordExtraction(*form, document, pages).run();
  } else if (form->layout == "table") {
    out.fields = extract_table(*form, document, pages);
  } else {
    out.fields = extract_report(*form, document, pages, out.recommender);
  }

  summarise_fields(out);
  // A report's recommender field was matched exactly already; a place snapped in its title is for review only.
  if (!out.recommender && form->layout != "free_text") {
    for (const char* id : {"recommender", "unit_name", "unit_and_title"})
      if (const auto text = value_text(out.fields, id))
        if ((out.recommender = match_recommender(*text))) break;
  }
  if (!out.recommender && form->id == "annex9") out.recommender = match_recommender(pages[document.pages.front()].title);
  return out;
}

}  // namespace intake
