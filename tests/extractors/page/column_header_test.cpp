#include "extractors/page/column_header.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

const std::vector<FieldModel>& annex4_columns() { return form_catalogue().find(FormKind::annex4)->columns; }

std::vector<std::string> annex4_ids() {
  std::vector<std::string> ids;
  for (const FieldModel& column : annex4_columns()) ids.push_back(column.id);
  return ids;
}

TEST(ColumnHeader, LabelsASealHidAreTakenFromTheFormsOrder) {
  // 序号 类别 名称或姓名 under the 推荐单位 seal: the rest of the header row was read.
  std::vector<std::string> header = annex4_ids();
  header[0] = header[1] = header[2] = "";
  EXPECT_EQ(complete_column_header(header, annex4_columns()), annex4_ids());
}

TEST(ColumnHeader, AGapBetweenRecognisedLabelsIsFilled) {
  std::vector<std::string> header = annex4_ids();
  header[4] = header[5] = "";
  header.back() = "";  // 备注, after the last recognised label
  EXPECT_EQ(complete_column_header(header, annex4_columns()), annex4_ids());
}

TEST(ColumnHeader, ARunWithMoreGridColumnsThanTheModelStaysUnknown) {
  // A ruling drawn by the seal's rim split a column: four grid columns where the model has three. Guessing would
  // shift every value after the split.
  std::vector<std::string> header = annex4_ids();
  header.insert(header.begin(), "");
  header[0] = header[1] = header[2] = header[3] = "";
  const auto completed = complete_column_header(header, annex4_columns());
  EXPECT_EQ(completed, header);
}

TEST(ColumnHeader, LabelsOutOfTheModelsOrderAreLeftAsRead) {
  std::vector<std::string> header = annex4_ids();
  std::swap(header[3], header[4]);
  header[0] = "";
  EXPECT_EQ(complete_column_header(header, annex4_columns()), header);
}

TEST(ColumnHeader, NothingRecognisedNothingGuessed) {
  const std::vector<std::string> header(annex4_columns().size(), "");
  EXPECT_EQ(complete_column_header(header, annex4_columns()), header);
}

}  // namespace
}  // namespace intake
