#pragma once
// Who is nominated, from the stored documents: every 附件2/5/7 names a collective by its unit name, every
// 附件3/6/8 an individual by name, under the recommender the document came from. Paper and e-mail copies, the
// initial and the formal round name the same nominee. The birth date photos are matched against is the ID
// number's (附件6) where one reads, else the 出生年月.
#include <vector>

#include "models/records.h"
#include "pipeline/store/store.h"

namespace intake {

std::vector<NewNominee> nominees_from_documents(const std::vector<StoredDocument>& documents);

// Idempotent: nominees already stored gain new documents and a birth date, nothing is stored twice.
void update_nominees(Store& store);

}  // namespace intake
