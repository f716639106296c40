// The command line as users and scripts see it: exit statuses of EXPORT.md and the JSON it prints.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/dovecot_server.h"
#include "support/fixtures.h"
#include "support/id_photos.h"
#include "support/mail_messages.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

struct Ran {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Ran intake(const testing::ScratchFolder& folder, const std::string& arguments) {
  const std::string command = fmt::format("cd '{}' && '{}' {} >'{}' 2>'{}'", folder.path().string(), INTAKE_BINARY,
                                          arguments, (folder / "out.txt").string(), (folder / "err.txt").string());
  const int raw = std::system(command.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(folder / "out.txt"), slurp(folder / "err.txt")};
}

TEST(Cli, HelpAndVersionSucceed) {
  testing::ScratchFolder folder;
  EXPECT_EQ(intake(folder, "--help").status, 0);
  for (const char* command : {"scan", "mail", "photos", "check", "export", "review"}) {
    const Ran help = intake(folder, fmt::format("{} --help", command));
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_NE(help.out.find("--db"), std::string::npos) << command;
  }
  EXPECT_NE(intake(folder, "--version").out.find("intake "), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  testing::ScratchFolder folder;
  EXPECT_EQ(intake(folder, "").status, 2);
  EXPECT_EQ(intake(folder, "frobnicate").status, 2);
  EXPECT_EQ(intake(folder, "scan").status, 2);                                  // PATH is required
  EXPECT_EQ(intake(folder, "scan --received 2026-02-30 x.tif").status, 2);      // no such date
  EXPECT_EQ(intake(folder, "scan --received 10.01.2026 x.tif").status, 2);
  EXPECT_EQ(intake(folder, "export").status, 2);                                // --format is required
  EXPECT_EQ(intake(folder, "export --format pdf").status, 2);
  EXPECT_FALSE(fs::exists(folder / "intake.db")) << "a usage error must not create a database";
}

TEST(Cli, ScanStoresPagesAndExportGivesTheContract) {
  testing::ScratchFolder folder;
  testing::write_tiff(folder / "scans/batch.tif", {testing::make_page(1), testing::make_page(2)},
                      testing::TiffCompression::lzw, 200);
  const Ran scan = intake(folder, "scan --received 2026-01-10 --json scans");
  EXPECT_EQ(scan.status, 0) << scan.err;
  const auto summary = nlohmann::json::parse(scan.out);
  EXPECT_EQ(summary["pages"], 2);
  EXPECT_EQ(summary["new_files"], 1);

  const Ran exported = intake(folder, "export --format json");
  ASSERT_EQ(exported.status, 0) << exported.err;
  const auto out = nlohmann::json::parse(exported.out);
  EXPECT_EQ(out["schema"], "intake.export/1");
  ASSERT_EQ(out["documents"].size(), 2u);
  EXPECT_EQ(out["documents"][1]["source"]["file"], "scans/batch.tif");
  EXPECT_EQ(out["documents"][1]["source"]["pages"], nlohmann::json::array({2}));
  EXPECT_EQ(out["documents"][1]["form"], "unknown");

  EXPECT_EQ(intake(folder, "export --format csv --out fields.csv").status, 0);
  EXPECT_TRUE(fs::exists(folder / "fields.csv"));
}

TEST(Cli, UnreadableInputExitsWithOneAndNamesTheFile) {
  testing::ScratchFolder folder;
  testing::write_text(folder / "scans/empty.tif", "");
  testing::write_bytes(folder / "scans/good.jpg", testing::encode_jpeg(testing::make_page(1), 100));
  const Ran scan = intake(folder, "scan scans");
  EXPECT_EQ(scan.status, 1);
  EXPECT_EQ(scan.err, "scans/empty.tif: empty file\n");
  const Ran check = intake(folder, "check --json");
  EXPECT_EQ(check.status, 0);
  const auto findings = nlohmann::json::parse(check.out)["findings"];
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0]["rule"], "unreadable_input");
  EXPECT_EQ(findings[0]["file"], "scans/empty.tif");
  // The good page landed despite the bad one.
  EXPECT_EQ(nlohmann::json::parse(intake(folder, "export --format json").out)["documents"].size(), 1u);
}

std::string submission(const std::string& message_id, const std::string& pdf) {
  return testing::mail_message(message_id, testing::gbk_subject("抚顺市全省政务公开工作表彰上报材料"),
                               "Mon, 22 Dec 2025 09:10:25 +0800", {testing::attachment_part("附件3-袁堃.pdf", pdf)});
}

TEST(Cli, MailStoresEachMessageOnceAndExportsItsDocuments) {
  testing::ScratchFolder folder;
  const std::string message = submission("<s1@163.com>", testing::one_page_pdf(folder / "form.pdf"));
  testing::write_maildir(folder / "Maildir", {message});
  testing::write_text(folder / "eml/1.eml", message);

  const Ran first = intake(folder, "mail --json Maildir");
  ASSERT_EQ(first.status, 0) << first.err;
  const auto summary = nlohmann::json::parse(first.out);
  EXPECT_EQ(summary["new_messages"], 1);
  EXPECT_EQ(summary["pages"], 1);
  EXPECT_EQ(summary["documents"], 1);
  EXPECT_EQ(summary["problems"], nlohmann::json::array());
  const Ran again = intake(folder, "mail Maildir eml");
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out.rfind("mail: 2 messages (0 new, 2 already stored)", 0), 0u) << again.out;

  const auto exported = nlohmann::json::parse(intake(folder, "export --format json").out);
  ASSERT_EQ(exported["documents"].size(), 1u);
  const auto& document = exported["documents"][0];
  EXPECT_EQ(document["channel"], "email");
  EXPECT_EQ(document["recommender"], "抚顺市");
  EXPECT_EQ(document["source"]["file"], "附件3-袁堃.pdf");
  EXPECT_EQ(document["source"]["message_id"], "<s1@163.com>");
  EXPECT_EQ(document["source"]["received"], "2025-12-22");
  struct stat info {};
  ASSERT_EQ(stat((folder / "intake.db").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}

TEST(Cli, MailNamesWhatItCouldNotReadWithoutPersonalNumbersAndExitsWithOne) {
  testing::ScratchFolder folder;
  const testing::MessagePart broken{"Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
                                    "Content-Disposition: attachment; filename=\"broken.pdf\"\n",
                                    "JVBERi0xLjQK!!!!\n"};
  // A file name with a phone number in it, as a hurried clerk writes one.
  const testing::MessagePart word = testing::attachment_part("王晓梅13812345678.doc", "\xD0\xCF\x11\xE0 Word 97",
                                                             "application/msword");
  testing::write_text(folder / "bad.eml",
                      testing::mail_message("<bad@163.com>", "=?utf-8?B?" + testing::base64("材料") + "?=",
                                            "Mon, 22 Dec 2025 09:10:25 +0800", {broken, word}));
  const Ran mail = intake(folder, "mail bad.eml");
  EXPECT_EQ(mail.status, 1);
  EXPECT_NE(mail.err.find("bad.eml <bad@163.com>: «broken.pdf» (part 2): base64"), std::string::npos) << mail.err;
  EXPECT_NE(mail.err.find("138****5678"), std::string::npos) << mail.err;
  EXPECT_EQ(mail.err.find("13812345678"), std::string::npos) << mail.err;

  std::set<std::string> rules;
  const auto checked = nlohmann::json::parse(intake(folder, "check --json").out);
  for (const auto& finding : checked["findings"]) rules.insert(finding["rule"].get<std::string>());
  EXPECT_EQ(rules, (std::set<std::string>{"mail_subject", "unreadable_input"}));
}

TEST(Cli, MailFetchesAnImapMailboxOnceAndThenOnlyWhatIsNew) {
  const testing::DovecotServer server;
  if (!server.skip_reason().empty()) GTEST_SKIP() << server.skip_reason();
  ASSERT_TRUE(server.running()) << server.failure();
  testing::ScratchFolder folder;
  const std::string pdf = testing::one_page_pdf(folder / "form.pdf");
  server.deliver(submission("<i1@163.com>", pdf));
  server.deliver(submission("<i2@163.com>", pdf));
  // The password comes from the environment, never the command line.
  ::setenv("INTAKE_IMAP_PASSWORD", server.password().c_str(), 1);
  const std::string command = "mail --json " + server.inbox_url();
  const Ran first = intake(folder, command);
  const Ran second = intake(folder, command);
  server.deliver(submission("<i3@163.com>", pdf));
  const Ran third = intake(folder, command);
  ::unsetenv("INTAKE_IMAP_PASSWORD");

  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(nlohmann::json::parse(first.out)["new_messages"], 2);
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(nlohmann::json::parse(second.out)["messages"], 0);  // nothing fetched twice
  ASSERT_EQ(third.status, 0) << third.err;
  EXPECT_EQ(nlohmann::json::parse(third.out)["messages"], 1);
  EXPECT_EQ(nlohmann::json::parse(third.out)["new_messages"], 1);
  const auto exported = nlohmann::json::parse(intake(folder, "export --format json").out);
  ASSERT_EQ(exported["documents"].size(), 1u);  // one PDF, sent three times
  EXPECT_EQ(exported["documents"][0]["source"]["message_id"], "<i1@163.com>");
}

TEST(Cli, PhotosAreCheckedExportedAndTheUnreadableOneNamed) {
  if (testing::astronaut().empty()) GTEST_SKIP() << testing::astronaut_png << " is not installed (python3-skimage)";
  testing::ScratchFolder folder;
  const std::vector<unsigned char> good = testing::jpeg_bytes(testing::id_photo());
  testing::write_bytes(folder / "photos/朝阳市/苏悦慧-19920604.jpg", Bytes(good.begin(), good.end()));
  testing::write_bytes(folder / "photos/朝阳市/冯赟－19760930.jpg", Bytes(good.begin(), good.end() - 4000));
  const Ran photos = intake(folder, "photos --json photos");
  EXPECT_EQ(photos.status, 1);
  EXPECT_NE(photos.err.find("photos/朝阳市/冯赟－19760930.jpg: "), std::string::npos) << photos.err;
  const auto summary = nlohmann::json::parse(photos.out);
  EXPECT_EQ(summary["new_photos"], 2);
  EXPECT_EQ(summary["ok"], 1);
  EXPECT_EQ(intake(folder, "photos photos").out.rfind("photos: 2 files (0 new, 2 already stored)", 0), 0u);

  const auto exported = nlohmann::json::parse(intake(folder, "export --format json").out);
  ASSERT_EQ(exported["photos"].size(), 2u);
  // Stored in the order the folder lists them: 冯 before 苏.
  const auto& entry = exported["photos"][1];
  EXPECT_EQ(entry["file"], "photos/朝阳市/苏悦慧-19920604.jpg");
  EXPECT_EQ(entry["name"], "苏悦慧");
  EXPECT_EQ(entry["birth"], "1992-06-04");
  EXPECT_EQ(entry["ok"], false);  // no nominee known yet
  EXPECT_EQ(entry["problems"], nlohmann::json::array({"name_not_nominee"}));
  EXPECT_EQ(entry["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(exported["photos"][0]["problems"],
            nlohmann::json::array({"damaged_jpeg", "bad_file_name", "name_not_nominee"}));

  const Ran check = intake(folder, "check");
  EXPECT_EQ(check.status, 0);
  EXPECT_NE(check.out.find("file name uses a full-width hyphen (－) where «-» is required"), std::string::npos)
      << check.out;
}

TEST(Cli, APhotoByMailIsCheckedWithTheRecommenderOfTheSubject) {
  testing::ScratchFolder folder;
  testing::IdPhotoLook look;
  look.backdrop = cv::Scalar(219, 142, 67);
  const cv::Mat blue = testing::id_photo(look);
  if (blue.empty()) GTEST_SKIP() << testing::astronaut_png << " is not installed (python3-skimage)";
  const std::vector<unsigned char> jpeg = testing::jpeg_bytes(blue);
  testing::write_text(folder / "photo.eml",
                      testing::mail_message("<p1@163.com>", testing::gbk_subject("抚顺市全省政务公开工作表彰上报材料"),
                                            "Mon, 12 Jan 2026 09:10:25 +0800",
                                            {testing::attachment_part("袁堃-19791108.jpg",
                                                                      std::string(jpeg.begin(), jpeg.end()),
                                                                      "image/jpeg")}));
  const Ran mail = intake(folder, "mail --json photo.eml");
  ASSERT_EQ(mail.status, 0) << mail.err;
  EXPECT_EQ(nlohmann::json::parse(mail.out)["photos"], 1);
  const auto checked = nlohmann::json::parse(intake(folder, "check --json").out);
  std::set<std::string> rules;
  for (const auto& finding : checked["findings"]) {
    rules.insert(finding["rule"].get<std::string>());
    EXPECT_EQ(finding["recommender"], "抚顺市");
  }
  EXPECT_EQ(rules, (std::set<std::string>{"photo_background", "photo_name_mismatch"}));
}

TEST(Cli, ReadingCommandsDoNotInventADatabase) {
  testing::ScratchFolder folder;
  EXPECT_EQ(intake(folder, "check --db nothing.db").status, 1);
  EXPECT_EQ(intake(folder, "export --db nothing.db --format json").status, 1);
  EXPECT_FALSE(fs::exists(folder / "nothing.db"));
}

}  // namespace
}  // namespace intake
