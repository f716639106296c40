#pragma once
// What is wrong with an ID photo, as the export names it (EXPORT.md `photos[].problems`) and as a finding says it.
#include <string>
#include <string_view>
#include <vector>

#include "models/form_kind.h"

namespace intake {

struct PhotoProblem {
  std::string problem;  // background_not_white, not_colour, too_small, … (photo_rule maps it to its rule)
  std::string message;  // the measured value and the limit, for office staff
  Severity severity = Severity::error;
};

// The finding rule of EXPORT.md a problem belongs to: background_not_white → photo_background, not_jpeg →
// photo_format, name_not_nominee → photo_name_mismatch … An unknown name is a bug (the checks name only these).
std::string_view photo_rule(std::string_view problem);

// The problem names in order, each once.
std::vector<std::string> photo_problem_names(const std::vector<PhotoProblem>& problems);

}  // namespace intake
