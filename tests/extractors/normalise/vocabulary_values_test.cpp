#include "extractors/normalise/vocabulary_values.h"

#include <gtest/gtest.h>

#include "expect_normalised.h"
#include "models/form_model.h"

namespace intake {
namespace {

using testing::is;
using testing::is_ok;
using testing::not_ok;

TEST(NormaliseEthnicity, FullNamesAndShortForms) {
  EXPECT_TRUE(is_ok(normalise_ethnicity("汉族"), "汉族"));
  EXPECT_TRUE(is_ok(normalise_ethnicity("汉"), "汉族"));
  EXPECT_TRUE(is_ok(normalise_ethnicity(" 满 族 "), "满族"));
  EXPECT_TRUE(is_ok(normalise_ethnicity("蒙古"), "蒙古族"));
  EXPECT_TRUE(is_ok(normalise_ethnicity("朝鲜族"), "朝鲜族"));
  EXPECT_TRUE(is_ok(normalise_ethnicity("锡伯"), "锡伯族"));
  EXPECT_TRUE(is_ok(normalise_ethnicity("汉族。"), "汉族"));
  EXPECT_TRUE(is(normalise_ethnicity("维族"), FieldStatus::ok, "维吾尔族"));
  for (const std::string& name : form_catalogue().vocabularies.ethnicity)
    EXPECT_TRUE(is_ok(normalise_ethnicity(name), name)) << name;
}

TEST(NormaliseEthnicity, NearMissesAreSnappedForReview) {
  const Normalised misread = normalise_ethnicity("汊族");
  EXPECT_TRUE(is(misread, FieldStatus::review, "汉族"));
  EXPECT_EQ(misread.note, "snapped 汊族 to 汉族");
  EXPECT_DOUBLE_EQ(misread.confidence_factor, snapped_factor);
  EXPECT_TRUE(is(normalise_ethnicity("蒙古旅"), FieldStatus::review, "蒙古族"));
  EXPECT_TRUE(is(normalise_ethnicity("鄂温克"), FieldStatus::ok, "鄂温克族"));
  EXPECT_TRUE(is(normalise_ethnicity("鄂温兑族"), FieldStatus::review, "鄂温克族"));
  EXPECT_TRUE(is(normalise_ethnicity("汉族族"), FieldStatus::review, "汉族"));
}

TEST(NormaliseEthnicity, AmbiguousOrUnknownIsNeverOk) {
  EXPECT_TRUE(is(normalise_ethnicity("汊"), FieldStatus::invalid, nullptr));  // one character: not snapped
  EXPECT_TRUE(is(normalise_ethnicity("苖族"), FieldStatus::invalid, nullptr));  // one edit from 苗族, 回族, 汉族 …
  EXPECT_TRUE(is(normalise_ethnicity("穿青人"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_ethnicity("Han"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(not_ok(normalise_ethnicity("汉族1")));
  EXPECT_TRUE(is(normalise_ethnicity(" "), FieldStatus::missing, nullptr));
}

TEST(NormalisePoliticalStatus, VocabularyAndCommonVariants) {
  EXPECT_TRUE(is_ok(normalise_political_status("中共党员"), "中共党员"));
  EXPECT_TRUE(is(normalise_political_status("党员"), FieldStatus::ok, "中共党员"));
  EXPECT_TRUE(is(normalise_political_status("共产党员"), FieldStatus::ok, "中共党员"));
  EXPECT_TRUE(is(normalise_political_status("中国共产党党员"), FieldStatus::ok, "中共党员"));
  EXPECT_TRUE(is(normalise_political_status("预备党员"), FieldStatus::ok, "中共预备党员"));
  EXPECT_TRUE(is(normalise_political_status("团员"), FieldStatus::ok, "共青团员"));
  EXPECT_TRUE(is(normalise_political_status("无党派"), FieldStatus::ok, "无党派人士"));
  EXPECT_TRUE(is(normalise_political_status("民革会员"), FieldStatus::ok, "民革党员"));
  EXPECT_TRUE(is(normalise_political_status("九三学社"), FieldStatus::ok, "九三学社社员"));
  EXPECT_TRUE(is_ok(normalise_political_status("群众"), "群众"));
  EXPECT_TRUE(is(normalise_political_status("中共党贝"), FieldStatus::review, "中共党员"));
  EXPECT_TRUE(is(normalise_political_status("共产主义者"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(not_ok(normalise_political_status("中共")));
}

TEST(NormaliseEducation, AsPrinted) {
  EXPECT_TRUE(is_ok(normalise_education("大学本科"), "大学本科"));
  EXPECT_TRUE(is_ok(normalise_education("本科"), "本科"));
  EXPECT_TRUE(is_ok(normalise_education("研究生"), "研究生"));
  EXPECT_TRUE(is_ok(normalise_education("在职研究生"), "在职研究生"));
  EXPECT_TRUE(is_ok(normalise_education("大学本科学历"), "大学本科学历"));
  EXPECT_TRUE(is_ok(normalise_education("中央党校大学"), "中央党校大学"));
  EXPECT_TRUE(is_ok(normalise_education("大 专"), "大专"));
  EXPECT_TRUE(is(normalise_education("大学本料"), FieldStatus::review, "大学本科"));
  EXPECT_TRUE(is(normalise_education("硕士研宄生"), FieldStatus::review, "硕士研究生"));
  EXPECT_TRUE(is(normalise_education("函授"), FieldStatus::review, "函授"));  // open: kept as printed
  EXPECT_TRUE(is_ok(normalise_education("研究生（硕士）"), "研究生（硕士）"));
  EXPECT_TRUE(is(normalise_education("高中文化。"), FieldStatus::review, "高中文化"));
  EXPECT_TRUE(is(normalise_education(""), FieldStatus::missing, nullptr));
}

TEST(NormaliseRank, VocabularyAndVariants) {
  EXPECT_TRUE(is_ok(normalise_rank("县处级正职"), "县处级正职"));
  EXPECT_TRUE(is_ok(normalise_rank("一级主任科员"), "一级主任科员"));
  EXPECT_TRUE(is_ok(normalise_rank("专技十一级"), "专技十一级"));
  const Normalised old_style = normalise_rank("正处级");
  EXPECT_TRUE(is(old_style, FieldStatus::ok, "县处级正职"));
  EXPECT_EQ(old_style.note, "read 正处级 as 县处级正职");
  EXPECT_TRUE(is(normalise_rank("副县级"), FieldStatus::ok, "县处级副职"));
  EXPECT_TRUE(is(normalise_rank("正科级"), FieldStatus::ok, "乡科级正职"));
  EXPECT_TRUE(is(normalise_rank("副厅级"), FieldStatus::ok, "厅局级副职"));
  EXPECT_TRUE(is(normalise_rank("管理岗位五级"), FieldStatus::ok, "管理岗五级"));
  EXPECT_TRUE(is(normalise_rank("管理5级"), FieldStatus::ok, "管理岗五级"));
  EXPECT_TRUE(is(normalise_rank("专业技术七级"), FieldStatus::ok, "专技七级"));
  EXPECT_TRUE(is(normalise_rank("专技岗12级"), FieldStatus::ok, "专技十二级"));
  EXPECT_TRUE(is(normalise_rank("1级调研员"), FieldStatus::ok, "一级调研员"));
  EXPECT_TRUE(is(normalise_rank("二级主任科员（副科级）"), FieldStatus::ok, "二级主任科员"));
}

TEST(NormaliseRank, UnknownOrMisreadIsForReview) {
  EXPECT_TRUE(is(normalise_rank("一级主任科貝"), FieldStatus::review, "一级主任科员"));
  EXPECT_TRUE(is(normalise_rank("科员"), FieldStatus::review, "科员"));  // 一级 or 二级: not a guess
  EXPECT_TRUE(is(normalise_rank("专技四级"), FieldStatus::review, "专技四级"));
  EXPECT_TRUE(not_ok(normalise_rank("管理岗15级")));
  EXPECT_TRUE(is(normalise_rank("\t"), FieldStatus::missing, nullptr));
}

TEST(NormaliseUnitType, VocabularyVariantsAndTicks) {
  EXPECT_TRUE(is_ok(normalise_unit_type("行政机关"), "行政机关"));
  EXPECT_TRUE(is_ok(normalise_unit_type("事业单位"), "事业单位"));
  EXPECT_TRUE(is(normalise_unit_type("参照公务员法管理的事业单位"), FieldStatus::ok, "事业单位"));
  EXPECT_TRUE(is(normalise_unit_type("内设处室"), FieldStatus::ok, "内设机构"));
  EXPECT_TRUE(is(normalise_unit_type("机关"), FieldStatus::review, "行政机关"));  // a reading, not a synonym
  EXPECT_TRUE(is(normalise_unit_type("☑行政机关 □内设机构 □事业单位"), FieldStatus::review, "行政机关"));
  EXPECT_TRUE(is(normalise_unit_type("□行政机关 □内设机构 √事业单位"), FieldStatus::review, "事业单位"));
  EXPECT_TRUE(is(normalise_unit_type("□行政机关 □内设机构 □事业单位"), FieldStatus::review, nullptr));
  EXPECT_TRUE(is(normalise_unit_type("企业"), FieldStatus::invalid, nullptr));
}

TEST(NormaliseLevel, PrintedFormsToCodes) {
  EXPECT_TRUE(is_ok(normalise_level("省直"), "provincial"));
  EXPECT_TRUE(is_ok(normalise_level("市级"), "city"));
  EXPECT_TRUE(is_ok(normalise_level("县级及以下"), "county"));
  EXPECT_TRUE(is(normalise_level("省级"), FieldStatus::ok, "provincial"));
  EXPECT_TRUE(is(normalise_level("县级"), FieldStatus::ok, "county"));
  EXPECT_TRUE(is(normalise_level("县(市、区)级"), FieldStatus::ok, "county"));
  EXPECT_TRUE(is(normalise_level("县（市、区）级"), FieldStatus::ok, "county"));
  EXPECT_TRUE(is(normalise_level("县（市、区）及以下"), FieldStatus::ok, "county"));
  EXPECT_TRUE(is(normalise_level("乡镇（街道）"), FieldStatus::ok, "county"));
  EXPECT_TRUE(is(normalise_level("乡镇（街道）级"), FieldStatus::ok, "county"));
  EXPECT_TRUE(is(normalise_level("市直"), FieldStatus::ok, "city"));
  EXPECT_TRUE(is(normalise_level("□省直 ☑市级 □县级及以下"), FieldStatus::review, "city"));
  EXPECT_TRUE(is(normalise_level("省真"), FieldStatus::review, "provincial"));
  EXPECT_TRUE(is(normalise_level("中央"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_level("123"), FieldStatus::invalid, nullptr));
  EXPECT_TRUE(is(normalise_level(""), FieldStatus::missing, nullptr));
}

TEST(NormaliseMemberRoleAndCategory, Values) {
  EXPECT_TRUE(is_ok(normalise_member_role("组长"), "组长"));
  EXPECT_TRUE(is_ok(normalise_member_role("副组长"), "副组长"));
  EXPECT_TRUE(is_ok(normalise_member_role("办公室主任"), "办公室主任"));
  EXPECT_TRUE(is(normalise_member_role("组员"), FieldStatus::ok, "成员"));
  EXPECT_TRUE(is(normalise_member_role("办公室副主任"), FieldStatus::review, "办公室副主任"));
  EXPECT_TRUE(is_ok(normalise_category("先进集体"), "先进集体"));
  EXPECT_TRUE(is(normalise_category("个人"), FieldStatus::ok, "先进个人"));
  EXPECT_TRUE(is(normalise_category("先进个入"), FieldStatus::review, "先进个人"));
  EXPECT_TRUE(is(normalise_category("优秀"), FieldStatus::invalid, nullptr));
}

}  // namespace
}  // namespace intake
