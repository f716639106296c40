#pragma once
// Which form a page is, from its title line (FORMS.md: the title is the form's name, often after 附件N). Titles
// of different forms differ in a few characters (集体/个人, 初审推荐登记表/推荐审批表/征求意见表), so the
// match is on the whole title, and a near tie is no answer.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/form_model.h"

namespace intake {

struct TitleMatch {
  const FormModel* form = nullptr;
  std::optional<Round> round;  // from the form, or for work reports from 初审/正式 in the title
  double score = 0;            // 1 = exact; falls with the share of characters that differ
};

std::optional<TitleMatch> match_form_title(std::string_view text, const FormCatalogue& catalogue);

struct TitleFound {
  std::optional<TitleMatch> match;
  std::string text;  // the line, or the lines joined, that matched
};

// The best title among a page's first lines (above its table, or at the top of a page without one: 附件N, the
// title, for 附件4 the header line), each alone or joined with the next (a long title wraps) or with the one after
// a line of no Chinese character between them (a speck read as 1).
TitleFound find_title(const std::vector<std::string>& lines, const FormCatalogue& catalogue);

// How nearly `text` is a stretch of some form's title (1 = exactly; a title wrapped over two lines, 推荐审批表, is
// a stretch of one), as the share of its characters that match. Spaces and punctuation are ignored.
double title_part_score(std::string_view text, const FormCatalogue& catalogue);

}  // namespace intake
