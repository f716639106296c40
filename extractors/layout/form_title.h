#pragma once
// Which form a page is, from its title line (FORMS.md: the title is the form's name, often after 附件N). Titles
// of different forms differ in a few characters (集体/个人, 初审推荐登记表/推荐审批表/征求意见表), so the
// match is on the whole title, and a near tie is no answer.
#include <optional>
#include <string_view>

#include "models/form_model.h"

namespace intake {

struct TitleMatch {
  const FormModel* form = nullptr;
  std::optional<Round> round;  // from the form, or for work reports from 初审/正式 in the title
  double score = 0;            // 1 = exact; falls with the share of characters that differ
};

std::optional<TitleMatch> match_form_title(std::string_view text, const FormCatalogue& catalogue);

// How nearly `text` is a stretch of some form's title (1 = exactly; a title wrapped over two lines, 推荐审批表, is
// a stretch of one), as the share of its characters that match. Spaces and punctuation are ignored.
double title_part_score(std::string_view text, const FormCatalogue& catalogue);

}  // namespace intake
