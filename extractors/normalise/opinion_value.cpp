#include "extractors/normalise/opinion_value.h"

#include <algorithm>
#include <vector>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/date_values.h"
#include "extractors/normalise/text_values.h"
#include "models/char_class.h"
#include "models/full_width.h"
#include "models/utf8.h"

namespace intake {
namespace {

constexpr std::size_t longest_signature = 30;

std::u32string trimmed(std::u32string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return std::u32string(text.substr(begin, end - begin));
}

// Erases each bracketed span of `text` — an opener of `openers` up to the first of `closers` after it — that
// `erase` (given the span with its brackets) says to.
template <typename Predicate>
void erase_bracketed_if(std::u32string& text, std::u32string_view openers, std::u32string_view closers,
                        Predicate erase) {
  std::size_t open = text.find_first_of(openers);
  while (open != std::u32string::npos) {
    const std::size_t close = text.find_first_of(closers, open + 1);
    if (close != std::u32string::npos && erase(std::u32string_view(text).substr(open, close - open + 1))) {
      text.erase(open, close - open + 1);
      open = text.find_first_of(openers, open);  // what follows has moved to `open`
    } else {
      open = text.find_first_of(openers, open + 1);
    }
  }
}

// （盖章）, (单位盖章), 【签字】: a bracketed note of at most 6 characters that asks for a seal or a signature
// (盖革 and 盖齐 are 盖章 under the seal's red).
void remove_bracketed_placeholders(std::u32string& text) {
  constexpr std::size_t longest_inside = 6;
  erase_bracketed_if(text, U"(（[【", U")）]】", [](std::u32string_view note) {
    const std::u32string_view inside = note.substr(1, note.size() - 2);
    return inside.size() <= longest_inside && inside.find_first_of(U"章签盖") != std::u32string_view::npos;
  });
}

void remove_word(std::u32string& text, std::u32string_view word) {
  for (std::size_t at = text.find(word); at != std::u32string::npos; at = text.find(word, at))
    text.erase(at, word.size());
}

// 年  月  日 with nothing filled in: the printed date line of a blank box.
void remove_blank_date_lines(std::u32string& text) {
  std::size_t year = text.find(U'年');
  while (year != std::u32string::npos) {
    std::size_t before = year;
    while (before > 0 && is_space(text[before - 1])) --before;
    const bool filled = before > 0 && (is_ascii_digit(text[before - 1]) || is_chinese_numeral(text[before - 1]));
    std::size_t i = year + 1;
    while (i < text.size() && is_space(text[i])) ++i;
    const bool month = !filled && i < text.size() && text[i] == U'月';
    if (month) ++i;
    while (month && i < text.size() && is_space(text[i])) ++i;
    if (month && i < text.size() && text[i] == U'日') {
      text.erase(before, i + 1 - before);
      year = text.find(U'年', before);
    } else {
      year = text.find(U'年', year + 1);
    }
  }
}

// 负责人（签字）：, 单位负责人签名: — a printed prompt for a signature, with nothing filled in (placeholders in
// brackets already removed).
bool is_signature_prompt(const std::u32string& line) {
  constexpr std::size_t longest_prompt = 12;
  if (line.size() > longest_prompt) return false;
  std::u32string rest = line;
  for (const std::u32string_view word :
       {std::u32string_view{U"主要负责人"}, std::u32string_view{U"负责人"}, std::u32string_view{U"单位"},
        std::u32string_view{U"领导"}, std::u32string_view{U"签字"}, std::u32string_view{U"签名"}})
    remove_word(rest, word);
  const bool prompt_word = rest.size() < line.size();
  const bool only_punctuation = rest.find_first_not_of(U":：()（） ") == std::u32string::npos;
  return prompt_word && only_punctuation;
}

// 盖章 or 公章 printed without brackets and misread under the seal (羡章, 状章, 盖革): a line of at most three
// characters beside its punctuation, one of them 章 or 盖.
bool is_seal_placeholder(const std::u32string& line) {
  std::u32string letters;
  for (const char32_t c : line)
    if (is_han(c) || is_ascii_letter(c) || is_ascii_digit(c)) letters.push_back(c);
  return !letters.empty() && letters.size() <= 3 && letters.find_first_of(U"章盖") != std::u32string::npos;
}

// What an opinion is written with: Chinese, digits and the punctuation of Chinese prose. Anything else — Latin
// letters, °, £, ~, | — is the seal's lettering or specks read as characters.
bool is_opinion_character(char32_t c) {
  constexpr std::u32string_view prose = U"，。、；：？！“”‘’（）《》—…·%.,;:?!()";
  return is_han(c) || is_ascii_digit(c) || is_space(c) || prose.find(c) != std::u32string_view::npos;
}

// (公于) after the last sentence: a short bracketed note there is the seal's placeholder (盖章, 公章) misread past
// recognition; a signature is never bracketed.
bool is_bracketed_note(std::u32string_view tail) {
  constexpr std::size_t longest_inside = 4;
  return tail.size() >= 3 && tail.size() <= longest_inside + 2 && std::u32string_view(U"(（").find(tail.front()) !=
         std::u32string_view::npos && std::u32string_view(U")）").find(tail.back()) != std::u32string_view::npos;
}

// A digit standing alone between two words (该同志8近三年来): a speck or a seal stroke read as a digit. Opinions
// write numbers as numbers (近3年, 2025年度) and dates are split off before this is asked.
bool has_lone_digit(const std::u32string& text) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i)
    if (is_ascii_digit(text[i]) && is_han(text[i - 1]) && is_han(text[i + 1])) return true;
  return false;
}

// Marks after the opinion's last sentence that are no words — fewer than two Chinese characters, or characters
// no opinion holds (。/人t202oF, 。A): what the seal leaves when read. Removed; true when there were some.
bool remove_trailing_marks(std::u32string& text) {
  const std::size_t stop = text.find_last_of(U"。！");
  if (stop == std::u32string::npos || stop + 1 >= text.size()) return false;
  const std::u32string_view tail = std::u32string_view(text).substr(stop + 1);
  const auto han = std::count_if(tail.begin(), tail.end(), is_han);
  const bool odd = std::any_of(tail.begin(), tail.end(), [](char32_t c) { return !is_opinion_character(c); });
  if (han >= 2 && !odd && !is_bracketed_note(trimmed(tail))) return false;
  text.erase(stop + 1);
  return true;
}

struct Split {
  std::vector<std::u32string> lines;  // the opinion without its date
  std::optional<DateMention> date;
};

std::vector<std::u32string> non_blank_lines(std::u32string_view text) {
  std::vector<std::u32string> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find_first_of(U"\n\r", begin);
    if (end == std::u32string_view::npos) end = text.size();
    std::u32string line = trimmed(text.substr(begin, end - begin));
    if (!line.empty()) lines.push_back(std::move(line));
    begin = end + 1;
  }
  return lines;
}

// The date a line ends with (a full stop after it allowed), and what the line holds before it.
std::optional<DateMention> date_ending(const std::u32string& line) {
  const std::vector<DateMention> dates = find_dates(line);
  if (dates.empty()) return std::nullopt;
  std::u32string_view after = std::u32string_view(line).substr(dates.back().end);
  while (!after.empty() && (is_space(after.front()) || after.front() == U'。' || after.front() == U'.'))
    after.remove_prefix(1);
  if (!after.empty()) return std::nullopt;
  return dates.back();
}

// A unit's name under the date: short, no digits, no sentence punctuation.
bool is_signature(const std::u32string& line) {
  return line.size() <= longest_signature && line.find_first_of(U"0123456789，。；：！？,;:!?") == std::u32string::npos;
}

// The date on the box's last line, or on the line before a signature line; taken out of the lines.
Split split_final_date(std::vector<std::u32string> lines) {
  for (std::size_t from_end = 1; from_end <= 2 && from_end <= lines.size(); ++from_end) {
    const std::size_t index = lines.size() - from_end;
    if (from_end == 2 && !is_signature(lines.back())) break;
    const auto date = date_ending(lines[index]);
    if (!date) continue;
    lines[index] = trimmed(std::u32string_view(lines[index]).substr(0, date->begin));
    if (lines[index].empty()) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(index));
    return {std::move(lines), date};
  }
  return {std::move(lines), std::nullopt};
}

constexpr std::size_t longest_date_line = longest_opinion_date_line;
constexpr std::ptrdiff_t least_numerals_before_day = 4;

bool has_year(const std::u32string& line) {
  for (std::size_t i = 0; i + 4 <= line.size(); ++i) {
    const bool four = std::all_of(line.begin() + static_cast<std::ptrdiff_t>(i),
                                  line.begin() + static_cast<std::ptrdiff_t>(i + 4), is_ascii_digit);
    const bool fifth = i + 4 < line.size() && is_ascii_digit(line[i + 4]);
    const bool before = i > 0 && is_ascii_digit(line[i - 1]);
    if (four && !fifth && !before && (line.compare(i, 2, U"19") == 0 || line.compare(i, 2, U"20") == 0)) return true;
  }
  return false;
}

bool has_chinese_year(const std::u32string& line) {
  std::size_t run = 0;
  for (const char32_t c : line) {
    const bool numeral = (is_chinese_numeral(c) && !is_chinese_numeral_unit(c)) || c == U'O' || c == U'〇';
    run = numeral ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

}  // namespace

bool ends_with_day_mark(std::u32string_view line) {
  while (!line.empty() && (is_space(line.back()) || line.back() == U'。' || line.back() == U'.')) line.remove_suffix(1);
  return !line.empty() && line.back() == U'日';
}

std::optional<std::size_t> opinion_date_line(const std::vector<std::string>& lines) {
  // A seal over the date bends 年 too (2025生12月15日): five digits on a line also make it the date line; an
  // opinion's sentences hardly hold a number that long.
  constexpr std::size_t least_digits = 5;
  for (std::size_t i = lines.size(); i-- > 0;) {
    const std::u32string line = utf8_decode(fold_full_width(lines[i], Fold::letters_and_digits));
    // O for 〇 is how OCR often reads a Chinese zero (二O二六年).
    const auto numeral = [](char32_t c) { return is_ascii_digit(c) || is_chinese_numeral(c) || c == U'O'; };
    if (static_cast<std::size_t>(std::count_if(line.begin(), line.end(), is_ascii_digit)) >= least_digits) return i;
    // A short line with a year in it and the rest lost under the seal (2026盾廊虽, 二〇二六年…): four numerals
    // starting 19 or 20, or three Chinese numerals in a row, that no sentence of an opinion holds.
    const bool sentence = line.find_first_of(U"，。；,;") != std::u32string::npos;
    if (!sentence && line.size() <= longest_date_line && (has_year(line) || has_chinese_year(line))) return i;
    // A short line that ends in 日 with four numerals or more is a date whatever the seal made of the rest
    // (以工.,二六告一尹十二日, 20275亿;月12日): the specks read as commas do not make it a sentence.
    if (line.size() <= longest_date_line && ends_with_day_mark(line) &&
        std::count_if(line.begin(), line.end(), numeral) >= least_numerals_before_day)
      return i;
    // A year is at least two numerals before 年 (2026年, 二〇二六年); 近三年 and 十年 are spans of time.
    for (std::size_t year = line.find(U'年'); year != std::u32string::npos; year = line.find(U'年', year + 1)) {
      std::size_t before = year;
      while (before > 0 && is_space(line[before - 1])) --before;
      std::size_t numerals = 0;
      while (before > numerals && numeral(line[before - 1 - numerals]) &&
             !is_chinese_numeral_unit(line[before - 1 - numerals]))
        ++numerals;
      if (numerals >= 2) return i;
    }
  }
  return std::nullopt;
}

namespace {

// The printed 年  月  日 of a blank box misread with the specks between its marks (年、月站和月, 和年、月二和日): a
// short line with two of its marks in order and a numeral at most (a speck read as 二); a filled-in date has four
// numerals or more.
bool is_misread_blank_date(std::u32string_view line) {
  constexpr std::size_t longest = 10;
  constexpr std::ptrdiff_t most_numerals = 1;
  if (line.size() > longest) return false;
  const auto numerals = std::count_if(line.begin(), line.end(), [](char32_t c) {
    return is_ascii_digit(c) || (is_chinese_numeral(c) && !is_chinese_numeral_unit(c));
  });
  if (numerals > most_numerals) return false;
  // Two of the marks, in the order they are printed (年 月 日; 年二汶日 lost 月).
  const std::size_t year = line.find(U'年'), month = line.find(U'月'), day = line.rfind(U'日');
  constexpr auto none = std::u32string_view::npos;
  return (year != none && month != none && year < month) || (year != none && day != none && year < day) ||
         (month != none && day != none && month < day);
}

}  // namespace

bool reads_as_blank_box(const nlohmann::json& opinion) {
  if (!opinion.is_object()) return opinion.is_null();
  if (opinion.contains("date") && !opinion["date"].is_null()) return false;
  const nlohmann::json& text = opinion.contains("text") ? opinion["text"] : nlohmann::json();
  if (!text.is_string()) return true;
  constexpr std::u32string_view printed_marks = U"年月日";
  std::u32string read;
  for (const std::u32string& line : non_blank_lines(utf8_decode(text.get<std::string>())))
    if (!is_misread_blank_date(line)) read += line + U"\n";
  // A short bracketed note is the printed （盖章） however misread ((只芋) on a faint 1-bit scan).
  erase_bracketed_if(read, U"(（", U")）", is_bracketed_note);
  std::size_t run = 0;
  for (const char32_t c : read) {
    const bool word = is_han(c) && printed_marks.find(c) == std::u32string_view::npos;
    run = word ? run + 1 : 0;
    if (run >= 2) return false;
  }
  return true;
}

Normalised normalise_opinion(std::string_view raw) {
  std::u32string text = utf8_decode(fold_full_width(raw, Fold::letters_and_digits));
  remove_bracketed_placeholders(text);
  remove_word(text, U"盖章");
  remove_blank_date_lines(text);
  std::vector<std::u32string> lines = non_blank_lines(text);
  std::erase_if(lines, is_signature_prompt);
  std::erase_if(lines, is_seal_placeholder);
  if (lines.empty()) return missing_value();

  const Split split = split_final_date(std::move(lines));
  std::u32string rest;
  for (const std::u32string& line : split.lines) rest += line + U"\n";
  std::u32string joined = utf8_decode(join_lines(utf8_encode(rest), LineBreaks::keep_paragraphs));
  const bool marks_removed = remove_trailing_marks(joined);
  const bool odd_characters = !std::all_of(joined.begin(), joined.end(), is_opinion_character);
  const std::string opinion_text = utf8_encode(joined);
  nlohmann::json value{{"text", opinion_text}, {"sealed", false}, {"date", nullptr}};

  if (split.date && !split.date->date) return invalid_value(split.date->note, std::move(value));
  if (split.date) value["date"] = iso_date(*split.date->date);
  if (!split.date) return review_value(std::move(value), 1.0, "no date at the end of the opinion");
  if (opinion_text.empty()) return review_value(std::move(value), 1.0, "a date but no opinion text");
  if (opinion_text.find("\xEF\xBF\xBD") != std::string::npos)
    return review_value(std::move(value), unrecognised_factor, "unreadable characters in the text");
  if (marks_removed) return review_value(std::move(value), 1.0, "marks after the opinion's last sentence left out");
  if (odd_characters) return review_value(std::move(value), 1.0, "characters no opinion is written with");
  if (has_lone_digit(joined)) return review_value(std::move(value), 1.0, "a lone digit between words");
  return ok_value(std::move(value));
}

}  // namespace intake
