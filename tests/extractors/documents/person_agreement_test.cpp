#include "extractors/documents/person_agreement.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

ExtractedField text_field(std::string id, std::string value, FieldStatus status = FieldStatus::ok) {
  ExtractedField field;
  field.field = std::move(id);
  field.value = std::move(value);
  field.status = status;
  return field;
}

// A nominee's form: name, birth month, gender and unit, the unit read with `unit_status`.
ExtractedDocument nominee_form(std::string name, std::string birth, std::string unit,
                               FieldStatus unit_status = FieldStatus::ok) {
  ExtractedDocument document;
  document.fields = {text_field("name", std::move(name)), text_field("birth", std::move(birth)),
                     text_field("gender", "男"), text_field("unit_and_title", std::move(unit), unit_status)};
  return document;
}

constexpr const char* unit = "营口市鲅鱼圈区人民政府办公室三级主任科员";

TEST(PersonAgreement, AnUnsureUnitTakesTheReadingOfMoreOfTheNomineesForms) {
  std::vector<ExtractedDocument> documents{
      nominee_form("王久", "1987-03", "营口市鳄鱼疾区人民政府办公室三级主任科员", FieldStatus::review),  // 附件6
      nominee_form("王猴", "1987-03", unit),                                                            // 附件3
      nominee_form("王猴", "1987-03", unit, FieldStatus::review),                                       // 附件8
      nominee_form("王猴", "1987-03", "营口市鲅鱼圈区人民政府办公室一级主任科员", FieldStatus::review),  // 附件3 again
      nominee_form("王久", "1987-03", "营口市鳄鱼疾区人民政府办公室三级主任科员", FieldStatus::review)};  // 附件6, another recommender's
  settle_person_fields_by_other_forms(documents, {"营口市", "营口市", "营口市", "营口市", "鞍山市"},
                                      {"annex6", "annex3", "annex8", "annex3", "annex6"});
  EXPECT_EQ(documents[0].fields[3].value, unit);
  EXPECT_EQ(documents[0].fields[3].status, FieldStatus::review);
  EXPECT_EQ(documents[0].fields[3].note,
            "read as 营口市鳄鱼疾区人民政府办公室三级主任科员 here, as 营口市鲅鱼圈区人民政府办公室三级主任科员 on "
            "more of the nominee's forms");
  EXPECT_EQ(documents[1].fields[3].status, FieldStatus::ok);
  // The other 附件3 read 一级: two forms read 三级 (one of them that 附件3) against its one.
  EXPECT_EQ(documents[3].fields[3].value, unit);
  EXPECT_EQ(documents[4].fields[3].value, "营口市鳄鱼疾区人民政府办公室三级主任科员");  // alone in its group
}

TEST(PersonAgreement, OneFormAgainstOneSettlesOnlyForASureRead) {
  std::vector<ExtractedDocument> documents{
      nominee_form("郑东浩", "1987-03", "营口市站前区人民政府办公宝四级主任利员", FieldStatus::review),  // 附件6
      nominee_form("郑东海", "1987-03", "营口市站前区人民政府办公室四级主任科员")};                    // 附件8
  settle_person_fields_by_other_forms(documents, {"g", "g"}, {"annex6", "annex8"});
  EXPECT_EQ(documents[0].fields[3].value, "营口市站前区人民政府办公室四级主任科员");
  EXPECT_EQ(documents[0].fields[3].status, FieldStatus::review);
  EXPECT_EQ(documents[1].fields[3].status, FieldStatus::ok);

  documents[1].fields[3].status = FieldStatus::review;
  documents[0].fields[3].value = "营口市站前区人民政府办公宝四级主任利员";
  settle_person_fields_by_other_forms(documents, {"g", "g"}, {"annex6", "annex8"});
  EXPECT_EQ(documents[0].fields[3].value, "营口市站前区人民政府办公宝四级主任利员");
  EXPECT_EQ(documents[1].fields[3].value, "营口市站前区人民政府办公室四级主任科员");
}

TEST(PersonAgreement, CopiesAreOneVoiceAndFarReadingsAndOtherNomineesAreLeft) {
  // Two copies of 附件3 against one 附件6, all unsure: one form each, nothing settles.
  std::vector<ExtractedDocument> copies{nominee_form("王猴", "1987-03", unit, FieldStatus::review),
                                        nominee_form("王猴", "1987-03", unit, FieldStatus::review),
                                        nominee_form("王久", "1987-03", "营口市鳄鱼疾区人民政府办公室三级主任科员",
                                                     FieldStatus::review)};
  settle_person_fields_by_other_forms(copies, {"g", "g", "g"}, {"annex3", "annex3", "annex6"});
  EXPECT_EQ(copies[2].fields[3].value, "营口市鳄鱼疾区人民政府办公室三级主任科员");

  // A reading more than a fifth of its characters away (4 of 19) is another unit, not a misread.
  std::vector<ExtractedDocument> far{nominee_form("王猴", "1987-03", unit), nominee_form("王猴", "1987-03", unit),
                                     nominee_form("王久", "1987-03", "营口市站前区人民政府办公室四级主任科员",
                                                  FieldStatus::review)};
  settle_person_fields_by_other_forms(far, {"g", "g", "g"}, {"annex3", "annex8", "annex6"});
  EXPECT_EQ(far[2].fields[3].value, "营口市站前区人民政府办公室四级主任科员");

  // Two nominees born in one month, of one gender, told apart by their names: no one's forms.
  std::vector<ExtractedDocument> two{nominee_form("张伟", "1987-03", unit), nominee_form("李强", "1987-03", unit),
                                     nominee_form("李强", "1987-03", "营口市鳄鱼疾区人民政府办公室三级主任科员",
                                                  FieldStatus::review)};
  settle_person_fields_by_other_forms(two, {"g", "g", "g"}, {"annex3", "annex8", "annex6"});
  EXPECT_EQ(two[2].fields[3].value, "营口市鳄鱼疾区人民政府办公室三级主任科员");
}

TEST(PersonAgreement, AnUnreadValueIsNotFilledIn) {
  std::vector<ExtractedDocument> documents{nominee_form("王猴", "1987-03", unit), nominee_form("王猴", "1987-03", unit),
                                           nominee_form("王久", "1987-03", unit)};
  documents[2].fields[3].value = nullptr;
  documents[2].fields[3].status = FieldStatus::missing;
  settle_person_fields_by_other_forms(documents, {"g", "g", "g"}, {"annex3", "annex8", "annex6"});
  EXPECT_TRUE(documents[2].fields[3].value.is_null());
  EXPECT_EQ(documents[2].fields[3].status, FieldStatus::missing);
}

}  // namespace
}  // namespace intake
