#include "models/form_kind.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TEST(FormKind, NamesRoundTripForEveryForm) {
  for (const auto kind : {FormKind::annex2, FormKind::annex3, FormKind::annex4, FormKind::annex5, FormKind::annex6,
                          FormKind::annex7, FormKind::annex8, FormKind::annex9, FormKind::report, FormKind::unknown})
    EXPECT_EQ(form_kind_from(name_of(kind)), kind) << name_of(kind);
}

TEST(FormKind, ExportVocabularyIsExactlyEXPORTmd) {
  EXPECT_EQ(name_of(FormKind::annex6), "annex6");
  EXPECT_EQ(name_of(Round::initial), "initial");
  EXPECT_EQ(name_of(Channel::email), "email");
  EXPECT_EQ(name_of(FieldStatus::missing), "missing");
  EXPECT_EQ(name_of(Severity::warning), "warning");
  EXPECT_FALSE(form_kind_from("annex10"));
  EXPECT_FALSE(round_from("final"));
  EXPECT_FALSE(field_status_from("OK"));
}

}  // namespace
}  // namespace intake
