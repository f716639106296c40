#include "extractors/documents/person_agreement.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>

#include "extractors/documents/form_support.h"
#include "extractors/normalise/vocabulary_snap.h"
#include "models/utf8.h"

namespace intake {
namespace {

constexpr std::array<std::string_view, 3> settled_fields{"unit_and_title", "rank", "political_status"};

// The document's own field `id` (not a table row's), when it holds a non-empty text.
std::optional<std::size_t> text_field(const ExtractedDocument& document, std::string_view id) {
  for (std::size_t f = 0; f < document.fields.size(); ++f) {
    const ExtractedField& field = document.fields[f];
    if (field.field == id && !field.row_index && field.value.is_string() && !field.value.get<std::string>().empty())
      return f;
  }
  return std::nullopt;
}

std::optional<std::string> ok_text(const ExtractedDocument& document, std::string_view id) {
  const auto f = text_field(document, id);
  if (!f || document.fields[*f].status != FieldStatus::ok) return std::nullopt;
  return document.fields[*f].value.get<std::string>();
}

// Two nominees of one recommender born in the same month, of one gender: their ok names tell them apart.
bool several_nominees(const std::vector<std::size_t>& members, const std::vector<ExtractedDocument>& documents) {
  std::vector<std::u32string> names;
  for (const std::size_t d : members)
    if (const auto name = ok_text(documents[d], "name")) names.push_back(utf8_decode(*name));
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = i + 1; j < names.size(); ++j)
      if (names[i].size() != names[j].size() || edit_distance(names[i], names[j]) > 1) return true;
  return false;
}

void settle_field(std::string_view id, const std::vector<std::size_t>& members,
                  std::vector<ExtractedDocument>& documents, const std::vector<std::string>& forms) {
  std::vector<FieldReading> readings;
  for (const std::size_t d : members)
    if (const auto f = text_field(documents[d], id))
      readings.push_back({d, *f, utf8_decode(documents[d].fields[*f].value.get<std::string>())});
  std::vector<std::pair<const FieldReading*, std::u32string>> settled;
  for (const FieldReading& reading : readings) {
    if (documents[reading.document].fields[reading.field].status == FieldStatus::ok) continue;
    const int near = std::max<int>(1, static_cast<int>(reading.text.size() / 5));
    std::vector<std::u32string> variants;
    for (const FieldReading& other : readings)
      if (other.text != reading.text && edit_distance(other.text, reading.text) <= near &&
          std::find(variants.begin(), variants.end(), other.text) == variants.end())
        variants.push_back(other.text);
    // The reading most forms give among those near; when two are given by as many forms, neither.
    std::vector<FormSupport> supports;
    for (const std::u32string& variant : variants) supports.push_back(support_of(variant, readings, documents, forms));
    const auto fewer = [](const FormSupport& a, const FormSupport& b) { return a.forms < b.forms; };
    const auto best = std::max_element(supports.begin(), supports.end(), fewer);
    const auto as_many = [&](const FormSupport& other) { return other.forms == best->forms; };
    if (best == supports.end() || std::count_if(supports.begin(), supports.end(), as_many) > 1) continue;
    const FormSupport& there = *best;
    const std::u32string& reading_there = variants[static_cast<std::size_t>(best - supports.begin())];
    const FormSupport here = support_of(reading.text, readings, documents, forms);
    // Two forms read alike in other fonts are unlikely to share a misread; a sure read outweighs an unsure one.
    const bool more_forms = there.forms >= 2 && there.forms > here.forms;
    const bool surer = there.ok && there.forms >= here.forms;
    if (more_forms || surer) settled.emplace_back(&reading, reading_there);
  }
  // Settled after all are weighed, so that one settled value does not count for the next.
  for (const auto& [reading, text] : settled)
    settle_reading(documents, *reading, text, "on more of the nominee's forms");
}

}  // namespace

void settle_person_fields_by_other_forms(std::vector<ExtractedDocument>& documents,
                                         const std::vector<std::string>& groups,
                                         const std::vector<std::string>& forms) {
  if (groups.size() < documents.size() || forms.size() < documents.size()) return;
  std::map<std::string, std::vector<std::size_t>> nominees;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const auto birth = ok_text(documents[d], "birth");
    const auto gender = ok_text(documents[d], "gender");
    if (birth && gender) nominees[groups[d] + '\n' + *birth + '\n' + *gender].push_back(d);
  }
  for (const auto& [nominee, members] : nominees) {
    if (members.size() < 2 || several_nominees(members, documents)) continue;
    for (const std::string_view id : settled_fields) settle_field(id, members, documents, forms);
  }
}

}  // namespace intake
