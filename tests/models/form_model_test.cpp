#include "models/form_model.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace intake {
namespace {

using FieldList = std::vector<std::pair<std::string, std::string>>;  // id, type

FieldList ids_and_types(const std::vector<FieldModel>& fields) {
  FieldList out;
  for (const FieldModel& f : fields) out.emplace_back(f.id, f.type);
  return out;
}

// Written from FORMS.md "The forms", not from forms.json: the two must agree.
const std::vector<std::pair<FormKind, FieldList>>& forms_md_fields() {
  static const std::vector<std::pair<FormKind, FieldList>> forms{
      {FormKind::annex2,
       {{"unit_name", "text"},
        {"unit_type", "unit_type"},
        {"level", "level"},
        {"head_name", "name"},
        {"staff_count", "integer"},
        {"contact_name", "name"},
        {"contact_phone", "phone"},
        {"summary", "long_text"},
        {"recommender_opinion", "opinion"}}},
      {FormKind::annex3,
       {{"name", "name"},
        {"gender", "gender"},
        {"birth", "year_month"},
        {"ethnicity", "ethnicity"},
        {"political_status", "political_status"},
        {"education", "education"},
        {"work_start", "year_month"},
        {"unit_and_title", "text"},
        {"rank", "rank"},
        {"level", "level"},
        {"phone", "phone"},
        {"summary", "long_text"},
        {"recommender_opinion", "opinion"}}},
      {FormKind::annex4,
       {{"recommender", "text"}, {"contact_name", "name"}, {"contact_phone", "phone"}, {"fill_date", "date"}}},
      {FormKind::annex5,
       {{"unit_name", "text"},
        {"unit_type", "unit_type"},
        {"level", "level"},
        {"head_name", "name"},
        {"staff_count", "integer"},
        {"address", "text"},
        {"postcode", "postcode"},
        {"contact_name", "name"},
        {"contact_phone", "phone"},
        {"awards", "long_text"},
        {"deeds", "long_text"},
        {"recommender_opinion", "opinion"},
        {"supervisor_opinion", "opinion"},
        {"office_opinion", "opinion"},
        {"hrss_opinion", "opinion"}}},
      {FormKind::annex6,
       {{"name", "name"},
        {"gender", "gender"},
        {"birth", "year_month"},
        {"ethnicity", "ethnicity"},
        {"native_place", "text"},
        {"political_status", "political_status"},
        {"work_start", "year_month"},
        {"education", "education"},
        {"unit_and_title", "text"},
        {"rank", "rank"},
        {"level", "level"},
        {"id_number", "id_number"},
        {"awards", "long_text"},
        {"deeds", "long_text"},
        {"recommender_opinion", "opinion"},
        {"supervisor_opinion", "opinion"},
        {"office_opinion", "opinion"},
        {"hrss_opinion", "opinion"}}},
      {FormKind::annex7,
       {{"unit_name", "text"},
        {"head_name", "name"},
        {"level", "level"},
        {"discipline_opinion", "opinion"},
        {"org_opinion", "opinion"},
        {"supervisor_opinion", "opinion"}}},
      {FormKind::annex8,
       {{"name", "name"},
        {"gender", "gender"},
        {"birth", "year_month"},
        {"unit_and_title", "text"},
        {"rank", "rank"},
        {"discipline_opinion", "opinion"},
        {"org_opinion", "opinion"}}},
      {FormKind::annex9, {}},
      {FormKind::report,
       {{"recommender", "text"}, {"report_date", "date"}, {"publicity", "publicity_list"}, {"text", "long_text"}}},
  };
  return forms;
}

TEST(FormModel, EveryFormOfFormsMdIsThereWithItsFieldsAndTypes) {
  const FormCatalogue& catalogue = form_catalogue();
  EXPECT_EQ(catalogue.forms.size(), forms_md_fields().size());
  for (const auto& [kind, fields] : forms_md_fields()) {
    const FormModel* form = catalogue.find(kind);
    ASSERT_NE(form, nullptr) << name_of(kind);
    EXPECT_EQ(form->id, name_of(kind));
    EXPECT_EQ(ids_and_types(form->fields), fields) << name_of(kind);
  }
  EXPECT_EQ(catalogue.find(FormKind::unknown), nullptr);
}

TEST(FormModel, MultiRowTablesHaveTheirColumns) {
  const FormModel* summary = form_catalogue().find(FormKind::annex4);
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->layout, "table");
  EXPECT_EQ(ids_and_types(summary->columns), (FieldList{{"seq", "integer"},
                                                        {"category", "category"},
                                                        {"title", "text"},
                                                        {"gender", "gender"},
                                                        {"birth", "year_month"},
                                                        {"ethnicity", "ethnicity"},
                                                        {"political_status", "political_status"},
                                                        {"unit_and_title", "text"},
                                                        {"rank", "rank"},
                                                        {"level", "level"},
                                                        {"note", "text"}}));
  const FormModel* members = form_catalogue().find(FormKind::annex9);
  ASSERT_NE(members, nullptr);
  EXPECT_EQ(ids_and_types(members->columns), (FieldList{{"seq", "integer"},
                                                        {"name", "name"},
                                                        {"role", "member_role"},
                                                        {"unit_and_title", "text"},
                                                        {"phone", "phone"}}));
  EXPECT_TRUE(members->title_pattern.has_value());
  EXPECT_TRUE(members->field("role")->required);
  EXPECT_TRUE(form_catalogue().find(FormKind::annex2)->columns.empty());
}

TEST(FormModel, FormAttributesFollowFormsMd) {
  const FormCatalogue& c = form_catalogue();
  const FormModel& annex6 = *c.find(FormKind::annex6);
  EXPECT_EQ(annex6.annex, 6);
  EXPECT_EQ(annex6.round, Round::formal);
  EXPECT_EQ(annex6.nominee_kind, "individual");
  EXPECT_EQ(annex6.layout, "record");
  EXPECT_EQ(annex6.title, "辽宁省政务公开工作先进个人推荐审批表");
  EXPECT_TRUE(annex6.photo_box);
  EXPECT_TRUE(c.find(FormKind::annex3)->photo_box);
  EXPECT_FALSE(c.find(FormKind::annex5)->photo_box);
  EXPECT_EQ(c.find(FormKind::annex2)->round, Round::initial);
  EXPECT_EQ(c.find(FormKind::annex9)->nominee_kind, "members");

  const FormModel& report = *c.find(FormKind::report);
  EXPECT_FALSE(report.annex.has_value());
  EXPECT_FALSE(report.round.has_value());
  EXPECT_EQ(report.layout, "free_text");
  EXPECT_EQ(report.title_pattern, "(初审|正式)推荐工作报告");
}

TEST(FormModel, FieldAttributes) {
  const FormCatalogue& c = form_catalogue();
  const FieldModel* summary = c.find(FormKind::annex2)->field("summary");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->max_chars, 500);
  EXPECT_TRUE(summary->required);
  EXPECT_EQ(summary->labels, std::vector<std::string>{"简要事迹"});

  const FormModel& annex5 = *c.find(FormKind::annex5);
  EXPECT_TRUE(annex5.field("office_opinion")->blank_on_submission);
  EXPECT_FALSE(annex5.field("office_opinion")->required);
  EXPECT_FALSE(annex5.field("recommender_opinion")->blank_on_submission);
  EXPECT_FALSE(annex5.field("awards")->required);
  EXPECT_FALSE(annex5.field("deeds")->max_chars.has_value());
  EXPECT_EQ(annex5.field("no_such_field"), nullptr);
  // Printed label first, then the variants.
  EXPECT_EQ(c.find(FormKind::annex6)->field("birth")->labels, (std::vector<std::string>{"出生年月", "出生日期"}));
}

TEST(FormModel, Vocabularies) {
  const Vocabularies& v = form_catalogue().vocabularies;
  EXPECT_EQ(v.ethnicity.size(), 56U);
  EXPECT_EQ(std::set<std::string>(v.ethnicity.begin(), v.ethnicity.end()).size(), 56U);
  for (const std::string& e : v.ethnicity) EXPECT_TRUE(e.ends_with("族")) << e;
  EXPECT_EQ(v.ethnicity.front(), "汉族");
  EXPECT_EQ(v.unit_type, (std::vector<std::string>{"行政机关", "内设机构", "事业单位"}));
  EXPECT_EQ(v.category, (std::vector<std::string>{"先进集体", "先进个人"}));
  EXPECT_EQ(v.member_role.size(), 4U);
  EXPECT_EQ(v.political_status.size(), 13U);
  EXPECT_EQ(v.political_status.front(), "中共党员");
  EXPECT_FALSE(v.education.empty());
  EXPECT_FALSE(v.rank.empty());
  EXPECT_FALSE(v.ineligible_rank.empty());
  EXPECT_FALSE(v.county_rank.empty());
  // The file's order, which is the order forms print the options in.
  EXPECT_EQ(v.level, (std::vector<std::pair<std::string, std::string>>{
                         {"省直", "provincial"}, {"市级", "city"}, {"县级及以下", "county"}}));
}

TEST(FormModel, MalformedJsonFailsLoudly) {
  EXPECT_THROW(parse_form_catalogue("{"), std::runtime_error);
  EXPECT_THROW(parse_form_catalogue(R"({"forms": []})"), std::runtime_error);  // no vocabularies
  EXPECT_THROW(parse_form_catalogue(R"({"forms": [{"id": "annex2"}], "vocabularies": {}})"), std::runtime_error);
  EXPECT_THROW(parse_form_catalogue(R"({"forms": [{"id": "annex10", "kind": "x", "layout": "record", "title": "t"}],
                                        "vocabularies": {}})"),
               std::runtime_error);
  try {
    parse_form_catalogue(R"({"forms": [{"id": "annex2", "round": "final", "kind": "collective",
                             "layout": "record", "title": "t", "fields": []}], "vocabularies": {}})");
    FAIL() << "an unknown round was accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("annex2"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace intake
