#pragma once
// `intake photos`, and the photo steps of the other runs. Photos given on the command line are stored as sources
// (channel photo, originals kept like every input); then every photo source without a verdict — these, and the
// ones `intake mail` kept — is checked (extractors/photos/photo_check.h) and matched to its nominee. Matching is
// made again whenever nominees become known (after a scan or mail run, and by `intake check`), so a photo that
// came before its forms finds its nominee later. Checks take milliseconds (docs/PHOTOS.md), so one thread does
// them, with one face detector started only when there is something to check.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractors/photos/face_detector.h"
#include "extractors/photos/photo_standard.h"
#include "models/result.h"
#include "pipeline/scan_run.h"
#include "pipeline/store/blob_store.h"
#include "pipeline/store/store.h"

namespace intake {

struct PhotoCheckOptions {
  PhotoStandard standard;
  FaceDetectorOptions detector;
};

struct PhotosRunOptions {
  std::filesystem::path database = "intake.db";
  // Larger files are refused unread: a 2-inch photo is well under 1 MB, a camera original under 30 MB.
  std::uintmax_t max_file_bytes = 64ull << 20;
  PhotoCheckOptions checks;
};

struct PhotosChecked {
  int checked = 0;        // photos given a verdict
  int ok = 0;             // of those, without problems of their own (nominee match aside)
  int findings = 0;       // stored
  std::vector<InputProblem> problems;  // photos whose bytes could not be decoded
};

struct PhotosMatched {
  int photos = 0;    // photos looked at
  int matched = 0;   // with a nominee
  int findings = 0;  // new
};

struct PhotosRunSummary {
  int files = 0;           // inputs looked at
  int new_photos = 0;      // stored by this run
  int already_stored = 0;  // same bytes stored before
  PhotosChecked checked;
  PhotosMatched matched;
  std::vector<InputProblem> problems;  // inputs that could not be read: exit status 1

  nlohmann::json to_json() const;
};

// Fails only when the database cannot be opened or the face detector cannot start.
Result<PhotosRunSummary> run_photos(const std::vector<std::string>& paths, const PhotosRunOptions& options);

// Checks every stored photo source without a verdict; the recommender is the sending message's, else the one the
// file's folder names. Error only when the face detector cannot start.
Result<PhotosChecked> check_unchecked_photos(Store& store, const BlobStore& blobs, Id run,
                                             const PhotoCheckOptions& options);

// Nominees from the stored documents (pipeline/nominees.h), then every photo matched to its nominee again; the
// match's findings replace the ones an earlier match made. Idempotent.
PhotosMatched match_photos(Store& store, Id run);

// photo_missing for every individual nominee of the formal round (附件6, where notice 七 asks for the photo) that
// has no photo; findings of nominees who have one since are removed. Returns how many were added.
int find_missing_photos(Store& store, Id run);

}  // namespace intake
