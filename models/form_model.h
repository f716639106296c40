#pragma once
// The annex forms as data (models/forms.json, FORMS.md): titles, labels, field ids and value types, and the
// vocabularies the value types draw on. Parsed once from the copy compiled into the binary.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/form_kind.h"

namespace intake {

struct FieldModel {
  std::string id;
  std::vector<std::string> labels;  // the printed label first, then variants seen on real forms
  std::string type;                 // a FORMS.md value type: text, name, date, opinion, …
  bool required = false;
  std::optional<int> max_chars;      // e.g. 简要事迹 ≤ 500
  bool blank_on_submission = false;  // filled in later by the provincial office (省评选表彰办, 省人社厅)
};

struct FormModel {
  std::string id;  // annex2 … annex9, report
  FormKind kind = FormKind::unknown;
  std::optional<int> annex;
  std::optional<Round> round;
  std::string nominee_kind;  // collective | individual | summary | members | report
  std::string layout;        // record | table | free_text
  std::string title;
  std::optional<std::string> title_pattern;  // ECMAScript regex for titles that vary (附件9's city, report round)
  // The fixed stretches of a title that varies, each matched as the title is, misreads allowed (the pattern wants
  // every character: 评选表彩工作 for 评选表彰工作 failed it).
  std::vector<std::string> title_variants;
  bool photo_box = false;
  std::vector<FieldModel> fields;   // record fields, or a table form's header fields
  std::vector<FieldModel> columns;  // multi-row tables (附件4, 附件9)

  // A field or column by id; nullptr when the form has none.
  const FieldModel* field(std::string_view id) const;
};

struct Vocabularies {
  std::vector<std::string> ethnicity, political_status, education, rank, unit_type, category, member_role,
      ineligible_rank, county_rank;
  std::vector<std::pair<std::string, std::string>> level;  // printed → provincial | city | county, in file order
};

struct FormCatalogue {
  std::vector<FormModel> forms;
  Vocabularies vocabularies;

  const FormModel* find(FormKind kind) const;
};

// Parses forms.json text. Throws std::runtime_error naming the form and field on malformed input: the embedded
// copy is part of the build, so a bad one is a programming error, not an input problem.
FormCatalogue parse_form_catalogue(std::string_view json_text);

// The embedded catalogue, parsed on first use (thread-safe) and kept for the life of the process.
const FormCatalogue& form_catalogue();

}  // namespace intake
