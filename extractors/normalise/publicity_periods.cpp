#include "extractors/normalise/publicity_periods.h"

#include <algorithm>
#include <optional>
#include <regex>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/date_values.h"
#include "models/char_class.h"
#include "models/full_width.h"
#include "models/utf8.h"

namespace intake {
namespace {

// ASCII-only regex over UTF-8: every byte of a multi-byte character is ≥ 0x80, so \d and the literal Chinese
// words below can neither match inside a character nor split one.
const std::regex& range_pattern() {
  static const std::regex pattern(
      R"((?:(\d{4})(?:年|\.|-|/))?(\d{1,2})(?:月|\.|-|/)(\d{1,2})(?:日|号)?)"               // start: [year] month day
      R"((?:至|到|——|—|–|―|~|-))"                                                           // 至, 到, dashes, tilde
      R"((?:(?:(\d{4})(?:年|\.|-|/))?(\d{1,2})(?:月|\.|-|/))?(\d{1,2})(?:日|号)?(?!\d))");  // end: [[year] month] day
  return pattern;
}

const std::regex& year_pattern() {
  static const std::regex pattern(R"((\d{4})(?:年|\.|-|/)\d{1,2})");
  return pattern;
}

const std::regex& full_date_pattern() {
  static const std::regex pattern(R"((\d{4})年(\d{1,2})月(\d{1,2})日)");
  return pattern;
}

// Characters between a range and its 公示 within one sentence: 2025年12月15日至12月17日，在推荐对象所在单位对拟推荐对象
// 进行了公示 puts 22 between them.
constexpr std::size_t publicity_window = 30;
constexpr std::string_view publicity_word = "公示";

bool is_digit_byte(char c) { return c >= '0' && c <= '9'; }

// Folded, Chinese numerals as digits, spaces removed: 二〇二五年十二月十五日 至 十九日 → 2025年12月15日至19日.
std::string prepared(std::string_view text) {
  std::string compact;
  for (const char32_t c : utf8_decode(chinese_numerals_to_digits(fold_full_width(text))))
    if (!is_space(c) && !is_control(c)) append_utf8(compact, c);
  return compact;
}

struct Sentence {
  std::size_t offset;  // byte offset in the whole text
  std::string text;
};

// Split at 。 ! ? ; (full-width forms folded already). Byte-wise is safe: they are ASCII or a whole 。.
std::vector<Sentence> sentences(const std::string& text) {
  const std::string full_stop = "。";
  std::vector<Sentence> out{{0, {}}};
  std::size_t i = 0;
  while (i < text.size()) {
    const bool stop_mark = text[i] == '!' || text[i] == '?' || text[i] == ';';
    const bool full = text.compare(i, full_stop.size(), full_stop) == 0;
    if (stop_mark || full) {
      i += full ? full_stop.size() : 1;
      out.push_back({i, {}});
    } else {
      out.back().text.push_back(text[i++]);
    }
  }
  return out;
}

// At most publicity_window characters of text[begin, stop) from its start, or of text[stop, end) from its end.
std::string window_after(const std::string& text, std::size_t begin, std::size_t stop) {
  const std::u32string chars = utf8_decode(std::string_view(text).substr(begin, stop - begin));
  return utf8_encode(std::u32string_view(chars).substr(0, publicity_window));
}

std::string window_before(const std::string& text, std::size_t stop, std::size_t end) {
  const std::u32string chars = utf8_decode(std::string_view(text).substr(stop, end - stop));
  const std::size_t keep = std::min(chars.size(), publicity_window);
  return utf8_encode(std::u32string_view(chars).substr(chars.size() - keep));
}

std::optional<int> last_year_before(const std::string& text, std::size_t end) {
  std::optional<int> year;
  const std::string prefix = text.substr(0, end);
  for (auto it = std::sregex_iterator(prefix.begin(), prefix.end(), year_pattern()); it != std::sregex_iterator(); ++it)
    year = std::stoi((*it)[1].str());
  return year;
}

std::chrono::year_month_day ymd(int y, int m, int d) {
  return {std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
          std::chrono::day{static_cast<unsigned>(d)}};
}

// The report's own date: its last full date, usually under the signature.
std::optional<std::chrono::year_month_day> report_date(const std::string& text) {
  std::optional<std::chrono::year_month_day> date;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), full_date_pattern()); it != std::sregex_iterator();
       ++it) {
    const auto candidate = ymd(std::stoi((*it)[1].str()), std::stoi((*it)[2].str()), std::stoi((*it)[3].str()));
    if (candidate.ok()) date = candidate;
  }
  return date;
}

// A period without a stated year lies before the report that states it: 12月15日 in a report of 2026年1月5日 is
// in 2025.
std::optional<int> year_before(const std::optional<std::chrono::year_month_day>& report, int month, int day) {
  if (!report) return std::nullopt;
  const int year = static_cast<int>(report->year());
  const auto same_year = ymd(year, month, day);
  if (same_year.ok() && std::chrono::sys_days{same_year} > std::chrono::sys_days{*report}) return year - 1;
  return year;
}

int group_int(const std::smatch& m, int index) { return std::stoi(m[index].str()); }

void read_range(const std::smatch& m, std::optional<int> context_year,
                const std::optional<std::chrono::year_month_day>& report, PublicityReading& reading) {
  const int start_month = group_int(m, 2);
  const int start_day = group_int(m, 3);
  std::optional<int> start_year = m[1].matched ? std::optional<int>(group_int(m, 1)) : context_year;
  if (!start_year) start_year = year_before(report, start_month, start_day);
  if (!start_year) {
    reading.problems.emplace_back("a publicity period without a year");
    return;
  }
  const int end_month = m[5].matched ? group_int(m, 5) : start_month;
  const int end_day = group_int(m, 6);
  int end_year = m[4].matched ? group_int(m, 4) : *start_year;
  if (!m[4].matched && end_month < start_month) ++end_year;  // 12月29日至1月4日 crosses the new year
  const auto start = ymd(*start_year, start_month, start_day);
  const auto end = ymd(end_year, end_month, end_day);
  if (!start.ok() || *start_year < 1900) {
    reading.problems.push_back("no such date " + iso_date(start));
  } else if (!end.ok() || end_year < 1900) {
    reading.problems.push_back("no such date " + iso_date(end));
  } else if (std::chrono::sys_days{end} < std::chrono::sys_days{start}) {
    reading.problems.push_back("period ends before it starts: " + iso_date(start));
  } else {
    const PublicityPeriod period{start, end};
    if (std::find(reading.periods.begin(), reading.periods.end(), period) == reading.periods.end())
      reading.periods.push_back(period);
  }
}

}  // namespace

PublicityReading find_publicity_periods(std::string_view raw) {
  PublicityReading reading;
  const std::string text = prepared(raw);
  reading.mentions_publicity = text.find(publicity_word) != std::string::npos;
  if (!reading.mentions_publicity) return reading;
  const std::optional<std::chrono::year_month_day> report = report_date(text);

  for (const auto& [sentence_offset, sentence] : sentences(text)) {
    if (sentence.find(publicity_word) == std::string::npos) continue;
    std::vector<std::pair<std::size_t, std::smatch>> ranges;
    for (auto from = sentence.cbegin(); from != sentence.cend();) {
      std::smatch m;
      if (!std::regex_search(from, sentence.cend(), m, range_pattern())) break;
      const auto begin = static_cast<std::size_t>(m[0].first - sentence.cbegin());
      if (begin > 0 && is_digit_byte(sentence[begin - 1])) {  // the middle of a longer number
        from = m[0].first + 1;
        continue;
      }
      ranges.emplace_back(begin, m);
      from = m[0].second;
    }
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      const auto& [begin, m] = ranges[i];
      const std::size_t end = begin + static_cast<std::size_t>(m.length(0));
      const std::size_t next = i + 1 < ranges.size() ? ranges[i + 1].first : sentence.size();
      const std::size_t previous =
          i > 0 ? ranges[i - 1].first + static_cast<std::size_t>(ranges[i - 1].second.length(0)) : 0;
      const bool near_publicity = window_after(sentence, end, next).find(publicity_word) != std::string::npos ||
                                  window_before(sentence, previous, begin).find(publicity_word) != std::string::npos;
      if (!near_publicity) continue;
      // The year context is searched in the whole text up to this range: an earlier sentence may state it.
      const std::size_t absolute = std::min(text.size(), sentence_offset + begin);
      const std::optional<int> context = last_year_before(text, absolute);
      read_range(m, context, report, reading);
    }
  }
  return reading;
}

Normalised normalise_publicity_list(std::string_view raw) {
  const PublicityReading reading = find_publicity_periods(raw);
  if (!reading.mentions_publicity) {
    Normalised missing = missing_value();
    missing.note = "the text never mentions 公示";
    return missing;
  }
  nlohmann::json periods = nlohmann::json::array();
  for (const PublicityPeriod& p : reading.periods)
    periods.push_back({{"start", iso_date(p.start)}, {"end", iso_date(p.end)}});
  std::string note;
  for (const std::string& problem : reading.problems) note += (note.empty() ? "" : "; ") + problem;
  if (reading.periods.empty() && !reading.problems.empty()) return invalid_value(note, std::move(periods));
  if (reading.periods.empty())
    return review_value(std::move(periods), unrecognised_factor, "公示 mentioned but no period read");
  if (!reading.problems.empty()) return review_value(std::move(periods), found_in_text_factor, note);
  return ok_value(std::move(periods));
}

}  // namespace intake
