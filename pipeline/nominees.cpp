#include "pipeline/nominees.h"

#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "extractors/id_number.h"
#include "models/form_model.h"

namespace intake {
namespace {

std::optional<std::string> text_value(const StoredDocument& document, std::string_view field) {
  for (const StoredField& stored : document.fields) {
    if (stored.field != field || stored.row_index || !stored.value_json) continue;
    const auto value = nlohmann::json::parse(*stored.value_json, nullptr, false);
    if (value.is_string() && !value.get<std::string>().empty()) return value.get<std::string>();
  }
  return std::nullopt;
}

}  // namespace

std::vector<NewNominee> nominees_from_documents(const std::vector<StoredDocument>& documents) {
  using Key = std::tuple<std::string, std::optional<std::string>, std::string>;
  std::map<Key, NewNominee> found;
  std::map<Key, bool> birth_from_id;
  for (const StoredDocument& document : documents) {
    const FormModel* form = form_catalogue().find(document.form);
    if (!form || (form->nominee_kind != "individual" && form->nominee_kind != "collective")) continue;
    const bool individual = form->nominee_kind == "individual";
    const auto name = text_value(document, individual ? "name" : "unit_name");
    if (!name) continue;
    const Key key{form->nominee_kind, document.recommender, *name};
    NewNominee& nominee = found[key];
    nominee.kind = form->nominee_kind;
    nominee.recommender = document.recommender;
    nominee.name = *name;
    nominee.documents.push_back(document.id);
    if (!individual) {
      nominee.unit_name = name;
      continue;
    }
    if (const auto id = text_value(document, "id_number"))
      if (const auto facts = id_number_facts(*id)) {
        nominee.birth = facts->birth_date;
        birth_from_id[key] = true;
        continue;
      }
    if (!birth_from_id[key])
      if (const auto month = text_value(document, "birth")) nominee.birth = month;
  }
  std::vector<NewNominee> nominees;
  for (auto& [key, nominee] : found) nominees.push_back(std::move(nominee));
  return nominees;
}

void update_nominees(Store& store) { store.store_nominees(nominees_from_documents(store.documents())); }

}  // namespace intake
