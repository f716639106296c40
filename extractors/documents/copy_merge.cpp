#include "extractors/documents/copy_merge.h"

#include <map>
#include <optional>
#include <tuple>

namespace intake {
namespace {

using FieldKey = std::pair<std::string, int>;  // field id, row (-1 for record fields)

std::map<FieldKey, const ExtractedField*> by_key(const ExtractedDocument& document) {
  std::map<FieldKey, const ExtractedField*> fields;
  for (const ExtractedField& field : document.fields) fields[{field.field, field.row_index.value_or(-1)}] = &field;
  return fields;
}

// The first field both copies read with certainty and read differently; nullopt when they agree.
std::optional<std::string> certain_difference(const ExtractedDocument& a, const ExtractedDocument& b) {
  const auto fields_b = by_key(b);
  for (const ExtractedField& field : a.fields) {
    const auto other = fields_b.find({field.field, field.row_index.value_or(-1)});
    if (other == fields_b.end()) continue;
    const ExtractedField& theirs = *other->second;
    if (field.status != FieldStatus::ok || theirs.status != FieldStatus::ok) continue;
    if (field.value.is_null() || theirs.value.is_null()) continue;
    if (field.value != theirs.value) return field.field;
  }
  return std::nullopt;
}

}  // namespace

MergedCopies find_copies(const std::vector<AssembledDocument>& documents,
                         const std::vector<ExtractedDocument>& extracted, const std::vector<std::string>& folders) {
  MergedCopies merged;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::vector<std::size_t>> versions;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (documents[i].form == "unknown") {
      merged.groups.push_back({i});
      continue;
    }
    const auto key = std::make_tuple(folders[i], documents[i].form, documents[i].round.value_or(""),
                                     extracted[i].subject.value_or(""));
    // Each version of this document seen so far is a group; the copy joins the first it agrees with.
    std::optional<std::size_t> joined;
    std::optional<std::string> difference;
    for (const std::size_t group : versions[key]) {
      const std::size_t first = merged.groups[group].front();
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
  for (ExtractedField& field : fields) {
    if (field.status == FieldStatus::ok) continue;
    for (std::size_t k = 1; k < group.size(); ++k) {
      const auto others = by_key(extracted[group[k]]);
      const auto other = others.find({field.field, field.row_index.value_or(-1)});
      if (other != others.end() && other->second->status == FieldStatus::ok) {
        field = *other->second;
        break;
      }
    }
  }
  return fields;
}

}  // namespace intake
