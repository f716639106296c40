#pragma once
// Chinese surnames (models/surnames.json): a name's first character misread is most often no surname at all
// (将志帆 for 蒋志帆, 守红 for 崔红), where a misread given name is any character.
#include <cstddef>
#include <string_view>

namespace intake {

// The length of the known surname `name` begins with (2 for 欧阳, 4 for 爱新觉罗), the longest that fits; 0 when
// it begins with none.
std::size_t known_surname_length(std::u32string_view name);

}  // namespace intake
