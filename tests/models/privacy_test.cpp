#include "models/privacy.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TEST(Privacy, MasksTheMiddleOfAnIdNumber) {
  EXPECT_EQ(mask_id_number("21010219850315123X"), "210102********123X");
}

TEST(Privacy, MasksPhonesButKeepsEnoughToRecogniseThem) {
  EXPECT_EQ(mask_phone("13812345678"), "138****5678");
  EXPECT_EQ(mask_phone("024-86893881"), "024-****3881");
}

TEST(Privacy, MasksNumbersInsideChineseText) {
  EXPECT_EQ(mask_personal_data("王晓梅身份证号21010219850315123X校验位错误，电话13812345678。"),
            "王晓梅身份证号210102********123X校验位错误，电话138****5678。");
  EXPECT_EQ(mask_personal_data("联系电话：024-86893881"), "联系电话：024-****3881");
}

TEST(Privacy, LeavesDatesAndCountsAlone) {
  const std::string text = "王晓梅-19850315.jpg 于2025年12月15日至12月19日公示, 人数32";
  EXPECT_EQ(mask_personal_data(text), text);
}

}  // namespace
}  // namespace intake
