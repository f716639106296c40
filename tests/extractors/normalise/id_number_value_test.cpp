#include "extractors/normalise/id_number_value.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"
#include "extractors/id_number.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;
using testing::not_ok;

// Liaoning numbers (210102 沈阳市和平区, 210302 鞍山市铁东区) with check characters computed by hand with the
// GB 11643-1999 weights.
constexpr const char* male_1985 = "210102198503151235";
constexpr const char* female_1990 = "210302199007082467";
constexpr const char* with_x = "21010219780315103X";

TEST(NormaliseIdNumber, TheFixturesAreValid) {
  for (const char* id : {male_1985, female_1990, with_x}) EXPECT_TRUE(id_number_check_digit_ok(id)) << id;
}

TEST(NormaliseIdNumber, PrintedForms) {
  EXPECT_TRUE(is_ok(normalise_id_number_value(male_1985), male_1985));
  EXPECT_TRUE(is_ok(normalise_id_number_value("210102 19850315 1235"), male_1985));
  EXPECT_TRUE(is_ok(normalise_id_number_value("２１０３０２１９９００７０８２４６７"), female_1990));
  EXPECT_TRUE(is_ok(normalise_id_number_value("21010219780315103x"), with_x));
  EXPECT_TRUE(is_ok(normalise_id_number_value("21010219780315103Ｘ"), with_x));
}

TEST(NormaliseIdNumber, OneRepairConfirmedByTheCheckDigitIsOk) {
  const Normalised repaired = normalise_id_number_value("21O102198503151235");
  EXPECT_TRUE(is(repaired, FieldStatus::ok, male_1985));
  EXPECT_LT(repaired.confidence_factor, 1.0);
  EXPECT_TRUE(is(normalise_id_number_value("2101021978O315103X"), FieldStatus::ok, with_x));
  EXPECT_TRUE(is(normalise_id_number_value("21010219780315103×"), FieldStatus::ok, with_x));
  // Two repairs: the check digit misses some double errors.
  EXPECT_TRUE(is(normalise_id_number_value("21O1O2198503151235"), FieldStatus::review, male_1985));
}

TEST(NormaliseIdNumber, WrongCheckDigitIsInvalidAndKeepsTheNumber) {
  const Normalised wrong = normalise_id_number_value("210102198503151234");
  EXPECT_TRUE(is(wrong, FieldStatus::invalid, "210102198503151234"));
  EXPECT_EQ(wrong.note, "check digit does not match");
  // A repair that the check digit does not confirm is no repair.
  EXPECT_EQ(normalise_id_number_value("21O102198503151234").status, FieldStatus::invalid);
}

TEST(NormaliseIdNumber, MalformedIsNeverOk) {
  for (const char* raw :
       {"21010219850315123", "2101021985031512355", "210102850315123", "21010219850315123A", "2101021985O3151235x1",
        "身份证号210102198503151235", "X10102198503151235", "21010219850315123x5"})
    EXPECT_TRUE(not_ok(normalise_id_number_value(raw))) << raw;
  // The check character holds but 30 February does not exist.
  EXPECT_TRUE(is(normalise_id_number_value("21010219990230001X"), FieldStatus::invalid, "21010219990230001X"));
  EXPECT_EQ(normalise_id_number_value("210102850315123").note, "a 15-digit number of the old format; 18 needed");
  EXPECT_TRUE(is(normalise_id_number_value(""), FieldStatus::missing, nullptr));
}

TEST(NormaliseIdNumber, NotesNeverCarryTheDigits) {
  for (const char* raw : {"210102198503151234", "21O102198503151235", "21010219850315123", "21010219850315123A"}) {
    const Normalised n = normalise_id_number_value(raw);
    EXPECT_EQ(n.note.find("1985"), std::string::npos) << n.note;
    EXPECT_EQ(n.note.find("210102"), std::string::npos) << n.note;
  }
}

}  // namespace
}  // namespace intake
