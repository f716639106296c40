#pragma once
// Nominee match (notice 七: the photo is named 姓名-出生年月日): the name in the file name is an individual nominee
// of the recommender that sent the photo, and the date is that nominee's birth date — the one in the ID number,
// or the 出生年月 (year and month) when no ID number is known. A pure function over the store's nominees.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "extractors/photos/photo_problem.h"
#include "models/records.h"

namespace intake {

struct NomineeCandidate {
  Id id = 0;
  std::string name;
  std::optional<std::string> recommender;
  std::optional<std::string> birth;  // YYYY-MM-DD (from the ID number) or YYYY-MM (出生年月)
};

struct NomineeMatch {
  std::optional<Id> nominee;
  std::vector<PhotoProblem> problems;  // name_not_nominee, birth_mismatch
};

// `name`, `birth` (YYYY-MM-DD): as the file name gives them. `recommender`: who sent the photo (the message's
// subject, or the folder it came in), when known. `individuals`: every individual nominee known.
NomineeMatch match_photo_nominee(const std::optional<std::string>& name, const std::optional<std::string>& birth,
                                 const std::optional<std::string>& recommender,
                                 std::span<const NomineeCandidate> individuals);

}  // namespace intake
