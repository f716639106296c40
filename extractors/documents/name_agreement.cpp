#include "extractors/documents/name_agreement.h"

#include <algorithm>
#include <map>

#include "extractors/normalise/vocabulary_snap.h"
#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

// A Chinese personal name: two to four Han characters (复姓 included).
bool looks_like_name(const std::u32string& text) {
  return text.size() >= 2 && text.size() <= 4 && std::all_of(text.begin(), text.end(), is_han);
}

// Fields that hold a person's name; 附件4's 名称或姓名 holds one in an individual's row.
bool names_a_person(const ExtractedField& field) {
  return field.field == "name" || field.field == "head_name" || field.field == "contact_name" ||
         (field.field == "title" && field.row_index);
}

struct NameRead {
  std::size_t document;
  std::size_t field;
  std::u32string name;
};

}  // namespace

void flag_disagreeing_names(std::vector<ExtractedDocument>& documents, const std::vector<std::string>& groups) {
  std::map<std::string, std::vector<NameRead>> by_group;
  for (std::size_t d = 0; d < documents.size() && d < groups.size(); ++d)
    for (std::size_t f = 0; f < documents[d].fields.size(); ++f) {
      const ExtractedField& field = documents[d].fields[f];
      if (!names_a_person(field) || !field.value.is_string()) continue;
      std::u32string name = utf8_decode(field.value.get<std::string>());
      if (looks_like_name(name)) by_group[groups[d]].push_back({d, f, std::move(name)});
    }
  for (const auto& [group, names] : by_group)
    for (const NameRead& read : names) {
      ExtractedField& field = documents[read.document].fields[read.field];
      if (field.status != FieldStatus::ok) continue;
      const auto other = std::find_if(names.begin(), names.end(), [&](const NameRead& candidate) {
        return candidate.document != read.document && candidate.name.size() == read.name.size() &&
               edit_distance(candidate.name, read.name) == 1;
      });
      if (other == names.end()) continue;
      field.status = FieldStatus::review;
      const std::string note = "read as " + utf8_encode(other->name) + " in another document";
      field.note = field.note.empty() ? note : field.note + "; " + note;
    }
}

}  // namespace intake
