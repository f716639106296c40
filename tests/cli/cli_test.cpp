// The command line as users and scripts see it: exit statuses of EXPORT.md and the JSON it prints.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/fixtures.h"

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

TEST(Cli, ReadingCommandsDoNotInventADatabase) {
  testing::ScratchFolder folder;
  EXPECT_EQ(intake(folder, "check --db nothing.db").status, 1);
  EXPECT_EQ(intake(folder, "export --db nothing.db --format json").status, 1);
  EXPECT_FALSE(fs::exists(folder / "nothing.db"));
}

}  // namespace
}  // namespace intake
