#include "extractors/documents/copy_pages.h"

#include <algorithm>
#include <map>
#include <optional>

#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

// Copies of one page: most character pairs in common (OCR slips differ copy by copy). Two different pages of one
// form share their printed labels, well under this.
constexpr double least_copy_similarity = 0.6;
// And the best match must stand out from the second best by this much.
constexpr double least_margin = 0.15;
// Pages with fewer pairs than this say too little to match (a page number, a lone line).
constexpr std::size_t least_pairs = 20;

void add_text(std::u32string& all, const std::string& text) {
  for (const char32_t c : utf8_decode(text))
    if (is_han(c)) all.push_back(c);
  all.push_back(U' ');
}

std::map<std::u32string, int> character_pairs(const PageRead& page) {
  std::u32string all;
  add_text(all, page.title);
  for (const TextLineRead& line : page.lines) add_text(all, line.read.text);
  for (const LabelledValue& value : page.values) {
    add_text(all, value.label);
    if (!value.reads.empty()) add_text(all, value.reads.front().text);
  }
  for (const ColumnTableRead& table : page.tables)
    for (const TableRowRead& row : table.rows)
      for (const TableCellRead& cell : row.cells)
        if (!cell.reads.empty()) add_text(all, cell.reads.front().text);
  add_text(all, page.text.text);
  std::map<std::u32string, int> pairs;
  for (std::size_t i = 0; i + 1 < all.size(); ++i)
    if (all[i] != U' ' && all[i + 1] != U' ') ++pairs[all.substr(i, 2)];
  return pairs;
}

std::size_t pair_count(const std::map<std::u32string, int>& pairs) {
  std::size_t total = 0;
  for (const auto& [pair, count] : pairs) total += static_cast<std::size_t>(count);
  return total;
}

double dice(const std::map<std::u32string, int>& a, const std::map<std::u32string, int>& b) {
  const std::size_t total = pair_count(a) + pair_count(b);
  std::size_t common = 0;
  for (const auto& [pair, count] : a)
    if (const auto other = b.find(pair); other != b.end())
      common += static_cast<std::size_t>(std::min(count, other->second));
  return total == 0 ? 0.0 : 2.0 * static_cast<double>(common) / static_cast<double>(total);
}

}  // namespace

double page_text_similarity(const PageRead& a, const PageRead& b) { return dice(character_pairs(a), character_pairs(b)); }

std::vector<PageRead> classified_by_copies(std::vector<PageRead> pages, const std::vector<AssembledDocument>& documents,
                                           const std::vector<std::string>& groups) {
  auto group_of = [&](std::size_t i) { return i < groups.size() ? groups[i] : std::string(); };
  struct Known {
    std::size_t page;
    const AssembledDocument* document;
    std::map<std::u32string, int> pairs;
  };
  std::vector<Known> known;
  for (const AssembledDocument& document : documents)
    if (document.form != "unknown" && !document.pages.empty())
      known.push_back({document.pages.front(), &document, character_pairs(pages[document.pages.front()])});
  if (known.empty()) return pages;

  for (const AssembledDocument& document : documents) {
    if (document.form != "unknown" || document.pages.empty()) continue;
    const std::size_t page = document.pages.front();
    const auto pairs = character_pairs(pages[page]);
    if (pair_count(pairs) < least_pairs) continue;
    // The most alike first page, and the most alike of any other form or round: copies of the same page are
    // equally good matches, only another kind of document competes.
    std::vector<std::pair<double, const Known*>> scored;
    for (const Known& candidate : known)
      if (group_of(candidate.page) == group_of(page)) scored.emplace_back(dice(pairs, candidate.pairs), &candidate);
    if (scored.empty()) continue;
    const auto top = std::max_element(scored.begin(), scored.end(),
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
    const Known* match = top->second;
    const double best = top->first;
    double second = 0;
    for (const auto& [similarity, candidate] : scored)
      if (candidate->document->form != match->document->form || candidate->document->round != match->document->round)
        second = std::max(second, similarity);
    if (best < least_copy_similarity || best - second < least_margin) continue;
    pages[page].form = match->document->form;
    pages[page].round = match->document->round;
  }
  return pages;
}

}  // namespace intake
