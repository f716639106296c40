#include "pipeline/export/export_csv.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <array>
#include <set>
#include <vector>

#include "models/privacy.h"

namespace intake {
namespace {

// RFC 4180: quote every cell, double the quotes inside.
std::string csv_cell(std::string_view text) {
  std::string cell = "\"";
  for (const char c : text) {
    if (c == '"') cell += '"';
    cell += c;
  }
  return cell + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line += ',';
    line += csv_cell(cells[i]);
  }
  return line + "\r\n";
}

// A stored value as spreadsheet text: strings bare, anything else (opinions, lists) as compact JSON.
std::string value_text(const std::optional<std::string>& value_json) {
  if (!value_json) return "";
  const auto value = nlohmann::json::parse(*value_json, nullptr, false);
  if (value.is_discarded() || value.is_null()) return "";
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string masked_value(const std::string& field, const std::string& text) {
  static const std::set<std::string> id_fields{"id_number"};
  static const std::set<std::string> phone_fields{"phone", "contact_phone"};
  if (id_fields.contains(field)) return mask_id_number(text);
  if (phone_fields.contains(field)) return mask_phone(text);
  return mask_personal_data(text);
}

std::string optional_text(const std::optional<std::string>& text) { return text.value_or(""); }

}  // namespace

std::string export_csv(Store& store, const CsvOptions& options) {
  // A UTF-8 byte-order mark: without it Excel on Chinese Windows opens the file as GBK and garbles every name.
  std::string out = "\xEF\xBB\xBF";
  out += csv_line({"document", "form", "round", "channel", "recommender", "file", "pages", "field", "row", "value",
                   "status", "confidence", "page", "box"});
  for (const StoredDocument& document : store.documents()) {
    const std::vector<std::string> document_cells{
        std::to_string(document.id),
        std::string(name_of(document.form)),
        document.round ? std::string(name_of(*document.round)) : "",
        std::string(name_of(document.channel)),
        optional_text(document.recommender),
        document.source.file,
        fmt::format("{}", fmt::join(document.source.pages, " "))};
    if (document.fields.empty()) {
      auto cells = document_cells;
      cells.resize(14);
      out += csv_line(cells);
      continue;
    }
    for (const StoredField& field : document.fields) {
      auto cells = document_cells;
      const std::string text = value_text(field.value_json);
      cells.push_back(field.field);
      cells.push_back(field.row_index ? std::to_string(*field.row_index) : "");
      cells.push_back(options.unmasked ? text : masked_value(field.field, text));
      cells.push_back(std::string(name_of(field.status)));
      cells.push_back(field.confidence ? fmt::format("{:.2f}", *field.confidence) : "");
      cells.push_back(field.page ? std::to_string(*field.page) : "");
      cells.push_back(field.box ? fmt::format("{}", fmt::join(*field.box, " ")) : "");
      out += csv_line(cells);
    }
  }
  return out;
}

}  // namespace intake
