#include "extractors/documents/form_support.h"

#include <algorithm>
#include <string_view>

#include "models/utf8.h"

namespace intake {

FormSupport support_of(const std::u32string& text, const std::vector<FieldReading>& readings,
                       const std::vector<ExtractedDocument>& documents, const std::vector<std::string>& forms) {
  std::vector<std::string_view> seen;
  FormSupport support;
  for (const FieldReading& reading : readings) {
    if (reading.text != text) continue;
    const std::string& form = forms[reading.document];
    if (std::find(seen.begin(), seen.end(), form) == seen.end()) seen.push_back(form);
    support.ok = support.ok || documents[reading.document].fields[reading.field].status == FieldStatus::ok;
  }
  support.forms = seen.size();
  return support;
}

void settle_reading(std::vector<ExtractedDocument>& documents, const FieldReading& reading, const std::u32string& text,
                    std::string_view where) {
  ExtractedField& field = documents[reading.document].fields[reading.field];
  const std::string note = "read as " + utf8_encode(reading.text) + " here, as " + utf8_encode(text) + " " +
                           std::string(where);
  field.value = utf8_encode(text);
  field.status = FieldStatus::review;
  field.note = field.note.empty() ? note : field.note + "; " + note;
}

}  // namespace intake
