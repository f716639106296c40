#include "extractors/documents/document_assembly.h"

#include <algorithm>

#include "extractors/layout/form_title.h"
#include "extractors/layout/label_match.h"
#include "models/char_class.h"
#include "models/form_model.h"

namespace intake {
namespace {

// A line read this surely, every character of it, is what it says. chi_sim reads a garbled title as Han
// characters at a mean of 0.9 (已丁自以方和色放-LTFX进…), but never each of them surely (its weakest 0.59).
constexpr double sure_title_confidence = 0.95;
constexpr double sure_title_weakest = 0.9;
// Below this share of its characters matching a stretch of a form's title, a line is another document's title
// (个人简历 shares 个人 with 先进个人: 0.5); a misread stretch of ours keeps most of its characters.
constexpr double title_part_floor = 0.7;

const FormModel* model_of(const std::string& form) {
  const auto kind = form_kind_from(form);
  return kind ? form_catalogue().find(*kind) : nullptr;
}

bool starts_with_annex_heading(const PageRead& page) {
  for (std::size_t i = 0; i < page.lines.size() && i < 2; ++i)
    if (is_annex_heading(page.lines[i].read.text)) return true;
  return false;
}

bool has_column_table(const PageRead& page) { return !page.tables.empty(); }

// What an untitled page is to the open document, if anything.
std::optional<PageRole> role_in(const AssembledDocument& open, const PageRead& page) {
  const FormModel* form = model_of(open.form);
  if (!form) return std::nullopt;
  const PageRole last = open.roles.back();
  if (form->layout == "free_text") return page.has_table ? std::nullopt : std::optional(PageRole::continuation);
  if (form->layout == "table")
    return has_column_table(page) ? std::optional(PageRole::continuation) : std::nullopt;
  // A record form: a ruled page continues the table; a page of running text is its 附页 when it is headed as one
  // or follows one.
  if (page.has_table) {
    if (last == PageRole::annex_page || has_column_table(page)) return std::nullopt;
    return PageRole::continuation;
  }
  if (starts_with_annex_heading(page) || last == PageRole::annex_page) return PageRole::annex_page;
  return std::nullopt;
}

// A page titled as some other document (个人简历 over a grid of 姓名 性别 民族 籍贯, a CV sent along): a line
// above its table read surely, every character, of four Han characters or more, that is no stretch of any form's
// title and no 附页 heading. Such a page is not one of the forms, whatever its labels.
bool titled_otherwise(const PageRead& page) {
  for (const TextLineRead& line : page.lines) {
    const bool sure = line.read.confidence >= sure_title_confidence && line.read.min_confidence >= sure_title_weakest;
    if (!sure || is_annex_heading(line.read.text)) continue;
    const std::u32string text = label_key(line.read.text);
    const auto han = std::count_if(text.begin(), text.end(), is_han);
    if (han >= 4 && han * 5 >= static_cast<std::ptrdiff_t>(text.size()) * 4 &&
        title_part_score(line.read.text, form_catalogue()) < title_part_floor)
      return true;
  }
  return false;
}

// A title OCR could not read: the labels found say which record form the page is, when exactly one form has all of
// them and the page shows the opening fields (a second page has only the long texts and opinions), and the page
// is not titled as something else.
std::optional<std::string> form_from_labels(const PageRead& page) {
  if (titled_otherwise(page)) return std::nullopt;
  std::vector<std::string> found;
  for (const LabelledValue& value : page.values)
    if (!value.field.empty()) found.push_back(value.field);
  if (found.size() < 4) return std::nullopt;
  std::optional<std::string> only;
  for (const FormModel& form : form_catalogue().forms) {
    if (form.layout != "record") continue;
    const bool all = std::all_of(found.begin(), found.end(), [&](const std::string& id) { return form.field(id); });
    const bool opens = form.fields.empty() || std::find(found.begin(), found.end(), form.fields.front().id) != found.end();
    if (!all || !opens) continue;
    if (only) return std::nullopt;
    only = form.id;
  }
  return only;
}

}  // namespace

std::string_view name_of(PageRole role) {
  switch (role) {
    case PageRole::first: return "first";
    case PageRole::continuation: return "continuation";
    case PageRole::annex_page: return "annex_page";
  }
  return "first";
}

bool is_annex_heading(std::string_view line) {
  const std::u32string key = label_key(line);
  if (key.size() > 10) return false;
  return key.find(U"附页") != std::u32string::npos || key.find(U"附頁") != std::u32string::npos;
}

std::vector<AssembledDocument> assemble_documents(const std::vector<PageRead>& pages,
                                                  const std::vector<std::string>& groups) {
  std::vector<AssembledDocument> documents;
  std::optional<std::size_t> open;  // index in `documents` of the document a next page may continue
  auto group_of = [&](std::size_t i) { return i < groups.size() ? groups[i] : std::string(); };
  std::string open_group;

  for (std::size_t i = 0; i < pages.size(); ++i) {
    const PageRead& page = pages[i];
    if (page.blank) continue;  // a duplex back: it neither belongs to nor ends the document around it
    const std::optional<std::string> form = page.form ? page.form : form_from_labels(page);
    if (form) {
      AssembledDocument document;
      document.form = *form;
      document.round = page.form ? page.round : std::nullopt;
      if (!document.round)
        if (const FormModel* model = model_of(*form); model && model->round)
          document.round = std::string(name_of(*model->round));
      document.pages = {i};
      document.roles = {PageRole::first};
      documents.push_back(std::move(document));
      open = documents.size() - 1;
      open_group = group_of(i);
      continue;
    }
    if (open && group_of(i) == open_group) {
      if (const auto role = role_in(documents[*open], page)) {
        documents[*open].pages.push_back(i);
        documents[*open].roles.push_back(*role);
        continue;
      }
    }
    AssembledDocument unknown;
    unknown.pages = {i};
    unknown.roles = {PageRole::first};
    documents.push_back(std::move(unknown));
    open.reset();
  }
  return documents;
}

}  // namespace intake
