#pragma once
// A printed line of label：value pairs, such as 附件4's 推荐单位（盖章）：鞍山市  联系人：王某  联系电话：…  填报日期：….
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "models/form_model.h"

namespace intake {

// Field id → the text between its label and the next label (separators and spaces trimmed). Labels are found
// by their characters alone; a bracketed note in a label (（盖章）) may be missing from the line (a seal over it).
std::map<std::string, std::string> split_header_line(std::string_view line, const std::vector<FieldModel>& fields);

}  // namespace intake
