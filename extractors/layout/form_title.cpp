#include "extractors/layout/form_title.h"

#include <algorithm>
#include <regex>

#include "extractors/layout/label_match.h"
#include "extractors/normalise/vocabulary_snap.h"
#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

// Share of differing characters tolerated: one slip in eight, so that the shortest title (初审推荐工作报告) may
// have one (初审推荐工作报宕).
constexpr double max_difference = 0.13;
// The runner-up must be this much worse, or the title is ambiguous (a misread 集体/个人).
constexpr double min_margin = 0.05;

// Lines at the top of a page that may hold its title: 附件N, the title over two lines, 附件4's header line.
constexpr std::size_t title_lines = 4;

bool has_han(std::string_view text) {
  const std::u32string characters = utf8_decode(text);
  return std::any_of(characters.begin(), characters.end(), [](char32_t c) { return is_han(c); });
}

// Best score of `title` against `key` anywhere in it: the OCR line may carry 附件6 or stray marks around it.
double containment_score(const std::u32string& line, const std::u32string& title) {
  if (title.empty() || line.size() + 2 < title.size()) return 0;
  double best = 0;
  const std::size_t window = title.size();
  for (std::size_t start = 0; start + window <= line.size() + 2; ++start) {
    for (const std::size_t length : {window - 1, window, window + 1}) {
      if (start >= line.size()) break;
      const std::u32string part = line.substr(start, std::min(length, line.size() - start));
      const double score = 1.0 - static_cast<double>(edit_distance(part, title)) / static_cast<double>(window);
      best = std::max(best, score);
    }
  }
  return best;
}

std::optional<Round> report_round(const std::u32string& line) {
  if (line.find(U"初审") != std::u32string::npos) return Round::initial;
  if (line.find(U"正式") != std::u32string::npos) return Round::formal;
  return std::nullopt;
}

// How nearly `part` is a stretch of `title`: the fewest edits to a stretch of it one character shorter to one
// longer, against the part's length. containment_score turned round, but not it: every start is tried, so that a
// line longer than the title (AAA辽宁省…汇总表, marks before it) scores by the whole title; limited as that one is,
// such a line scored 0.46 instead of 0.89 (measured on 8000 lines of the eval's pages).
double stretch_score(const std::u32string& part, const std::u32string& title) {
  if (part.empty()) return 0;
  std::size_t fewest = part.size();
  for (std::size_t start = 0; start < title.size(); ++start)
    for (const std::size_t length : {part.size() - 1, part.size(), part.size() + 1}) {
      if (length == 0) continue;
      const std::u32string stretch = title.substr(start, length);
      fewest = std::min(fewest, static_cast<std::size_t>(edit_distance(part, stretch)));
    }
  return 1.0 - static_cast<double>(fewest) / static_cast<double>(part.size());
}

}  // namespace

double title_part_score(std::string_view text, const FormCatalogue& catalogue) {
  const std::u32string line = label_key(text);
  double best = 0;
  for (const FormModel& form : catalogue.forms) best = std::max(best, stretch_score(line, label_key(form.title)));
  return best;
}

std::optional<TitleMatch> match_form_title(std::string_view text, const FormCatalogue& catalogue) {
  const std::u32string line = label_key(text);
  if (line.size() < 4) return std::nullopt;
  std::optional<TitleMatch> best;
  double runner_up = 0;
  for (const FormModel& form : catalogue.forms) {
    double score = containment_score(line, label_key(form.title));
    for (const std::string& variant : form.title_variants)
      score = std::max(score, containment_score(line, label_key(variant)));
    // Titles that vary (附件9 names its city, a report its round) also match by pattern.
    if (form.title_pattern && std::regex_search(utf8_encode(line), std::regex(*form.title_pattern))) score = 1.0;
    if (!best || score > best->score) {
      if (best) runner_up = best->score;
      best = TitleMatch{&form, form.round, score};
    } else {
      runner_up = std::max(runner_up, score);
    }
  }
  if (!best || best->score < 1.0 - max_difference || best->score - runner_up < min_margin) return std::nullopt;
  if (best->form->kind == FormKind::report) best->round = report_round(line);
  return best;
}

TitleFound find_title(const std::vector<std::string>& lines, const FormCatalogue& catalogue) {
  TitleFound found;
  const auto consider = [&](const std::string& text) {
    auto match = match_form_title(text, catalogue);
    if (match && (!found.match || match->score > found.match->score)) found = {match, text};
  };
  for (std::size_t i = 0; i < std::min(lines.size(), title_lines); ++i) {
    consider(lines[i]);
    if (i + 1 < lines.size()) consider(lines[i] + lines[i + 1]);
    if (i + 2 < lines.size() && !has_han(lines[i + 1])) consider(lines[i] + lines[i + 2]);
  }
  return found;
}

}  // namespace intake
