#include "extractors/photos/nominee_match.h"

#include <fmt/format.h>

#include <algorithm>

namespace intake {
namespace {

bool same_birth(const std::string& photo_birth, const std::string& nominee_birth) {
  // 出生年月 gives year and month only: the photo's date must fall in that month.
  return photo_birth.starts_with(nominee_birth);
}

std::string source_of(const std::string& birth) {
  return birth.size() == 10 ? "the ID number gives" : "the 出生年月 on the forms is";
}

}  // namespace

NomineeMatch match_photo_nominee(const std::optional<std::string>& name, const std::optional<std::string>& birth,
                                 const std::optional<std::string>& recommender,
                                 std::span<const NomineeCandidate> individuals) {
  NomineeMatch match;
  if (!name) {
    match.problems.push_back({"name_not_nominee", "the file name gives no Chinese name to match with a nominee"});
    return match;
  }
  const auto of_recommender = [&](const NomineeCandidate& c) { return !recommender || c.recommender == recommender; };
  std::vector<const NomineeCandidate*> same_name;
  bool recommender_has_nominees = false;
  std::optional<std::string> elsewhere;
  for (const NomineeCandidate& candidate : individuals) {
    if (!of_recommender(candidate)) {
      if (candidate.name == *name && candidate.recommender) elsewhere = candidate.recommender;
      continue;
    }
    recommender_has_nominees = true;
    if (candidate.name == *name) same_name.push_back(&candidate);
  }
  const std::string whose = recommender ? *recommender : std::string("any recommender");
  if (same_name.empty()) {
    if (elsewhere) {
      match.problems.push_back(
          {"name_not_nominee", fmt::format("{} is an individual nominee of {}, not of {}", *name, *elsewhere, whose)});
    } else if (!recommender_has_nominees) {
      // Photos often come before the forms are scanned; `intake check` matches again once they are.
      match.problems.push_back({"name_not_nominee",
                                fmt::format("{}: no individual nominee of {} is known yet (scan or mail the forms, "
                                            "then run intake check)",
                                            *name, whose),
                                Severity::warning});
    } else {
      match.problems.push_back(
          {"name_not_nominee", fmt::format("{} is not an individual nominee of {}", *name, whose)});
    }
    return match;
  }
  // Namesakes of one recommender are told apart by the date.
  const auto born_so = std::find_if(same_name.begin(), same_name.end(), [&](const NomineeCandidate* c) {
    return birth && c->birth && same_birth(*birth, *c->birth);
  });
  const NomineeCandidate& chosen = born_so != same_name.end() ? **born_so : *same_name.front();
  if (!recommender && same_name.size() > 1 && born_so == same_name.end()) {
    match.problems.push_back(
        {"name_not_nominee", fmt::format("{} names {} nominees of different recommenders: the photo's sender is not "
                                         "known",
                                         *name, same_name.size())});
    return match;
  }
  match.nominee = chosen.id;
  if (birth && chosen.birth && !same_birth(*birth, *chosen.birth))
    match.problems.push_back({"birth_mismatch", fmt::format("the file name's date {} is not {}'s birth date: {} {}",
                                                            *birth, *name, source_of(*chosen.birth), *chosen.birth)});
  return match;
}

}  // namespace intake
