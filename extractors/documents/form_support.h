#pragma once
// One value as several forms read it (a person's name, a nominee's unit): who reads what, and how many forms back
// a reading. Forms are counted, not documents: the copies of one form are printed in one font, which misreads a
// character alike in every copy.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/documents/document_fields.h"

namespace intake {

// Field `field` of document `document`, its value as read.
struct FieldReading {
  std::size_t document = 0;
  std::size_t field = 0;
  std::u32string text;
};

struct FormSupport {
  std::size_t forms = 0;  // distinct forms among the readings of `text`
  bool ok = false;        // whether any of them was read ok
};

// `forms[i]`: document i's form.
FormSupport support_of(const std::u32string& text, const std::vector<FieldReading>& readings,
                       const std::vector<ExtractedDocument>& documents, const std::vector<std::string>& forms);

// The reading's field takes `text`, which other forms give, for review, noted "read as … here, as `text` `where`".
void settle_reading(std::vector<ExtractedDocument>& documents, const FieldReading& reading, const std::u32string& text,
                    std::string_view where);

}  // namespace intake
