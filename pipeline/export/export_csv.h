#pragma once
// `intake export --format csv`: one row per read value, for the office's spreadsheets. ID and phone numbers are
// masked unless `unmasked` (EXPORT.md).
#include <string>

#include "pipeline/store/store.h"

namespace intake {

struct CsvOptions {
  bool unmasked = false;
};

std::string export_csv(Store& store, const CsvOptions& options);

}  // namespace intake
