#include "extractors/normalise/text_values.h"

#include <vector>

#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

// Characters set without spaces in Chinese typesetting: ideographs, CJK punctuation (U+3000 block), full-width
// forms and the curly quotes Chinese text uses.
bool is_wide(char32_t c) {
  return is_han(c) || (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == U'“' || c == U'”' ||
         c == U'‘' || c == U'’' || c == U'…' || c == U'—' || c == U'·';
}

bool is_ascii_word_char(char32_t c) { return is_ascii_digit(c) || is_ascii_letter(c); }

// One printed line, spaces tidied: none between wide characters (or a wide character and a digit), one elsewhere.
std::u32string tidy_line(std::u32string_view line) {
  std::u32string out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (!is_space(line[i])) {
      out.push_back(line[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < line.size() && is_space(line[end])) ++end;
    if (!out.empty() && end < line.size()) {
      const char32_t before = out.back();
      const char32_t after = line[end];
      const bool drop =
          (is_wide(before) && (is_wide(after) || is_ascii_digit(after))) || (is_ascii_digit(before) && is_wide(after));
      if (!drop) out.push_back(U' ');
    }
    i = end;
  }
  return out;
}

bool ends_sentence(std::u32string_view line) {
  // Closing quotes and brackets may follow the full stop: ……。” ends a sentence too.
  constexpr std::u32string_view closers = U"”’）)」』】》\"'";
  std::size_t end = line.size();
  while (end > 0 && closers.find(line[end - 1]) != std::u32string_view::npos) --end;
  return end > 0 && is_clause_end(line[end - 1]);
}

std::vector<std::u32string> split_lines(std::u32string_view text) {
  std::vector<std::u32string> lines(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n') continue;  // CR LF is one break
    if (c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029) {
      lines.emplace_back();
    } else if (!is_control(c)) {
      lines.back().push_back(c);
    }
  }
  return lines;
}

}  // namespace

std::string join_lines(std::string_view raw, LineBreaks breaks) {
  const std::u32string text = utf8_decode(fold_full_width(raw, Fold::letters_and_digits));
  std::u32string out;
  bool blank_since_last = false;
  for (const std::u32string& raw_line : split_lines(text)) {
    const std::u32string line = tidy_line(raw_line);
    if (line.empty()) {
      blank_since_last = true;
      continue;
    }
    if (!out.empty()) {
      const bool paragraph = breaks == LineBreaks::keep_paragraphs && (blank_since_last || ends_sentence(out));
      if (paragraph) {
        out.push_back(U'\n');
      } else if (is_ascii_word_char(out.back()) && is_ascii_word_char(line.front())) {
        out.push_back(U' ');
      }
    }
    out += line;
    blank_since_last = false;
  }
  return utf8_encode(out);
}

std::u32string compact_text(std::string_view raw, Fold fold) {
  std::u32string out;
  for (const char32_t c : utf8_decode(fold_full_width(raw, fold)))
    if (!is_space(c) && !is_control(c)) out.push_back(c);
  return out;
}

namespace {

Normalised text_result(std::string text) {
  if (text.empty()) return missing_value();
  if (text.find("\xEF\xBF\xBD") != std::string::npos)  // U+FFFD: bytes that were not UTF-8
    return review_value(std::move(text), unrecognised_factor, "unreadable characters in the text");
  return ok_value(std::move(text));
}

}  // namespace

// A separator left over from the label (推荐单位：朝阳市 cut after the colon reads ",朝阳市") or a ruling's stub read
// as a stroke: no one-line value starts with these, and none ends with a separator.
std::string without_stray_edges(const std::string& text) {
  constexpr std::u32string_view leading = U",，.。、:：;；-—_|~·'\"`";
  constexpr std::u32string_view trailing = U",，、:：;；-—_|~'\"`";
  std::u32string chars = utf8_decode(text);
  std::size_t begin = 0, end = chars.size();
  while (begin < end && (leading.find(chars[begin]) != std::u32string_view::npos || is_space(chars[begin]))) ++begin;
  while (end > begin && (trailing.find(chars[end - 1]) != std::u32string_view::npos || is_space(chars[end - 1]))) --end;
  return utf8_encode(chars.substr(begin, end - begin));
}

Normalised normalise_text(std::string_view raw) {
  std::string text = without_stray_edges(join_lines(raw, LineBreaks::join_all));
  // A seal's rim or specks read as Latin letters before a unit's name (pt抚顺市新抚区…): one to three letters
  // right before a Chinese character begin no value on these forms. Left out, for a person to confirm.
  const std::u32string chars = utf8_decode(text);
  std::size_t letters = 0;
  while (letters < chars.size() && is_ascii_letter(chars[letters])) ++letters;
  constexpr std::size_t most_letters = 3;
  if (letters >= 1 && letters <= most_letters && letters < chars.size() && is_han(chars[letters])) {
    Normalised rest = text_result(utf8_encode(chars.substr(letters)));
    return review_value(std::move(rest.value), unrecognised_factor, "Latin letters before the text left out");
  }
  return text_result(std::move(text));
}

std::string chinese_punctuation(std::string_view text) {
  std::u32string chars = utf8_decode(text);
  auto han_at = [&](std::size_t i) { return i < chars.size() && is_han(chars[i]); };
  auto han_before = [&](std::size_t i) { return i > 0 && is_han(chars[i - 1]); };
  auto full_width = [](char32_t c) -> char32_t {
    switch (c) {
      case U',': return U'，';
      case U';': return U'；';
      case U':': return U'：';
      case U'?': return U'？';
      case U'!': return U'！';
      case U'(': return U'（';
      case U')': return U'）';
      default: return c;
    }
  };
  constexpr std::u32string_view openers = U"(（《〈", closers = U")）";
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i];
    if (openers.find(c) != std::u32string_view::npos) {
      // A pair in one line, converted together when either side touches a Han character or is full-width already:
      // (1)北票市, （一)坚持, 《手册》(试行). 《 or 〈 closed by ) is a misread （ (《一)坚持, 村〈社区)); closed by 》 it
      // is a title's, and stays.
      std::size_t close = i + 1;
      while (close < chars.size() && close - i <= 12 && closers.find(chars[close]) == std::u32string_view::npos &&
             chars[close] != U'\n' && openers.find(chars[close]) == std::u32string_view::npos && chars[close] != U'》')
        ++close;
      if (close >= chars.size() || closers.find(chars[close]) == std::u32string_view::npos) continue;
      const bool half_width_pair = c == U'(' && chars[close] == U')';
      if (!half_width_pair || han_before(i) || han_at(i + 1) || han_before(close) || han_at(close + 1)) {
        chars[i] = U'（';
        chars[close] = U'）';
      }
    } else if (c == U',' || c == U';' || c == U':' || c == U'?' || c == U'!') {
      if (han_before(i) || han_at(i + 1)) chars[i] = full_width(c);
    } else if (c == U'.' && han_before(i) && han_at(i + 1)) {
      // Chinese prose never sets a full stop mid-sentence between two characters: it is a misread comma.
      chars[i] = U'，';
    }
  }
  return utf8_encode(chars);
}

Normalised normalise_long_text(std::string_view raw) {
  return text_result(chinese_punctuation(join_lines(raw, LineBreaks::keep_paragraphs)));
}

}  // namespace intake
