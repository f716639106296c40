#include "extractors/normalise/place_names.h"

#include <gtest/gtest.h>

#include "models/unit_model.h"

namespace intake {
namespace {

TEST(PlaceNames, KnownPlacesAndTheirDistricts) {
  for (const char* text : {"凌源市人民政府办公室一级主任科员", "辽宁省朝阳市双塔区中华路12号", "朝阳市凌源市政务服务中心",
                           "中共朝阳市委办公室", "喀喇沁左翼蒙古族自治县人民政府办公室", "大连市金州区政务公开办"}) {
    const PlaceCheck check = check_leading_places(text);
    EXPECT_EQ(check.verdict, PlaceVerdict::known) << text;
    EXPECT_EQ(check.text, text);
  }
}

TEST(PlaceNames, TextsWithoutAPlace) {
  for (const char* text : {"省财政厅办公室", "市委办公室", "县政府办公室", "王晓梅", "", "辽宁省人力资源和社会保障厅"})
    EXPECT_EQ(check_leading_places(text).verdict, PlaceVerdict::no_place) << text;
}

// `text` begins with the misread place `read`, corrected to `snapped`, which makes it `corrected`.
void expect_snapped(const std::string& text, const std::string& read, const std::string& snapped,
                    const std::string& corrected) {
  const PlaceCheck check = check_leading_places(text);
  EXPECT_EQ(check.verdict, PlaceVerdict::snapped) << text;
  EXPECT_EQ(check.read, read) << text;
  EXPECT_EQ(check.snapped, snapped) << text;
  EXPECT_EQ(check.text, corrected) << text;
}

TEST(PlaceNames, AMisreadPlaceOneCharacterFromOneKnownPlaceIsSnapped) {
  expect_snapped("潜源市人民政府办公室一级主任科员", "潜源市", "凌源市", "凌源市人民政府办公室一级主任科员");
  // A misread district after a known city.
  EXPECT_EQ(check_leading_places("朝阳市双培区人民政府").text, "朝阳市双塔区人民政府");
}

TEST(PlaceNames, AMisreadCityIsTheOneWhoseDistrictFollows) {
  // 户阳市 is one character from 朝阳市, 沈阳市 and 辽阳市; only 朝阳市 has a 双塔区.
  expect_snapped("户阳市双塔区政务服务中心", "户阳市", "朝阳市", "朝阳市双塔区政务服务中心");
  // A city whose 市 was misread, with one of its own districts after it, read or misread.
  expect_snapped("抚顺店硕城区人民政府副区长", "抚顺店硕城区", "抚顺市顺城区", "抚顺市顺城区人民政府副区长");
  EXPECT_EQ(check_leading_places("抚顺店顺城区人民政府").text, "抚顺市顺城区人民政府");
}

TEST(PlaceNames, AnUnknownPlaceNearNoneOrSeveralIsUnknown) {
  const PlaceCheck far = check_leading_places("潜浪市人民政府办公室");
  EXPECT_EQ(far.verdict, PlaceVerdict::unknown);
  EXPECT_EQ(far.read, "潜浪市");
  EXPECT_EQ(far.text, "潜浪市人民政府办公室");
  // 铁北区 is one character from both 铁东区 and 铁西区: not guessed.
  EXPECT_EQ(check_leading_places("铁北区人民政府").verdict, PlaceVerdict::unknown);
  // A district after a known city misread two characters away: unknown, not guessed.
  const PlaceCheck district = check_leading_places("营口市鳄鱼疾区人民政府办公室");
  EXPECT_EQ(district.verdict, PlaceVerdict::unknown);
  EXPECT_EQ(district.read, "鳄鱼疾区");
  // A district or county after its city with the suffix misread: unknown, since the stem alone proves nothing.
  const PlaceCheck county = check_leading_places("阜新市彰武具人民政府办公室一级主任科员");
  EXPECT_EQ(county.verdict, PlaceVerdict::unknown);
  EXPECT_EQ(county.read, "彰武具");
  EXPECT_EQ(county.text, "阜新市彰武具人民政府办公室一级主任科员");
  // A city whose 市 was misread, with a district after it that is none of that city's: unknown.
  const PlaceCheck city = check_leading_places("抚顺店和平区人民政府副区长");
  EXPECT_EQ(city.verdict, PlaceVerdict::unknown);
  EXPECT_EQ(city.read, "抚顺店和平区");
  // A city one character from several, before a district none of them has.
  EXPECT_EQ(check_leading_places("户阳市顺城区人民政府").verdict, PlaceVerdict::unknown);
  // A name that begins with a city's stem alone is no misread city.
  EXPECT_EQ(check_leading_places("抚顺石化公司办公室主任").verdict, PlaceVerdict::no_place);
  EXPECT_EQ(check_leading_places("沈阳海关综合处处长").verdict, PlaceVerdict::no_place);
  // A street named after a district is no misread district.
  EXPECT_EQ(check_leading_places("沈阳市和平路12号").verdict, PlaceVerdict::known);
  EXPECT_EQ(check_leading_places("阜新市彰武县人民政府").verdict, PlaceVerdict::known);
  // Words after a city that merely end in 区 or 市 are no district.
  EXPECT_EQ(check_leading_places("朝阳市社区服务中心").verdict, PlaceVerdict::known);
  EXPECT_EQ(check_leading_places("沈阳市市场监督管理局").verdict, PlaceVerdict::known);
}

TEST(PlaceNames, EveryRecommendingCityIsAKnownPlace) {
  for (const Unit& unit : unit_catalogue().units) {
    if (unit.kind == UnitKind::city && unit.name.find("市") != std::string::npos) {
      EXPECT_EQ(check_leading_places(unit.name + "人民政府办公室").verdict, PlaceVerdict::known) << unit.name;
    }
  }
}

}  // namespace
}  // namespace intake
