#include "extractors/documents/copy_merge.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>

#include "extractors/normalise/vocabulary_snap.h"
#include "models/utf8.h"

namespace intake {
namespace {

using FieldKey = std::pair<std::string, int>;  // field id, row (-1 for record fields)

std::map<FieldKey, const ExtractedField*> by_key(const ExtractedDocument& document) {
  std::map<FieldKey, const ExtractedField*> fields;
  for (const ExtractedField& field : document.fields) fields[{field.field, field.row_index.value_or(-1)}] = &field;
  return fields;
}

// A number OCR read (ID, phone, postcode): digits, X and hyphens, at least six of them.
bool is_number_code(const nlohmann::json& value) {
  constexpr std::size_t shortest = 6;
  if (!value.is_string()) return false;
  const std::string& text = value.get_ref<const std::string&>();
  return text.size() >= shortest && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || c == 'X' || c == '-';
         });
}

// Two numbers apart by more than OCR slips: a misread changes a digit or two, another phone number most of them.
// Such copies are different versions even when neither read is certain enough to be ok.
bool different_numbers(const nlohmann::json& a, const nlohmann::json& b) {
  constexpr std::size_t most_slips = 2;
  if (!is_number_code(a) || !is_number_code(b)) return false;
  return edit_distance(utf8_decode(a.get<std::string>()), utf8_decode(b.get<std::string>())) > most_slips;
}

double text_similarity(std::u32string_view x, std::u32string_view y) {
  const std::size_t longer = std::max(x.size(), y.size());
  if (longer == 0) return 1.0;
  return 1.0 - static_cast<double>(edit_distance(x, y)) / static_cast<double>(longer);
}

double text_similarity(const std::string& a, const std::string& b) {
  return text_similarity(utf8_decode(a), utf8_decode(b));
}

// Whether two values read with certainty differ. A long text read ok still holds OCR's slips, a character or two
// in a hundred (ACCURACY.md): two reads of one text differ in a few characters (33人 read 33，人), another version
// in more. A one-character edit of a long text is missed here; the copies then merge as one version.
bool certainly_differ(const nlohmann::json& a, const nlohmann::json& b) {
  constexpr std::size_t long_text = 50;           // characters
  constexpr double same_version_similarity = 0.97;
  if (a.is_string() && b.is_string()) {
    const std::u32string x = utf8_decode(a.get_ref<const std::string&>());
    const std::u32string y = utf8_decode(b.get_ref<const std::string&>());
    if (std::max(x.size(), y.size()) >= long_text) return text_similarity(x, y) < same_version_similarity;
  }
  return a != b;
}

// The first field both copies read with certainty and read differently, or whose numbers differ beyond misreading;
// nullopt when they agree.
std::optional<std::string> certain_difference(const ExtractedDocument& a, const ExtractedDocument& b) {
  const auto fields_b = by_key(b);
  for (const ExtractedField& field : a.fields) {
    const auto other = fields_b.find({field.field, field.row_index.value_or(-1)});
    if (other == fields_b.end()) continue;
    const ExtractedField& theirs = *other->second;
    if (field.value.is_null() || theirs.value.is_null()) continue;
    const bool read = field.status != FieldStatus::missing && theirs.status != FieldStatus::missing;
    if (read && different_numbers(field.value, theirs.value)) return field.field;
    if (field.status != FieldStatus::ok || theirs.status != FieldStatus::ok) continue;
    if (certainly_differ(field.value, theirs.value)) return field.field;
  }
  return std::nullopt;
}

// Values that tell one nominee or unit from another of the same recommender. Contact people are left out: one
// liaison may sign for every unit of a city.
constexpr std::array<std::string_view, 10> identifying_values{"id_number", "birth",    "work_start", "phone",
                                                              "unit_and_title", "native_place", "head_name",
                                                              "address",   "postcode", "staff_count"};
constexpr std::array<std::string_view, 3> identifying_texts{"summary", "deeds", "awards"};
// Two reads of one long text share most characters whatever the OCR slips; two nominees' deeds share few.
constexpr double same_text_similarity = 0.8;

// What copies vote on: an opinion's date (its text carries seal debris that differs copy by copy), else the value.
const nlohmann::json& voted_value(const ExtractedField& field) {
  static const nlohmann::json none;
  if (field.value.is_object()) return field.value.contains("date") ? field.value["date"] : none;
  return field.value;
}

const ExtractedField* record_field(const ExtractedDocument& document, std::string_view id) {
  for (const ExtractedField& field : document.fields)
    if (!field.row_index && field.field == id && !field.value.is_null()) return &field;
  return nullptr;
}

// A text one copy read ok where most copies read another character at one place: the copies are separate
// sheets, and a misread from the scan is one sheet's (干部 in three copies of five, 于部 at 0.99 in the one read ok).
// The value stays, since the others are unsure reads and a font misreads every copy alike (林红颖 read 林红括 in
// most copies of a report), but it is not ok: review, noted. Copies of another length count but give no character.
void doubt_what_most_copies_read_otherwise(ExtractedField& field, const std::vector<const ExtractedField*>& reads) {
  if (field.status != FieldStatus::ok || !field.value.is_string()) return;
  const std::u32string text = utf8_decode(field.value.get<std::string>());
  std::size_t voters = 0;
  std::vector<std::u32string> alike;
  for (const ExtractedField* read : reads) {
    if (!read->value.is_string()) continue;
    ++voters;
    std::u32string other = utf8_decode(read->value.get<std::string>());
    if (other.size() == text.size()) alike.push_back(std::move(other));
  }
  constexpr std::size_t fewest_voters = 3;  // two copies against one is no majority of separate sheets
  if (voters < fewest_voters) return;
  std::string otherwise;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::map<char32_t, std::size_t> votes;
    for (const std::u32string& other : alike) ++votes[other[i]];
    for (const auto& [character, count] : votes)
      if (character != text[i] && 2 * count > voters)
        otherwise += (otherwise.empty() ? "" : ", ") + utf8_encode(std::u32string{character, U'/', text[i]});
  }
  if (otherwise.empty()) return;
  field.status = FieldStatus::review;
  const std::string note = "most copies read " + otherwise + " otherwise";
  field.note = field.note.empty() ? note : field.note + "; " + note;
}

}  // namespace

bool same_subject(const ExtractedDocument& a, const ExtractedDocument& b) {
  if (a.subject.value_or("") == b.subject.value_or("")) return true;
  int agree = 0, differ = 0;
  for (const std::string_view id : identifying_values) {
    const ExtractedField* x = record_field(a, id);
    const ExtractedField* y = record_field(b, id);
    if (!x || !y) continue;
    (x->value == y->value ? agree : differ) += 1;
  }
  for (const std::string_view id : identifying_texts) {
    const ExtractedField* x = record_field(a, id);
    const ExtractedField* y = record_field(b, id);
    if (!x || !y || !x->value.is_string() || !y->value.is_string()) continue;
    const double similarity = text_similarity(x->value.get<std::string>(), y->value.get<std::string>());
    (similarity >= same_text_similarity ? agree : differ) += 1;
  }
  return agree >= 2 && agree > differ;
}

MergedCopies find_copies(const std::vector<AssembledDocument>& documents,
                         const std::vector<ExtractedDocument>& extracted, const std::vector<std::string>& folders) {
  MergedCopies merged;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> versions;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (documents[i].form == "unknown") {
      merged.groups.push_back({i});
      continue;
    }
    const auto key = std::make_tuple(folders[i], documents[i].form, documents[i].round.value_or(""));
    // Each version of each subject seen so far is a group; the copy joins the first of its subject it agrees with.
    std::optional<std::size_t> joined;
    std::optional<std::string> difference;
    for (const std::size_t group : versions[key]) {
      const std::size_t first = merged.groups[group].front();
      if (!same_subject(extracted[first], extracted[i])) continue;
      const auto differs = certain_difference(extracted[first], extracted[i]);
      if (!differs) {
        joined = group;
        break;
      }
      if (!difference) {
        difference = differs;
        merged.mismatches.push_back({first, i, *differs});
      }
    }
    if (joined) {
      merged.groups[*joined].push_back(i);
    } else {
      versions[key].push_back(merged.groups.size());
      merged.groups.push_back({i});
    }
  }
  return merged;
}

std::vector<ExtractedField> merged_fields(const std::vector<std::size_t>& group,
                                          const std::vector<ExtractedDocument>& extracted) {
  std::vector<ExtractedField> fields = extracted[group.front()].fields;
  if (group.size() < 2) return fields;  // one copy: its own fields, nothing to weigh them against
  std::vector<std::map<FieldKey, const ExtractedField*>> copies;
  for (std::size_t k = 1; k < group.size(); ++k) copies.push_back(by_key(extracted[group[k]]));
  for (ExtractedField& field : fields) {
    const FieldKey key{field.field, field.row_index.value_or(-1)};
    const ExtractedField first = field;
    std::vector<const ExtractedField*> reads{&first};
    for (const auto& copy : copies)
      if (const auto other = copy.find(key); other != copy.end()) reads.push_back(other->second);
    const auto certain = std::find_if(reads.begin(), reads.end(),
                                      [](const ExtractedField* read) { return read->status == FieldStatus::ok; });
    if (certain != reads.end()) {
      field = **certain;
      doubt_what_most_copies_read_otherwise(field, reads);
      continue;
    }
    const ExtractedField* best = nullptr;
    std::size_t best_votes = 0;
    for (const ExtractedField* read : reads) {
      if (read->value.is_null()) continue;
      const nlohmann::json& value = voted_value(*read);
      const auto votes = value.is_null() ? std::size_t{0}
                                         : static_cast<std::size_t>(std::count_if(
                                               reads.begin(), reads.end(),
                                               [&](const ExtractedField* other) { return voted_value(*other) == value; }));
      if (!best || votes > best_votes || (votes == best_votes && read->confidence > best->confidence)) {
        best = read;
        best_votes = votes;
      }
    }
    if (best) field = *best;
  }
  return fields;
}

}  // namespace intake
