#include "extractors/photos/photo_file_name.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

std::string message_of(const FileNameVerdict& verdict) {
  return verdict.problems.empty() ? std::string() : verdict.problems.front().message;
}

TEST(PhotoFileName, NameAndBirthDateAsTheNoticeAsks) {
  const FileNameVerdict verdict = check_photo_file_name("photos/朝阳市/张某某-19660101.jpg");
  EXPECT_TRUE(verdict.problems.empty()) << message_of(verdict);
  EXPECT_EQ(verdict.name, "张某某");
  EXPECT_EQ(verdict.birth, "1966-01-01");
}

TEST(PhotoFileName, UpperCaseJpegAndEthnicNamesAreFine) {
  const FileNameVerdict verdict = check_photo_file_name("阿依古丽·买买提-19900101.JPEG");
  EXPECT_TRUE(verdict.problems.empty()) << message_of(verdict);
  EXPECT_EQ(verdict.name, "阿依古丽·买买提");
}

TEST(PhotoFileName, FullWidthHyphenIsNamedAndTheNomineeStillRead) {
  const FileNameVerdict verdict = check_photo_file_name("胡婧楠－19750528.jpg");
  ASSERT_EQ(verdict.problems.size(), 1u);
  EXPECT_EQ(verdict.problems.front().problem, "bad_file_name");
  EXPECT_NE(message_of(verdict).find("uses a full-width hyphen (－) where «-» is required"), std::string::npos)
      << message_of(verdict);
  EXPECT_EQ(verdict.name, "胡婧楠");
  EXPECT_EQ(verdict.birth, "1975-05-28");
}

TEST(PhotoFileName, UnderscoreAndSpacesAreNamed) {
  EXPECT_NE(message_of(check_photo_file_name("高刚亮_19740224.jpg")).find("an underscore (_)"), std::string::npos);
  const FileNameVerdict spaced = check_photo_file_name("高刚亮 - 19740224.jpg");
  EXPECT_NE(message_of(spaced).find("contains a space"), std::string::npos) << message_of(spaced);
  EXPECT_EQ(message_of(spaced).find("where «-» is required"), std::string::npos) << message_of(spaced);
  EXPECT_EQ(spaced.birth, "1974-02-24");
}

TEST(PhotoFileName, MissingOrImpossibleDates) {
  EXPECT_NE(message_of(check_photo_file_name("陈颖秀.jpg")).find("has no date of birth (YYYYMMDD)"),
            std::string::npos);
  const FileNameVerdict impossible = check_photo_file_name("陈颖秀-19660230.jpg");
  EXPECT_NE(message_of(impossible).find("19660230, which is not a real date"), std::string::npos);
  EXPECT_FALSE(impossible.birth);
  EXPECT_NE(message_of(check_photo_file_name("陈颖秀-196602.jpg")).find("a date of 6 digits (196602)"),
            std::string::npos);
  EXPECT_NE(message_of(check_photo_file_name("陈颖秀19660201.jpg")).find("no «-» between the name and the date"),
            std::string::npos);
  const FileNameVerdict full_width = check_photo_file_name("陈颖秀-１９６６０２０１.jpg");
  EXPECT_NE(message_of(full_width).find("full-width digits"), std::string::npos);
  EXPECT_EQ(full_width.birth, "1966-02-01");
}

TEST(PhotoFileName, ExtensionAndNameMustBeTheNoticesToo) {
  EXPECT_NE(message_of(check_photo_file_name("陈颖秀-19660201.png")).find("ends in «.png» where «.jpg» is required"),
            std::string::npos);
  EXPECT_NE(message_of(check_photo_file_name("IMG_0231.jpg")).find("does not begin with the nominee's Chinese name"),
            std::string::npos);
}

}  // namespace
}  // namespace intake
