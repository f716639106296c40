#include "models/unit_model.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace intake {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

TEST(UnitModel, CatalogueHasTheCitiesDepartmentsAndDeadlines) {
  const UnitCatalogue& c = unit_catalogue();
  int cities = 0;
  int departments = 0;
  for (const Unit& unit : c.units) (unit.kind == UnitKind::city ? cities : departments) += 1;
  EXPECT_EQ(cities, 15);  // 14 cities and 沈抚改革创新示范区
  EXPECT_GE(departments, 5);
  const Unit* anshan = c.find("鞍山市");
  ASSERT_NE(anshan, nullptr);
  EXPECT_EQ(anshan->quota.collective, 4);
  EXPECT_EQ(anshan->quota.individual, 9);
  EXPECT_EQ(anshan->aliases, std::vector<std::string>{"鞍山"});
  EXPECT_EQ(c.find("省财政厅")->kind, UnitKind::provincial);
  EXPECT_EQ(c.find("鞍山"), nullptr);  // find takes canonical names only
  EXPECT_EQ(c.initial_deadline, (std::chrono::year_month_day{year{2025}, month{12}, day{25}}));
  EXPECT_EQ(c.formal_deadline, (std::chrono::year_month_day{year{2026}, month{1}, day{12}}));
  EXPECT_EQ(c.collective_totals.all, 80);
  EXPECT_EQ(c.collective_totals.county_min, 40);
  EXPECT_EQ(c.individual_totals.all, 180);
  EXPECT_EQ(c.individual_totals.provincial, 38);
  EXPECT_EQ(c.individual_totals.city, 50);
}

TEST(UnitModel, MalformedJsonFailsLoudly) {
  EXPECT_THROW(parse_unit_catalogue("[]"), std::runtime_error);
  EXPECT_THROW(parse_unit_catalogue("not json"), std::runtime_error);
  const char* bad_date = R"({"notice": "2025-12-11", "deadlines": {"initial": "2025-12-32", "formal": "2026-01-12"},
    "totals": {"collective": {"all": 1, "provincial": 1, "city": 1, "county_min": 1},
               "individual": {"all": 1, "provincial": 1, "city": 1, "county_min": 1}},
    "units": [{"name": "鞍山市", "kind": "city", "quota": {"collective": 1, "individual": 1}}]})";
  EXPECT_THROW(parse_unit_catalogue(bad_date), std::runtime_error);
  const char* bad_kind = R"({"notice": "2025-12-11", "deadlines": {"initial": "2025-12-25", "formal": "2026-01-12"},
    "totals": {"collective": {"all": 1, "provincial": 1, "city": 1, "county_min": 1},
               "individual": {"all": 1, "provincial": 1, "city": 1, "county_min": 1}},
    "units": [{"name": "鞍山市", "kind": "county", "quota": {"collective": 1, "individual": 1}}]})";
  EXPECT_THROW(parse_unit_catalogue(bad_kind), std::runtime_error);
}

TEST(MatchRecommender, NamesAndAliases) {
  EXPECT_EQ(match_recommender("鞍山市"), "鞍山市");
  EXPECT_EQ(match_recommender("鞍山"), "鞍山市");
  EXPECT_EQ(match_recommender("葫芦岛"), "葫芦岛市");
  EXPECT_EQ(match_recommender("省财政厅"), "省财政厅");
  EXPECT_EQ(match_recommender("辽宁省财政厅"), "省财政厅");
  EXPECT_EQ(match_recommender("辽宁省人力资源和社会保障厅"), "省人力资源社会保障厅");
  EXPECT_EQ(match_recommender("省人社厅"), "省人力资源社会保障厅");
  EXPECT_EQ(match_recommender("沈抚示范区"), "沈抚改革创新示范区");
  EXPECT_EQ(match_recommender("省沈抚改革创新示范区管委会"), "沈抚改革创新示范区");
}

TEST(MatchRecommender, NamesInsideLongerText) {
  EXPECT_EQ(match_recommender("鞍山市人民政府办公室"), "鞍山市");
  EXPECT_EQ(match_recommender("中共鞍山市委办公室"), "鞍山市");
  EXPECT_EQ(match_recommender("鞍山市全省政务公开工作表彰上报材料"), "鞍山市");
  EXPECT_EQ(match_recommender("省财政厅全省政务公开工作表彰上报材料"), "省财政厅");
  EXPECT_EQ(match_recommender("辽宁省财政厅办公室"), "省财政厅");
  EXPECT_EQ(match_recommender("沈阳市和平区人民政府办公室"), "沈阳市");
  EXPECT_EQ(match_recommender("大连市政务公开先进集体初审推荐工作报告"), "大连市");
}

TEST(MatchRecommender, ToleratesSpacesAndFullWidthPunctuation) {
  EXPECT_EQ(match_recommender(" 辽宁省 财政厅 "), "省财政厅");
  EXPECT_EQ(match_recommender("鞍 山 市（盖章）"), "鞍山市");
  EXPECT_EQ(match_recommender("【鞍山市】"), "鞍山市");
  EXPECT_EQ(match_recommender("省人力资源\n社会保障厅"), "省人力资源社会保障厅");
}

TEST(MatchRecommender, AmbiguousOrUnknownGivesNothing) {
  EXPECT_EQ(match_recommender(""), std::nullopt);
  EXPECT_EQ(match_recommender("   "), std::nullopt);
  EXPECT_EQ(match_recommender("沈阳市、大连市"), std::nullopt);
  EXPECT_EQ(match_recommender("省财政厅 省教育厅"), std::nullopt);
  // Provincial Party organs and the provincial government itself are not recommending units.
  EXPECT_EQ(match_recommender("中共辽宁省委宣传部"), std::nullopt);
  EXPECT_EQ(match_recommender("中共辽宁省委办公厅"), std::nullopt);
  EXPECT_EQ(match_recommender("辽宁省人民政府办公厅"), std::nullopt);
  // A bare place name followed by 区/路/街 names a district or a street, not the city.
  EXPECT_EQ(match_recommender("北京市朝阳区"), std::nullopt);
  EXPECT_EQ(match_recommender("大连路街道办事处"), std::nullopt);
  EXPECT_EQ(match_recommender("政务公开工作表彰上报材料"), std::nullopt);
}

Unit city_with(int collective, int individual) { return {"某市", UnitKind::city, {}, {collective, individual}}; }

TEST(AllowedQuota, CityMayAddTwentyPercentRoundedHalfUp) {
  EXPECT_EQ(allowed_quota(city_with(1, 9), NomineeKind::individual), 11);   // 10.8
  EXPECT_EQ(allowed_quota(city_with(1, 13), NomineeKind::individual), 16);  // 15.6
  EXPECT_EQ(allowed_quota(city_with(4, 1), NomineeKind::collective), 5);    // 4.8
  EXPECT_EQ(allowed_quota(city_with(6, 1), NomineeKind::collective), 7);    // 7.2
  EXPECT_EQ(allowed_quota(city_with(2, 1), NomineeKind::collective), 2);    // 2.4
  EXPECT_EQ(allowed_quota(city_with(3, 1), NomineeKind::collective), 4);    // 3.6
  EXPECT_EQ(allowed_quota(city_with(5, 1), NomineeKind::collective), 6);    // 6.0
  EXPECT_EQ(allowed_quota(city_with(0, 1), NomineeKind::collective), 0);
  EXPECT_EQ(allowed_quota(*unit_catalogue().find("沈阳市"), NomineeKind::individual), 17);  // 14 × 1.2 = 16.8
}

TEST(AllowedQuota, ProvincialDepartmentOneCollectiveTwoIndividuals) {
  const Unit department{"省某厅", UnitKind::provincial, {}, {5, 5}};
  EXPECT_EQ(allowed_quota(department, NomineeKind::collective), 1);
  EXPECT_EQ(allowed_quota(department, NomineeKind::individual), 2);
  EXPECT_EQ(allowed_quota(*unit_catalogue().find("省财政厅"), NomineeKind::individual), 2);
}

}  // namespace
}  // namespace intake
