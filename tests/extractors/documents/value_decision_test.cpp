#include "extractors/documents/value_decision.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TextRead read(std::string text, double confidence, std::string mode = "block") {
  return {std::move(text), confidence, confidence, std::move(mode)};
}

TEST(ValueDecision, AgreedConfidentReadsAreOk) {
  const auto decision = decide_value("year_month", {read("1985年3月", 0.97), read("1985年3月", 0.96, "date")}, true);
  EXPECT_EQ(decision.status, FieldStatus::ok);
  EXPECT_EQ(decision.value, "1985-03");
}

TEST(ValueDecision, DisagreeingReadsGoToReview) {
  const auto decision =
      decide_value("phone", {read("15011061802", 0.98), read("12011061802", 0.97, "digits")}, true);
  EXPECT_EQ(decision.status, FieldStatus::review);
  EXPECT_EQ(decision.note, "the reads disagree");
}

TEST(ValueDecision, AnUnsureCharacterInANameIsReview) {
  TextRead unsure = read("蒋资", 0.9);
  unsure.min_confidence = 0.7;
  EXPECT_EQ(decide_value("name", {unsure, read("蒋资", 0.9, "line")}, true).status, FieldStatus::review);
  EXPECT_EQ(decide_value("name", {read("王晓梅", 0.97), read("王晓梅", 0.97, "line")}, true).status,
            FieldStatus::ok);
}

TEST(ValueDecision, BlankIsMissingOnlyWhenRequired) {
  EXPECT_EQ(decide_value("long_text", {read("", 0)}, true).status, FieldStatus::missing);
  const auto optional = decide_value("long_text", {read(" ", 0)}, false);
  EXPECT_EQ(optional.status, FieldStatus::ok);
  EXPECT_TRUE(optional.value.is_null());
}

TEST(ValueDecision, TheTypedReadWinsForDigits) {
  // The block read took O for 0; the digits read cannot.
  const auto decision = decide_value("postcode", {read("11OO32", 0.9), read("110032", 0.95, "digits")}, true);
  EXPECT_EQ(decision.value, "110032");
  EXPECT_EQ(decision.mode, "digits");
}

TEST(ValueDecision, NormaliserVerdictsPassThrough) {
  EXPECT_EQ(decide_value("date", {read("2026年2月30日", 0.99)}, true).status, FieldStatus::invalid);
  EXPECT_EQ(decide_value("ethnicity", {read("汉", 0.99), read("汉", 0.99, "line")}, true).value, "汉族");
}

}  // namespace
}  // namespace intake
