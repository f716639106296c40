#include "extractors/normalise/number_values.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;
using testing::not_ok;

TEST(NormaliseInteger, PrintedCounts) {
  EXPECT_TRUE(is_ok(normalise_integer("32"), 32));
  EXPECT_TRUE(is_ok(normalise_integer("32人"), 32));
  EXPECT_TRUE(is_ok(normalise_integer("32 人"), 32));
  EXPECT_TRUE(is_ok(normalise_integer("五"), 5));
  EXPECT_TRUE(is_ok(normalise_integer("３２名"), 32));
  EXPECT_TRUE(is_ok(normalise_integer("共32人"), 32));
  EXPECT_TRUE(is_ok(normalise_integer("三十二"), 32));
  EXPECT_TRUE(is_ok(normalise_integer("三十二人"), 32));
  EXPECT_TRUE(is_ok(normalise_integer("一百零五人"), 105));
  EXPECT_TRUE(is_ok(normalise_integer("1."), 1));  // 序号
  EXPECT_TRUE(is_ok(normalise_integer("12、"), 12));
  EXPECT_TRUE(is_ok(normalise_integer("0"), 0));
}

TEST(NormaliseInteger, ApproximateCountsAreForReview) {
  EXPECT_TRUE(is(normalise_integer("约30人"), FieldStatus::review, 30));
  EXPECT_TRUE(is(normalise_integer("30余人"), FieldStatus::review, 30));
  EXPECT_TRUE(is(normalise_integer("30多人"), FieldStatus::review, 30));
  EXPECT_TRUE(is(normalise_integer("30人左右"), FieldStatus::review, 30));
  EXPECT_TRUE(is(normalise_integer("三二"), FieldStatus::review, 32));  // digit by digit: not how counts are written
  EXPECT_TRUE(is(normalise_integer("1 2"), FieldStatus::review, 12));   // one number or two?
}

TEST(NormaliseInteger, MalformedIsNeverOk) {
  for (const char* raw :
       {"3l", "32.5", "-3", "三十二点五", "十十", "人", "32人次", "abc", "1234567890", "2000000", "3,200"})
    EXPECT_TRUE(not_ok(normalise_integer(raw))) << raw;
  EXPECT_TRUE(is(normalise_integer(""), FieldStatus::missing, nullptr));
}

TEST(NormalisePhone, MobilesAndLandlines) {
  EXPECT_TRUE(is_ok(normalise_phone("024-86893881"), "024-86893881"));
  EXPECT_TRUE(is_ok(normalise_phone("13812345678"), "13812345678"));
  EXPECT_TRUE(is_ok(normalise_phone("(024)86893881"), "024-86893881"));
  EXPECT_TRUE(is_ok(normalise_phone("（０２４）８６８９３８８１"), "024-86893881"));
  EXPECT_TRUE(is_ok(normalise_phone("024 8689 3881"), "024-86893881"));
  EXPECT_TRUE(is_ok(normalise_phone("02486893881"), "024-86893881"));
  EXPECT_TRUE(is_ok(normalise_phone("024－86893881"), "024-86893881"));
  EXPECT_TRUE(is_ok(normalise_phone("0411-82345678"), "0411-82345678"));
  EXPECT_TRUE(is_ok(normalise_phone("041282345678"), "0412-82345678"));  // 4-digit area code by the plan
  EXPECT_TRUE(is_ok(normalise_phone("0412-2345678"), "0412-2345678"));   // 7-digit local number
  EXPECT_TRUE(is_ok(normalise_phone("138 1234 5678"), "13812345678"));
  EXPECT_TRUE(is_ok(normalise_phone("138-1234-5678"), "13812345678"));
  EXPECT_TRUE(is_ok(normalise_phone("+86 13812345678"), "13812345678"));
  EXPECT_TRUE(is_ok(normalise_phone("86893881"), "86893881"));
}

TEST(NormalisePhone, RepairsAndExtrasAreForReview) {
  const Normalised repaired = normalise_phone("O24-86893881");
  EXPECT_TRUE(is(repaired, FieldStatus::review, "024-86893881"));
  EXPECT_LT(repaired.confidence_factor, 1.0);
  EXPECT_EQ(repaired.note.find("8689"), std::string::npos);  // notes never carry the digits
  EXPECT_TRUE(is(normalise_phone("1381234567l"), FieldStatus::review, "13812345671"));
  EXPECT_TRUE(is(normalise_phone("024-86893881/13812345678"), FieldStatus::review, "024-86893881"));
  EXPECT_TRUE(is(normalise_phone("024-86893881转123"), FieldStatus::review, "024-86893881"));
  EXPECT_TRUE(is(normalise_phone("电话：024-86893881"), FieldStatus::review, "024-86893881"));
}

TEST(NormalisePhone, MalformedIsNeverOk) {
  for (const char* raw : {"1381234567", "138123456789", "12812345678", "024-868938", "024-086893881", "86893", "phone",
                          "024-8689388l1", "024-8689388", "0-86893881", "138****5678", "024--", "10086"})
    EXPECT_TRUE(not_ok(normalise_phone(raw))) << raw;
  EXPECT_TRUE(is(normalise_phone(" "), FieldStatus::missing, nullptr));
}

TEST(NormalisePostcode, Values) {
  EXPECT_TRUE(is_ok(normalise_postcode("110032"), "110032"));
  EXPECT_TRUE(is_ok(normalise_postcode("１１４００１"), "114001"));
  EXPECT_TRUE(is_ok(normalise_postcode("110 032"), "110032"));
  EXPECT_TRUE(is(normalise_postcode("11OO32"), FieldStatus::review, "110032"));
  EXPECT_TRUE(is(normalise_postcode("100032"), FieldStatus::review, "100032"));  // Beijing
  EXPECT_TRUE(is(normalise_postcode("邮编：110032"), FieldStatus::review, "110032"));
  for (const char* raw : {"11003", "1100321", "ABCDEF", "110-032x", "一一〇〇三二"})
    EXPECT_TRUE(not_ok(normalise_postcode(raw))) << raw;
  EXPECT_TRUE(is(normalise_postcode(""), FieldStatus::missing, nullptr));
}

}  // namespace
}  // namespace intake
