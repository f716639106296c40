// Not a check (timings depend on the machine): the time check_photo takes per photo, for scripts/bench-photos.
// Run with --gtest_also_run_disabled_tests --gtest_filter='PhotoTiming*' and INTAKE_PHOTO_BENCH set to the photo
// files, one per line; prints one JSON line per photo.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include <opencv2/core.hpp>

#include "extractors/photos/photo_check.h"
#include "pipeline/bytes.h"

namespace intake {
namespace {

TEST(PhotoTiming, DISABLED_MillisecondsPerPhotoOnOneThread) {
  const char* list = std::getenv("INTAKE_PHOTO_BENCH");
  if (!list) GTEST_SKIP() << "INTAKE_PHOTO_BENCH names no file list";
  cv::setNumThreads(1);
  auto detector = FaceDetector::create();
  ASSERT_TRUE(detector) << detector.error().reason;
  std::ifstream files(list);
  for (std::string file; std::getline(files, file);) {
    const auto bytes = read_file_bytes(file, 1ull << 28);
    ASSERT_TRUE(bytes) << file;
    // Best of five: the machine is shared, the least disturbed run is the photo's cost.
    double best = 1e9;
    std::vector<std::string> problems;
    for (int run = 0; run < 5; ++run) {
      const auto start = std::chrono::steady_clock::now();
      const PhotoVerdict verdict = check_photo(bytes.value(), file, detector.value());
      best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      problems = photo_problem_names(verdict.problems);
    }
    std::printf("%s\n", nlohmann::json{{"file", file}, {"ms", best}, {"problems", problems}}.dump().c_str());
  }
}

}  // namespace
}  // namespace intake
