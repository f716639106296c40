#pragma once
// The header row of a column table (附件4, 附件9) with the labels OCR could not read filled in from the form's own
// column order. A seal stamped over the first header cells (序号 类别 名称或姓名 under the 推荐单位 seal) hides them;
// the columns around them were found, and the form model says which columns lie in between.
#include <string>
#include <vector>

#include "models/form_model.h"

namespace intake {

// `header`: the field id of every grid column, "" where its label was not recognised. A run of unrecognised grid
// columns takes the model's columns between its recognised neighbours (or before the first, after the last) when
// it holds exactly as many columns as the model puts there; any other run stays unrecognised, since a ruling split
// or lost by a seal makes the count disagree and a guess would shift every value of the column. A header whose
// recognised columns are out of the model's order is returned as it is.
std::vector<std::string> complete_column_header(std::vector<std::string> header,
                                                const std::vector<FieldModel>& columns);

}  // namespace intake
