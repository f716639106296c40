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
