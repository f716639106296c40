#pragma once
// File name (notice 七): 中文姓名 + "-" + the 8-digit birth date, e.g. 张某某-19660101.jpg. The name and date are
// read out even when the name is not as required, so a photo named 张某某－19660101.jpg still finds its nominee;
// what is wrong is named precisely (which character, where), because office staff pass it on to the sender.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/photos/photo_problem.h"

namespace intake {

struct FileNameVerdict {
  std::optional<std::string> name;   // the Chinese name as written
  std::optional<std::string> birth;  // YYYY-MM-DD, when the digits are a real date
  std::vector<PhotoProblem> problems;  // at most one, bad_file_name, naming every fault
};

// `file_name`: the bare name or a path (folders are ignored).
FileNameVerdict check_photo_file_name(std::string_view file_name);

}  // namespace intake
