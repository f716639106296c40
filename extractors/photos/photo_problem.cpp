#include "extractors/photos/photo_problem.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace intake {

std::string_view photo_rule(std::string_view problem) {
  // The generator's truth (samples/generator/photos.py) names the first problems of each rule; the rest are ours.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> rules{{
      {"not_jpeg", "photo_format"},
      {"damaged_jpeg", "unreadable_input"},  // intake could not read the pixels: an input problem (exit 1)
      {"cmyk_jpeg", "photo_format"},
      {"bad_file_name", "photo_file_name"},
      {"too_small", "photo_size"},
      {"wrong_aspect", "photo_size"},
      {"background_not_white", "photo_background"},
      {"background_not_uniform", "photo_background"},
      {"not_colour", "photo_colour"},
      {"colour_cast", "photo_colour"},
      {"no_face", "photo_face"},
      {"several_faces", "photo_face"},
      {"face_too_small", "photo_face"},
      {"face_too_large", "photo_face"},
      {"head_cut", "photo_face"},
      {"head_too_low", "photo_face"},
      {"face_off_centre", "photo_face"},
      {"blurred", "photo_face"},
      {"overexposed", "photo_face"},
      {"underexposed", "photo_face"},
      {"name_not_nominee", "photo_name_mismatch"},
      {"birth_mismatch", "photo_name_mismatch"},
  }};
  for (const auto& [name, rule] : rules)
    if (name == problem) return rule;
  throw std::logic_error("unknown photo problem " + std::string(problem));
}

std::vector<std::string> photo_problem_names(const std::vector<PhotoProblem>& problems) {
  std::vector<std::string> names;
  for (const PhotoProblem& problem : problems)
    if (std::find(names.begin(), names.end(), problem.problem) == names.end()) names.push_back(problem.problem);
  return names;
}

}  // namespace intake
