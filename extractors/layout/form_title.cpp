#include "extractors/layout/form_title.h"

#include <regex>

#include "extractors/layout/label_match.h"
#include "extractors/normalise/vocabulary_snap.h"
#include "models/utf8.h"

namespace intake {
namespace {

// Share of differing characters tolerated: one slip in ten.
constexpr double max_difference = 0.12;
// The runner-up must be this much worse, or the title is ambiguous (a misread 集体/个人).
constexpr double min_margin = 0.05;

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

}  // namespace intake
