#pragma once
// Field extraction for one assembled document (issue 4, stages 3–6): record fields from their labelled cells, long
// texts joined across continuation pages and 附页, 附件4/9 rows across pages, 附件4's header line, work reports'
// date and publicity periods; every value normalised and given its status, and the record's cross-checks run.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractors/cross_checks.h"
#include "extractors/documents/document_assembly.h"
#include "extractors/page/page_read.h"
#include "models/form_kind.h"

namespace intake {

struct ExtractedField {
  std::string field;
  std::optional<int> row_index;  // 附件4/9 rows, 0-based
  nlohmann::json value;          // normalised; null when blank or unread
  FieldStatus status = FieldStatus::missing;
  double confidence = 0;
  std::string raw_text;
  std::optional<std::size_t> page;  // index into the page sequence the document was assembled from
  std::optional<PixelBox> box;
  std::string mode;  // how the value was read: block, line, digits, date, character
  std::string note;
};

struct ExtractedDocument {
  std::vector<ExtractedField> fields;
  std::vector<CrossCheck> checks;
  std::optional<std::string> recommender;  // as the document's own content names it
  std::optional<std::string> subject;      // the nominee's name or the unit's name
};

ExtractedDocument extract_document(const AssembledDocument& document, const std::vector<PageRead>& pages);

// The record's cross-checks and subject from its fields (again after copies are merged).
void summarise_fields(ExtractedDocument& document);

}  // namespace intake
