#include "extractors/photos/photo_check.h"

#include <algorithm>
#include <cmath>

namespace intake {
namespace {

void add_problems(std::vector<PhotoProblem>& to, const std::vector<PhotoProblem>& from) {
  for (const PhotoProblem& problem : from)
    if (std::none_of(to.begin(), to.end(), [&](const PhotoProblem& p) { return p.problem == problem.problem; }))
      to.push_back(problem);
}

// Three decimals for shares, fewer for levels: enough to compare with the limits, short in the export.
double rounded(double value, int decimals = 3) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace

PhotoVerdict check_photo(std::span<const unsigned char> bytes, std::string_view file_name, FaceDetector& detector,
                         const PhotoStandard& standard) {
  PhotoVerdict verdict;
  verdict.format = check_photo_format(bytes);
  verdict.file_name = check_photo_file_name(file_name);
  add_problems(verdict.problems, verdict.format.problems);
  add_problems(verdict.problems, verdict.file_name.problems);
  if (!verdict.format.decoded()) return verdict;
  const cv::Mat& image = verdict.format.image;
  verdict.size = check_photo_size(image.size(), standard);
  verdict.background = check_photo_background(image, standard);
  verdict.face = check_photo_face(image, detector, standard);
  verdict.colour = check_photo_colour(image, verdict.face->faces == 1 ? verdict.face->face : std::nullopt, standard);
  add_problems(verdict.problems, verdict.size->problems);
  add_problems(verdict.problems, verdict.background->problems);
  add_problems(verdict.problems, verdict.colour->problems);  // after the format's not_colour, which says it first
  add_problems(verdict.problems, verdict.face->problems);
  return verdict;
}

nlohmann::json PhotoVerdict::measured() const {
  nlohmann::json out{{"media_type", media_type_name(format.type)}};
  if (format.width) out["pixels"] = {format.width, format.height};
  if (format.dpi) out["jfif_dpi"] = format.dpi;
  if (size) out["size"] = {{"aspect", rounded(size->aspect)}, {"dpi", rounded(size->dpi, 0)}};
  if (background)
    out["background"] = {{"luminance", background->luminance},
                         {"cast", background->cast},
                         {"uniform_share", rounded(background->uniform_share)}};
  if (colour) {
    out["colour"] = {{"chroma", rounded(colour->chroma, 1)}};
    if (colour->face_cb) out["colour"]["face_cb_cr"] = {rounded(*colour->face_cb, 1), rounded(*colour->face_cr, 1)};
  }
  if (face) {
    out["face"] = {{"faces", face->faces}};
    if (face->face) out["face"]["box"] = {face->face->x, face->face->y, face->face->width, face->face->height};
    if (face->faces == 1)
      out["face"].update({{"height_share", rounded(face->height_share)},
                          {"top_margin_share", rounded(face->top_margin_share)},
                          {"centre_offset_share", rounded(face->centre_offset_share)},
                          {"sharpness", rounded(face->sharpness, 1)},
                          {"luminance", rounded(face->luminance, 1)},
                          {"bright_share", rounded(face->bright_share)},
                          {"dark_share", rounded(face->dark_share)}});
  }
  return out;
}

}  // namespace intake
