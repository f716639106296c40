#include "pipeline/export/export_json.h"

#include <map>

namespace intake {
namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

json parsed_value(const std::optional<std::string>& value_json) {
  if (!value_json) return nullptr;
  json value = json::parse(*value_json, nullptr, false);
  return value.is_discarded() ? json(nullptr) : value;
}

json field_entry(const StoredField& field) {
  json entry{{"value", parsed_value(field.value_json)}, {"status", name_of(field.status)}};
  if (field.confidence) entry["confidence"] = *field.confidence;
  if (field.page) entry["page"] = *field.page;
  if (field.box) entry["box"] = *field.box;
  if (field.file) entry["file"] = *field.file;  // the page is in another file of a multi-file document
  if (field.note) entry["note"] = *field.note;
  return entry;
}

// The worst status of a table's cells is the table's status: one unread cell sends the table to review.
FieldStatus worse(FieldStatus a, FieldStatus b) {
  auto rank = [](FieldStatus s) {
    switch (s) {
      case FieldStatus::ok: return 0;
      case FieldStatus::review: return 1;
      case FieldStatus::missing: return 2;
      case FieldStatus::invalid: return 3;
    }
    return 3;
  };
  return rank(a) >= rank(b) ? a : b;
}

// Multi-row tables (annex4, annex9) store one field per cell with its row index; the export shows them as
// `rows: {value: [{column: value, …}, …]}`, with each cell's provenance beside it in `cells`.
json document_fields(const StoredDocument& document) {
  json fields = json::object();
  std::map<int, json> rows;
  std::map<int, json> cells;
  FieldStatus rows_status = FieldStatus::ok;
  for (const StoredField& field : document.fields) {
    if (!field.row_index) {
      fields[field.field] = field_entry(field);
      continue;
    }
    rows[*field.row_index][field.field] = parsed_value(field.value_json);
    cells[*field.row_index][field.field] = field_entry(field);
    rows_status = worse(rows_status, field.status);
  }
  if (!rows.empty()) {
    json values = json::array();
    json provenance = json::array();
    for (auto& [index, row] : rows) values.push_back(std::move(row));
    for (auto& [index, row] : cells) provenance.push_back(std::move(row));
    fields["rows"] = {{"value", std::move(values)}, {"status", name_of(rows_status)}, {"cells", std::move(provenance)}};
  }
  return fields;
}

json document_entry(const StoredDocument& document) {
  json entry = {
      {"id", document.id},
      {"form", name_of(document.form)},
      {"round", document.round ? json(name_of(*document.round)) : json(nullptr)},
      {"channel", name_of(document.channel)},
      {"recommender", optional_json(document.recommender)},
      {"source",
       {{"file", document.source.file},
        {"pages", document.source.pages},
        {"sha256", document.source.sha256},
        {"message_id", optional_json(document.source.message_id)},
        {"received", optional_json(document.source.received)}}},
      {"copies", document.copies},
      {"fields", document_fields(document)},
  };
  // A document whose pages are in several files (one JPEG per page): every file and its pages, in order.
  if (!document.parts.empty()) {
    json parts = json::array();
    for (const SourcePart& part : document.parts) parts.push_back({{"file", part.file}, {"pages", part.pages}});
    entry["parts"] = std::move(parts);
  }
  return entry;
}

// `id` (an added key) is what photos[].nominee names.
json nominee_entry(const StoredNominee& nominee) {
  return {{"id", nominee.id},
          {"kind", nominee.kind},
          {"recommender", optional_json(nominee.recommender)},
          {"name", nominee.name},
          {"unit_name", optional_json(nominee.unit_name)},
          {"documents", nominee.documents},
          {"photo", nominee.photo ? json(*nominee.photo) : json(nullptr)}};
}

// EXPORT.md's keys, then ours: the bytes' hash, who sent the photo, its nominee and what the checks measured
// (docs/PHOTOS.md); the findings say each problem in words.
json photo_entry(const StoredPhoto& photo) {
  json measured = json::parse(photo.measured_json, nullptr, false);
  return {{"id", photo.id},
          {"file", photo.file},
          {"name", optional_json(photo.name)},
          {"birth", optional_json(photo.birth)},
          {"ok", photo.ok},
          {"problems", photo.problems},
          {"sha256", photo.sha256},
          {"recommender", optional_json(photo.recommender)},
          {"nominee", photo.nominee ? json(*photo.nominee) : json(nullptr)},
          {"measured", measured.is_discarded() ? json::object() : measured}};
}

json finding_entry(const Finding& finding) {
  json entry{{"rule", finding.rule},
             {"severity", name_of(finding.severity)},
             {"recommender", optional_json(finding.recommender)},
             {"subject", optional_json(finding.subject)},
             {"field", optional_json(finding.field)},
             {"documents", finding.documents},
             {"message", finding.message}};
  if (finding.file) entry["file"] = *finding.file;
  return entry;
}

}  // namespace

json export_json(Store& store) {
  json out{{"schema", export_schema}};
  out["documents"] = json::array();
  for (const auto& document : store.documents()) out["documents"].push_back(document_entry(document));
  out["nominees"] = json::array();
  for (const auto& nominee : store.nominees()) out["nominees"].push_back(nominee_entry(nominee));
  out["photos"] = json::array();
  for (const auto& photo : store.photos()) out["photos"].push_back(photo_entry(photo));
  out["findings"] = json::array();
  for (const auto& stored : store.findings()) out["findings"].push_back(finding_entry(stored.finding));
  return out;
}

}  // namespace intake
