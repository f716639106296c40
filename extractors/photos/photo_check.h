#pragma once
// Every check of an electronic ID photo on its bytes and file name, in order: format, file name, then — when the
// JPEG decodes — size, background, face, colour. Each check's verdict keeps its measured values; `problems`
// lists what is wrong, each problem once. Matching the photo to its nominee needs the store's nominees and is
// nominee_match.h's. One bad photo is a verdict, never an exception.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractors/photos/face_detector.h"
#include "extractors/photos/photo_background.h"
#include "extractors/photos/photo_face.h"
#include "extractors/photos/photo_file_name.h"
#include "extractors/photos/photo_format.h"
#include "extractors/photos/photo_size.h"
#include "extractors/photos/photo_standard.h"

namespace intake {

struct PhotoVerdict {
  FormatVerdict format;
  FileNameVerdict file_name;
  std::optional<SizeVerdict> size;
  std::optional<BackgroundVerdict> background;
  std::optional<FaceVerdict> face;
  std::optional<ColourVerdict> colour;
  std::vector<PhotoProblem> problems;

  bool ok() const { return problems.empty(); }
  // The measured values, for the store and the export (`photos[].measured`).
  nlohmann::json measured() const;
};

PhotoVerdict check_photo(std::span<const unsigned char> bytes, std::string_view file_name, FaceDetector& detector,
                         const PhotoStandard& standard = {});

}  // namespace intake
