#pragma once
// The domain records as plain data: what the store keeps and the export shows (EXPORT.md).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/form_kind.h"

namespace intake {

using Id = std::int64_t;

struct Finding {
  std::string key;  // identity across reruns: the same problem found again is stored once
  std::string rule; // one of EXPORT.md's rule names
  Severity severity = Severity::error;
  std::optional<std::string> recommender;
  std::optional<std::string> subject;
  std::optional<std::string> field;
  std::vector<Id> documents;
  std::optional<std::string> file;
  std::string message;
};

struct StoredFinding {
  Id id = 0;
  Finding finding;
};

struct SourceRef {
  std::string file;
  std::vector<int> pages;  // 1-based page numbers within the file
  std::string sha256;
  std::optional<std::string> message_id;
  std::optional<std::string> received;
};

struct StoredField {
  std::string field;
  std::optional<int> row_index;
  std::optional<std::string> value_json;  // the normalised value, as JSON text
  std::optional<double> confidence;
  FieldStatus status = FieldStatus::review;
  std::optional<int> page;                 // 1-based page number within the source file
  std::optional<std::array<int, 4>> box;   // x, y, w, h in that page's pixels
  std::optional<std::string> file;         // set when the page is in another file than the document's source
  std::optional<std::string> note;
};

struct SourcePart {
  std::string file;
  std::vector<int> pages;
};

struct StoredDocument {
  Id id = 0;
  FormKind form = FormKind::unknown;
  std::optional<Round> round;
  Channel channel = Channel::paper;
  std::optional<std::string> recommender;
  SourceRef source;
  std::vector<SourcePart> parts;  // every file the document's pages are in, when more than one
  int copies = 1;
  std::vector<StoredField> fields;
};

struct StoredNominee {
  Id id = 0;
  std::string kind;  // individual | collective
  std::optional<std::string> recommender;
  std::string name;
  std::optional<std::string> unit_name;
  std::vector<Id> documents;
  std::optional<Id> photo;
  std::optional<std::string> birth;  // YYYY-MM-DD from the ID number, else YYYY-MM (出生年月)
};

struct StoredPhoto {
  Id id = 0;
  std::string file;
  std::optional<std::string> name;
  std::optional<std::string> birth;
  bool ok = false;
  std::vector<std::string> problems;
  std::string sha256;                      // of the photo's bytes (its source)
  std::optional<std::string> recommender;  // who sent it
  std::optional<Id> nominee;
  std::string checks_json = "[]";          // the photo's own problems: [{problem, message, severity}]
  std::string measured_json = "{}";        // what the checks measured
};

}  // namespace intake
