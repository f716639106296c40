#include "extractors/layout/form_title.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

std::optional<FormKind> kind_of(std::string_view title) {
  const auto match = match_form_title(title, form_catalogue());
  if (!match) return std::nullopt;
  return match->form->kind;
}

TEST(FormTitle, EveryFormIsKnownByItsOwnTitle) {
  for (const FormModel& form : form_catalogue().forms) {
    if (form.title_pattern) continue;
    EXPECT_EQ(kind_of(form.title), form.kind) << form.title;
    EXPECT_EQ(kind_of("附件" + std::to_string(form.annex.value_or(0)) + " " + form.title), form.kind) << form.title;
  }
}

TEST(FormTitle, OneOcrSlipIsTolerated) {
  EXPECT_EQ(kind_of("辽宁省政务公开工作先进个人推荐审枇表"), FormKind::annex6);
  EXPECT_EQ(kind_of("辽宁省政务公开工作先进集体征求意见衣"), FormKind::annex7);
}

TEST(FormTitle, TheDistinguishingWordsDecide) {
  EXPECT_EQ(kind_of("辽宁省政务公开工作先进集体初审推荐登记表"), FormKind::annex2);
  EXPECT_EQ(kind_of("辽宁省政务公开工作先进个人初审推荐登记表"), FormKind::annex3);
  EXPECT_EQ(kind_of("辽宁省政务公开工作先进集体推荐审批表"), FormKind::annex5);
}

TEST(FormTitle, VaryingTitlesMatchByPattern) {
  EXPECT_EQ(kind_of("鞍山市政务公开工作先进集体和先进个人评选表彰工作机构成员名单"), FormKind::annex9);
  const auto report = match_form_title("鞍山市政务公开工作先进集体和先进个人初审推荐工作报告", form_catalogue());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->form->kind, FormKind::report);
  EXPECT_EQ(report->round, Round::initial);
  EXPECT_EQ(match_form_title("关于正式推荐工作报告", form_catalogue())->round, Round::formal);
}

TEST(FormTitle, VaryingTitlesTolerateASlipToo) {
  // 表彰 misread (彩 for 彰, 表 at the end of the first line): the pattern wants every character.
  EXPECT_EQ(kind_of("朝阳市政务公开工作先进集体和先进个人评选表彩工作办公室成员名单"), FormKind::annex9);
  EXPECT_EQ(kind_of("阜新市政务公开工作先进集体和先进个人评选表意工作办公室成员名单"), FormKind::annex9);
  // The title's last character wrapped to a line of its own and misread: 告 as 宕.
  const auto report = match_form_title("锦州市关于全省政务公开工作表彰初审推荐工作报宕", form_catalogue());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->form->kind, FormKind::report);
  EXPECT_EQ(report->round, Round::initial);
  EXPECT_FALSE(kind_of("推荐工作"));
}

TEST(FormTitle, TheTitleIsFoundAmongThePagesFirstLines) {
  const FormCatalogue& forms = form_catalogue();
  const auto wrapped = find_title({"附件9", "朝阳市政务公开工作先进集体和先进个人评选", "表彰工作办公室成员名单"}, forms);
  ASSERT_TRUE(wrapped.match);
  EXPECT_EQ(wrapped.match->form->kind, FormKind::annex9);
  EXPECT_EQ(wrapped.text, "朝阳市政务公开工作先进集体和先进个人评选表彰工作办公室成员名单");
  // A speck read as a line between the title's two halves.
  const auto specked = find_title({"1", "朝阳市关于全省政务公开工作表彰初审推荐工", "1", "作报告"}, forms);
  ASSERT_TRUE(specked.match);
  EXPECT_EQ(specked.match->form->kind, FormKind::report);
  // Not past a line of words: the halves of two sentences are no title.
  EXPECT_FALSE(find_title({"关于初审推荐工", "现将有关情况报告如下", "作报告"}, forms).match);
  // Only the first lines: a title quoted lower down the page does not make it that form.
  EXPECT_FALSE(find_title({"一", "二", "三", "四", "五", "辽宁省政务公开工作先进个人推荐审批表"}, forms).match);
}

TEST(FormTitle, OtherTextIsNoTitle) {
  EXPECT_FALSE(kind_of("主要事迹"));
  EXPECT_FALSE(kind_of("同意推荐。"));
  EXPECT_FALSE(kind_of("辽宁省政务公开工作先进推荐表"));
}

TEST(FormTitle, PartsOfTitlesAreToldFromOtherTitles) {
  const FormCatalogue& forms = form_catalogue();
  EXPECT_DOUBLE_EQ(title_part_score("推荐审批表", forms), 1.0);  // the second line of a wrapped title
  EXPECT_DOUBLE_EQ(title_part_score("先进个人推荐审北表", forms), 8.0 / 9.0);
  EXPECT_DOUBLE_EQ(title_part_score("个人简历", forms), 0.5);  // 个人 is in 先进个人, 简历 in no title
  EXPECT_DOUBLE_EQ(title_part_score("", forms), 0.0);
}

}  // namespace
}  // namespace intake
