#pragma once
// 意见 boxes (FORMS.md opinion): the opinion's text, the seal, and the date written under it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractors/normalise/normalised.h"

namespace intake {

// → {"text": …, "sealed": false, "date": "YYYY-MM-DD" | null}. The date is the one the box ends with (any form
// normalise_date reads, Chinese numerals included), possibly followed by one signature line; it is taken out of
// the text. The printed placeholders of a blank box — （盖章）, 盖章, （签字）, 负责人签字：, 年 月 日 — are removed,
// so a box holding only them is missing. `sealed` is left false: the caller sets it from the seal detector. Status: ok
// with text and a date; review without a date or without text; invalid when the date does not exist.
Normalised normalise_opinion(std::string_view raw);

// Whether a box that is blank on submission (省评选表彰办意见, 省人社厅意见) was read with nothing written in it:
// no date, and no two Chinese characters side by side but the printed 年 月 日 — what is left is its printed
// （盖章） and 年 月 日 misread (午月日, (se), (只芋)) and a neighbouring seal's specks. An opinion holds at least a word
// (同意) outside brackets.
bool reads_as_blank_box(const nlohmann::json& opinion);

// A date line with what may stand beside it: 2026年1月9日 is 9 characters, 二〇二六年十二月二十九日 12.
inline constexpr std::size_t longest_opinion_date_line = 16;

// Whether a line ends in 日, spaces and a full stop after it aside.
bool ends_with_day_mark(std::u32string_view line);

// The last of an opinion box's lines that holds a filled-in date — 年 with a numeral before it (2026年1月9日,
// 二〇二六年一月九日), not the printed blank 年  月  日 — or nullopt. The page reader reads that line again with a
// date whitelist; the extractor checks the two reads against each other.
std::optional<std::size_t> opinion_date_line(const std::vector<std::string>& lines);

}  // namespace intake
