#pragma once
// One nominee fills in several forms: 附件3 (initial round), 附件6 and 附件8 (formal round), each with the unit and
// post, the rank and the political status again. OCR misreads a character of one form's cell (营口市鳄鱼疾区 for
// 鲅鱼圈区, 人民政府办公宝 for 办公室) where the nominee's other forms, printed in other fonts and sizes, read it
// right. A unit has no vocabulary to snap to, but it has the nominee's other forms.
#include <string>
#include <vector>

#include "extractors/documents/document_fields.h"

namespace intake {

// The forms of one nominee are those of one group (`groups[i]`: document i's recommender) that share a birth month
// and gender both read ok; a birth month and gender that two differently named nominees of the group share
// (their names, both ok, more than a character apart) identify no one, and are left alone. A value of such a form
// that is not ok (unit_and_title, rank, political_status) takes the reading near it (a fifth of its characters at
// most) that the most of the nominee's *forms* give, when more forms give it than any other near reading and than
// the value itself — two at least, or as many as the value and one of them ok: for review, with a note. The
// copies of one form are one voice: one font misreads a character alike in all of them. A value that was not
// read (null) is not filled in: the paper may have left it blank. `forms[i]`: document i's form.
void settle_person_fields_by_other_forms(std::vector<ExtractedDocument>& documents,
                                         const std::vector<std::string>& groups, const std::vector<std::string>& forms);

}  // namespace intake
