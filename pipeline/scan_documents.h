#pragma once
// The end of a scan or mail run: every stored page that is in no document yet (this run's, and any an interrupted
// run left) is assembled into documents, its fields extracted, the recommender decided, and all of it stored with
// the record-level findings (ID number checks, unsealed opinions). Paper pages are batched by folder, e-mailed ones
// by the message that carried them, whose subject names their unit.
#include "models/records.h"
#include "pipeline/store/store.h"

namespace intake {

struct DocumentsStored {
  int documents = 0;
  int findings = 0;
};

DocumentsStored store_documents_from_pages(Store& store, Id run, const std::string& engine);

// The recommender a batch folder's path names, deepest folder first (scans/鞍山市/initial/batch1.tif → 鞍山市).
std::optional<std::string> recommender_from_path(const std::string& file);

}  // namespace intake
