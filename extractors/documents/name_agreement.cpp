#include "extractors/documents/name_agreement.h"

#include <algorithm>
#include <map>

#include "extractors/documents/form_support.h"
#include "extractors/normalise/vocabulary_snap.h"
#include "models/char_class.h"
#include "models/surnames.h"
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

std::map<std::string, std::vector<FieldReading>> names_by_group(const std::vector<ExtractedDocument>& documents,
                                                                const std::vector<std::string>& groups) {
  std::map<std::string, std::vector<FieldReading>> by_group;
  for (std::size_t d = 0; d < documents.size() && d < groups.size(); ++d)
    for (std::size_t f = 0; f < documents[d].fields.size(); ++f) {
      const ExtractedField& field = documents[d].fields[f];
      if (!names_a_person(field) || !field.value.is_string()) continue;
      std::u32string name = utf8_decode(field.value.get<std::string>());
      if (looks_like_name(name)) by_group[groups[d]].push_back({d, f, std::move(name)});
    }
  return by_group;
}

}  // namespace

void settle_names_by_other_forms(std::vector<ExtractedDocument>& documents, const std::vector<std::string>& groups,
                                 const std::vector<std::string>& forms) {
  if (forms.size() < documents.size()) return;
  for (const auto& [group, names] : names_by_group(documents, groups)) {
    std::vector<std::pair<const FieldReading*, std::u32string>> settled;
    for (const FieldReading& read : names) {
      if (documents[read.document].fields[read.field].status == FieldStatus::ok) continue;
      std::vector<std::u32string> variants;
      for (const FieldReading& other : names)
        if (other.document != read.document && other.text.size() == read.text.size() &&
            edit_distance(other.text, read.text) == 1 &&
            std::find(variants.begin(), variants.end(), other.text) == variants.end())
          variants.push_back(other.text);
      if (variants.size() != 1) continue;  // none, or the other documents disagree among themselves
      const FormSupport here = support_of(read.text, names, documents, forms);
      const FormSupport there = support_of(variants.front(), names, documents, forms);
      // A reading that begins with no surname is the misread one, however many forms read it so: one font can
      // misread a character alike on every form it prints (将志帆 on 附件6 and 附件8, 蒋志帆 on 附件3 and 附件4).
      const bool surname_only_there =
          known_surname_length(read.text) == 0 && known_surname_length(variants.front()) > 0;
      if (there.ok && (there.forms > here.forms || surname_only_there)) settled.emplace_back(&read, variants.front());
    }
    // Settled after all are weighed, so that one settled name does not count for the next.
    for (const auto& [read, name] : settled) settle_reading(documents, *read, name, "on more forms");
  }
}

void flag_disagreeing_names(std::vector<ExtractedDocument>& documents, const std::vector<std::string>& groups) {
  for (const auto& [group, names] : names_by_group(documents, groups))
    for (const FieldReading& read : names) {
      ExtractedField& field = documents[read.document].fields[read.field];
      if (field.status != FieldStatus::ok) continue;
      const auto other = std::find_if(names.begin(), names.end(), [&](const FieldReading& candidate) {
        return candidate.document != read.document && candidate.text.size() == read.text.size() &&
               edit_distance(candidate.text, read.text) == 1;
      });
      if (other == names.end()) continue;
      field.status = FieldStatus::review;
      const std::string note = "read as " + utf8_encode(other->text) + " in another document";
      field.note = field.note.empty() ? note : field.note + "; " + note;
    }
}

}  // namespace intake
