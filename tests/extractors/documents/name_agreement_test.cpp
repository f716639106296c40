#include "extractors/documents/name_agreement.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

ExtractedField name_field(std::string id, std::string value, FieldStatus status = FieldStatus::ok,
                          std::optional<int> row = std::nullopt) {
  ExtractedField field;
  field.field = std::move(id);
  field.value = std::move(value);
  field.status = status;
  field.row_index = row;
  return field;
}

ExtractedDocument document_with(std::vector<ExtractedField> fields) {
  ExtractedDocument document;
  document.fields = std::move(fields);
  return document;
}

TEST(NameAgreement, NamesOneCharacterApartInOneGroupGoToReview) {
  std::vector<ExtractedDocument> documents{
      document_with({name_field("head_name", "胡丹微")}),
      document_with({name_field("head_name", "胡丹薇", FieldStatus::review)}),
      document_with({name_field("name", "王晓梅"), name_field("title", "王晓梅", FieldStatus::ok, 0)}),
      document_with({name_field("head_name", "胡丹薇")})};
  flag_disagreeing_names(documents, {"朝阳市", "朝阳市", "朝阳市", "鞍山市"});
  EXPECT_EQ(documents[0].fields[0].status, FieldStatus::review);
  EXPECT_EQ(documents[0].fields[0].note, "read as 胡丹薇 in another document");
  EXPECT_EQ(documents[2].fields[0].status, FieldStatus::ok);  // agrees with its 附件4 row
  EXPECT_EQ(documents[2].fields[1].status, FieldStatus::ok);
  EXPECT_EQ(documents[3].fields[0].status, FieldStatus::ok);  // another recommender's 胡丹薇
}

TEST(NameAgreement, AnUnsureNameTakesTheReadingOfMoreForms) {
  std::vector<ExtractedDocument> documents{
      document_with({name_field("contact_name", "司马山", FieldStatus::review)}),  // 附件5
      document_with({name_field("contact_name", "司马凯")}),                       // 附件2
      document_with({name_field("contact_name", "司马凯", FieldStatus::review)}),  // 附件4
      document_with({name_field("contact_name", "司马山")})};                      // another recommender's
  settle_names_by_other_forms(documents, {"g", "g", "g", "h"}, {"annex5", "annex2", "annex4", "annex5"});
  EXPECT_EQ(documents[0].fields[0].value, "司马凯");
  EXPECT_EQ(documents[0].fields[0].status, FieldStatus::review);
  EXPECT_EQ(documents[0].fields[0].note, "read as 司马山 here, as 司马凯 on more forms");
  EXPECT_EQ(documents[3].fields[0].value, "司马山");
}

TEST(NameAgreement, CopiesOfOneFormAreOneVoiceAndOneFormAgainstOneDecidesNothing) {
  // Five copies of 附件3 misread alike, against 附件6 read unsurely: two forms, one each.
  std::vector<ExtractedDocument> documents;
  std::vector<std::string> forms;
  for (int copy = 0; copy < 5; ++copy) {
    documents.push_back(document_with({name_field("name", "胡丹微")}));
    forms.push_back("annex3");
  }
  documents.push_back(document_with({name_field("name", "胡丹薇", FieldStatus::review)}));
  forms.push_back("annex6");
  settle_names_by_other_forms(documents, std::vector<std::string>(documents.size(), "g"), forms);
  EXPECT_EQ(documents.back().fields[0].value, "胡丹薇");
  // Nor does a reading no other form has ok, however many forms have it.
  std::vector<ExtractedDocument> unsure{document_with({name_field("name", "董薄", FieldStatus::review)}),
                                        document_with({name_field("name", "董萍", FieldStatus::review)}),
                                        document_with({name_field("name", "董萍", FieldStatus::review)})};
  settle_names_by_other_forms(unsure, {"g", "g", "g"}, {"annex2", "annex5", "annex7"});
  EXPECT_EQ(unsure[0].fields[0].value, "董薄");
}

TEST(NameAgreement, AReadingThatBeginsWithNoSurnameYieldsWhateverTheCountOfForms) {
  // One font misread 蒋 as 将 on 附件6 and 附件8 alike; 附件3 and 附件4 read 蒋志帆: two forms each.
  std::vector<ExtractedDocument> documents{
      document_with({name_field("name", "将志帆", FieldStatus::review)}),  // 附件6
      document_with({name_field("name", "将志帆", FieldStatus::review)}),  // 附件8
      document_with({name_field("name", "蒋志帆")}),                       // 附件3
      document_with({name_field("title", "蒋志帆", FieldStatus::ok, 0)})};  // 附件4's row
  settle_names_by_other_forms(documents, {"g", "g", "g", "g"}, {"annex6", "annex8", "annex3", "annex4"});
  for (std::size_t i : {0u, 1u}) {
    EXPECT_EQ(documents[i].fields[0].value, "蒋志帆") << i;
    EXPECT_EQ(documents[i].fields[0].status, FieldStatus::review) << i;
  }
  // Both readings surnames, two forms against two: nothing is decided.
  std::vector<ExtractedDocument> even{document_with({name_field("name", "张志帆", FieldStatus::review)}),
                                      document_with({name_field("name", "张志帆", FieldStatus::review)}),
                                      document_with({name_field("name", "蒋志帆")}),
                                      document_with({name_field("title", "蒋志帆", FieldStatus::ok, 0)})};
  settle_names_by_other_forms(even, {"g", "g", "g", "g"}, {"annex6", "annex8", "annex3", "annex4"});
  EXPECT_EQ(even[0].fields[0].value, "张志帆");
}

TEST(NameAgreement, OnlyPersonalNamesAreCompared) {
  std::vector<ExtractedDocument> documents{document_with({name_field("unit_name", "北票市政府")}),
                                           document_with({name_field("unit_name", "北票市政务")}),
                                           document_with({name_field("title", "朝阳市政务服务中心", FieldStatus::ok, 1)}),
                                           document_with({name_field("title", "朝阳市政务服务中午", FieldStatus::ok, 1)})};
  flag_disagreeing_names(documents, {"g", "g", "g", "g"});
  for (const ExtractedDocument& document : documents) EXPECT_EQ(document.fields[0].status, FieldStatus::ok);
}

}  // namespace
}  // namespace intake
