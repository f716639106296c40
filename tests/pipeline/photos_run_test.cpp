// `intake photos` and the photo steps of the other runs, on photos composited in the test (support/id_photos.h) and
// documents stored as a scan would store them.
#include "pipeline/photos_run.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "pipeline/sha256.h"
#include "support/fixtures.h"
#include "support/id_photos.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

void write_photo(const fs::path& path, const cv::Mat& image) {
  const std::vector<unsigned char> bytes = testing::jpeg_bytes(image);
  testing::write_bytes(path, Bytes(bytes.begin(), bytes.end()));
}

cv::Mat on_backdrop(cv::Scalar backdrop) {
  testing::IdPhotoLook look;
  look.backdrop = backdrop;
  return testing::id_photo(look);
}

// A formal-round 附件6 as the scan stores it: name and ID number read ok.
void store_annex6(Store& store, const std::string& sha, const std::string& recommender, const std::string& name,
                  const std::string& id_number) {
  ScannedFile file;
  file.sha256 = sha;
  file.size = 1;
  file.media_type = MediaType::tiff;
  file.pages.push_back({1, 1654, 2339, 200, DpiSource::file, ColourMode::colour, "page-" + sha});
  NewDocument document;
  document.form = FormKind::annex6;
  document.round = Round::formal;
  document.recommender = recommender;
  document.pages = {1};
  document.fields.push_back({.field = "name", .value_json = nlohmann::json(name).dump(), .status = FieldStatus::ok,
                             .page = 1});
  document.fields.push_back({.field = "id_number", .value_json = nlohmann::json(id_number).dump(),
                             .status = FieldStatus::ok, .page = 1});
  const Id run = store.begin_run("scan");
  store.add_scanned_file(run, file, {"scans/" + sha + ".tif", "xx/" + sha}, {document});
}

std::map<std::string, std::vector<std::string>> problems_by_name(Store& store) {
  std::map<std::string, std::vector<std::string>> out;
  for (const StoredPhoto& photo : store.photos()) out[fs::path(photo.file).filename().string()] = photo.problems;
  return out;
}

class PhotosRun : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::astronaut().empty()) GTEST_SKIP() << testing::astronaut_png << " is not installed (python3-skimage)";
    options_.database = folder_ / "intake.db";
    write_photo(folder_ / "photos/朝阳市/苏悦慧-19920604.jpg", testing::id_photo());
    write_photo(folder_ / "photos/朝阳市/张梅玲-19750528.jpg", on_backdrop({219, 142, 67}));
    // PNG bytes behind a .jpg name, and a JPEG cut short in transfer.
    testing::write_bytes(folder_ / "photos/朝阳市/冯赟-19760930.jpg", testing::encode_png(testing::id_photo()));
    std::vector<unsigned char> cut = testing::jpeg_bytes(testing::id_photo());
    cut.resize(cut.size() / 3);
    testing::write_bytes(folder_ / "photos/朝阳市/李悦丽-19701124.jpg", Bytes(cut.begin(), cut.end()));
  }
  PhotosRunSummary run() {
    auto summary = run_photos({(folder_ / "photos").string()}, options_);
    EXPECT_TRUE(summary) << summary.error().reason;
    return summary ? summary.value() : PhotosRunSummary{};
  }
  testing::ScratchFolder folder_;
  PhotosRunOptions options_;
};

TEST_F(PhotosRun, ChecksEveryPhotoAndNamesTheOneItCouldNotRead) {
  const PhotosRunSummary summary = run();
  EXPECT_EQ(summary.files, 4);
  EXPECT_EQ(summary.new_photos, 4);
  EXPECT_EQ(summary.checked.checked, 4);
  EXPECT_EQ(summary.checked.ok, 1);
  ASSERT_EQ(summary.problems.size(), 1u);
  EXPECT_NE(summary.problems.front().file.find("李悦丽-19701124.jpg"), std::string::npos);

  auto store = Store::open(options_.database);
  ASSERT_TRUE(store);
  const auto problems = problems_by_name(store.value());
  // No forms stored yet: every photo waits for its nominee (a warning), whatever else is wrong with it.
  EXPECT_EQ(problems.at("苏悦慧-19920604.jpg"), std::vector<std::string>{"name_not_nominee"});
  EXPECT_EQ(problems.at("张梅玲-19750528.jpg"), (std::vector<std::string>{"background_not_white", "name_not_nominee"}));
  EXPECT_EQ(problems.at("冯赟-19760930.jpg"), (std::vector<std::string>{"not_jpeg", "name_not_nominee"}));
  EXPECT_EQ(problems.at("李悦丽-19701124.jpg"), (std::vector<std::string>{"damaged_jpeg", "name_not_nominee"}));
  std::map<std::string, int> rules;
  for (const StoredFinding& stored : store->findings()) ++rules[stored.finding.rule];
  EXPECT_EQ(rules, (std::map<std::string, int>{{"photo_background", 1},
                                                {"photo_format", 1},
                                                {"photo_name_mismatch", 4},
                                                {"unreadable_input", 1}}));
  // The bytes are kept and hashed with the photo.
  const std::vector<StoredPhoto> photos = store->photos();
  const StoredPhoto good = *std::find_if(photos.begin(), photos.end(),
                                         [](const StoredPhoto& p) { return p.file.ends_with("苏悦慧-19920604.jpg"); });
  const auto bytes = read_file_bytes(folder_ / "photos/朝阳市/苏悦慧-19920604.jpg", 1 << 24);
  EXPECT_EQ(good.sha256, sha256_hex(bytes.value()));
  EXPECT_EQ(good.recommender, "朝阳市");
  EXPECT_TRUE(fs::exists(BlobStore::beside(options_.database) / good.sha256.substr(0, 2) / good.sha256));
}

TEST_F(PhotosRun, TwiceStoresNothingNewAndTheSameFindings) {
  run();
  auto store = Store::open(options_.database);
  ASSERT_TRUE(store);
  const auto findings_before = store->findings().size();
  const auto photos_before = store->photos().size();
  const PhotosRunSummary again = run();
  EXPECT_EQ(again.new_photos, 0);
  EXPECT_EQ(again.already_stored, 4);
  EXPECT_EQ(again.checked.checked, 0);
  EXPECT_EQ(again.checked.findings + again.matched.findings, 0);
  EXPECT_EQ(again.problems.size(), 1u) << "the unreadable photo is named on every run";
  EXPECT_EQ(store->findings().size(), findings_before);
  EXPECT_EQ(store->photos().size(), photos_before);
}

TEST_F(PhotosRun, PhotosFindTheirNomineesWhenTheFormsComeLater) {
  run();
  auto store = Store::open(options_.database);
  ASSERT_TRUE(store);
  store_annex6(store.value(), "f1", "朝阳市", "苏悦慧", "211221199206040547");
  store_annex6(store.value(), "f2", "朝阳市", "张梅玲", "211302197505297723");  // born on the 29th, the photo says the 28th
  store_annex6(store.value(), "f3", "朝阳市", "王振东", "210102198204100016");  // sent no photo
  const Id run_id = store->begin_run("check");
  const PhotosMatched matched = match_photos(store.value(), run_id);
  EXPECT_EQ(matched.matched, 2);
  const auto problems = problems_by_name(store.value());
  EXPECT_TRUE(problems.at("苏悦慧-19920604.jpg").empty());
  EXPECT_EQ(problems.at("张梅玲-19750528.jpg"), (std::vector<std::string>{"background_not_white", "birth_mismatch"}));
  EXPECT_EQ(problems.at("冯赟-19760930.jpg"), (std::vector<std::string>{"not_jpeg", "name_not_nominee"}));

  std::map<Id, std::string> names;
  for (const StoredNominee& nominee : store->nominees()) names[nominee.id] = nominee.name;
  for (const StoredPhoto& photo : store->photos()) {
    if (photo.file.ends_with("苏悦慧-19920604.jpg")) {
      ASSERT_TRUE(photo.nominee);
      EXPECT_EQ(names.at(*photo.nominee), "苏悦慧");
      EXPECT_TRUE(photo.ok);
    }
  }
  // The waiting warnings of matched photos are gone; the birth mismatch names both dates.
  std::vector<std::string> mismatch;
  for (const StoredFinding& stored : store->findings())
    if (stored.finding.rule == "photo_name_mismatch") mismatch.push_back(stored.finding.message);
  ASSERT_EQ(mismatch.size(), 3u) << "张梅玲's birth date, 冯赟 and 李悦丽 not nominated";
  EXPECT_TRUE(std::any_of(mismatch.begin(), mismatch.end(), [](const std::string& m) {
    return m.find("1975-05-28 is not 张梅玲's birth date: the ID number gives 1975-05-29") != std::string::npos;
  }));

  // The scan's finding of an empty photo box on paper is not the nominee's: it stays.
  Finding empty_box;
  empty_box.key = "photo_missing|document 1|photo_box|no_photo";
  empty_box.rule = "photo_missing";
  empty_box.message = "no photo in the photo box (照片)";
  store->add_finding(run_id, empty_box);
  EXPECT_EQ(find_missing_photos(store.value(), run_id), 1);
  const auto findings = store->findings();
  const auto missing = std::find_if(findings.begin(), findings.end(),
                                    [](const StoredFinding& f) { return f.finding.key.starts_with("photo_missing|nominee"); });
  ASSERT_NE(missing, findings.end());
  EXPECT_EQ(missing->finding.subject, "王振东");
  EXPECT_EQ(std::count_if(findings.begin(), findings.end(),
                          [](const StoredFinding& f) { return f.finding.rule == "photo_missing"; }),
            2);
  // Matching again changes nothing.
  const auto count = findings.size();
  EXPECT_EQ(match_photos(store.value(), run_id).findings, 0);
  EXPECT_EQ(find_missing_photos(store.value(), run_id), 0);
  EXPECT_EQ(store->findings().size(), count);
}

TEST_F(PhotosRun, APhotoThatCameByMailIsCheckedWithTheSubjectsRecommender) {
  auto store = Store::open(options_.database);
  ASSERT_TRUE(store);
  auto blobs = BlobStore::open(BlobStore::beside(options_.database));
  ASSERT_TRUE(blobs);
  const std::vector<unsigned char> bytes = testing::jpeg_bytes(on_backdrop({44, 38, 214}));
  const std::string sha = sha256_hex(bytes);
  const Id run_id = store->begin_run("mail");
  NewMessage message;
  message.sha256 = "message";
  message.blob = "me/message";
  message.subject = "鞍山市全省政务公开工作表彰上报材料";
  message.recommender = "鞍山市";
  message.origin = "mail.mbox#1";
  ScannedFile file;
  file.sha256 = sha;
  file.size = bytes.size();
  file.media_type = MediaType::jpeg;
  message.attachments.push_back({.part_path = "2", .name = "王晓梅-19850315.jpg", .media_type = "image/jpeg",
                                 .role = "photo", .sha256 = sha, .file = file,
                                 .blob = blobs->put(bytes, sha).value(), .channel = "photo"});
  store->add_message(run_id, message, std::nullopt);

  const auto checked = check_unchecked_photos(store.value(), blobs.value(), run_id, {});
  ASSERT_TRUE(checked) << checked.error().reason;
  EXPECT_EQ(checked->checked, 1);
  const std::vector<StoredPhoto> photos = store->photos();
  ASSERT_EQ(photos.size(), 1u);
  EXPECT_EQ(photos.front().recommender, "鞍山市");
  EXPECT_EQ(photos.front().name, "王晓梅");
  EXPECT_EQ(photos.front().birth, "1985-03-15");
  EXPECT_EQ(check_unchecked_photos(store.value(), blobs.value(), run_id, {})->checked, 0) << "checked once";
  const auto findings = store->findings();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings.front().finding.rule, "photo_background");
  EXPECT_EQ(findings.front().finding.recommender, "鞍山市");
}

TEST_F(PhotosRun, AMissingCascadeStopsTheRunWithAClearError) {
  options_.checks.detector.cascade = folder_ / "no-such-cascade.xml";
  const auto summary = run_photos({(folder_ / "photos").string()}, options_);
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().reason.find("opencv-data"), std::string::npos);
}

}  // namespace
}  // namespace intake
