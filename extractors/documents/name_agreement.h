#pragma once
// A person's name is read in several documents of one recommender: 附件3 and 附件6, 附件8, a row of 附件4, the
// contact of 附件2 and 附件4. Two of them one character apart (胡丹微 here, 胡丹薇 there) mean one is misread, and
// neither can be trusted: a name has no vocabulary or check digit, and a font misreads the same character in
// every copy of one document, so copies alone do not catch it.
#include <string>
#include <vector>

#include "extractors/documents/document_fields.h"

namespace intake {

// `groups[i]`: the recommender (or batch) document i belongs to; names are compared within a group only. An ok
// name one character from a name read in another document of its group goes to review, with a note naming it.
void flag_disagreeing_names(std::vector<ExtractedDocument>& documents, const std::vector<std::string>& groups);

// A name not ok (its reads disagree, a character unsure) that more forms of its group read one character
// otherwise, at least one of them ok, takes their reading (司马山 on 附件5, 司马凯 on 附件2 and 附件4): a misread is
// one form's, the name is every form's. Forms are counted, not documents: the copies of one form are printed in
// one font, which misreads a character alike in every copy. The value stays in review, with a note. One form
// against one decides nothing: the ok one may be the misread (胡丹微 for 胡丹薇, read alike twice), unless the one
// begins with no surname and the other with one (将志帆 and 蒋志帆), whatever the count of forms. `forms[i]`:
// document i's form. Call before flag_disagreeing_names, which reads the statuses this leaves.
void settle_names_by_other_forms(std::vector<ExtractedDocument>& documents, const std::vector<std::string>& groups,
                                 const std::vector<std::string>& forms);

}  // namespace intake
