#include "models/form_model.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "models/embedded_models.h"

namespace intake {
namespace {

// ordered_json keeps the file's key order, which `level` relies on (printed options in the order the form shows).
using Json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error("forms.json: " + where + ": " + what);
}

template <class T>
T get_as(const Json& object, const char* key, const std::string& where) {
  try {
    return object.at(key).get<T>();
  } catch (const nlohmann::json::exception& error) {
    fail(where, std::string("key '") + key + "': " + error.what());
  }
}

template <class T>
std::optional<T> get_optional(const Json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception& error) {
    fail(where, std::string("key '") + key + "': " + error.what());
  }
}

FieldModel parse_field(const Json& json, const std::string& form_where) {
  FieldModel field;
  field.id = get_as<std::string>(json, "id", form_where);
  const std::string where = form_where + " field " + field.id;
  field.labels = get_as<std::vector<std::string>>(json, "labels", where);
  field.type = get_as<std::string>(json, "type", where);
  field.required = get_optional<bool>(json, "required", where).value_or(false);
  field.max_chars = get_optional<int>(json, "max_chars", where);
  field.blank_on_submission = get_optional<bool>(json, "blank_on_submission", where).value_or(false);
  if (field.type.empty()) fail(where, "empty type");
  return field;
}

std::vector<FieldModel> parse_fields(const Json& form, const char* key, const std::string& where) {
  std::vector<FieldModel> fields;
  const auto it = form.find(key);
  if (it == form.end()) return fields;
  if (!it->is_array()) fail(where, std::string(key) + " is not an array");
  for (const Json& field : *it) fields.push_back(parse_field(field, where));
  return fields;
}

FormModel parse_form(const Json& json) {
  FormModel form;
  form.id = get_as<std::string>(json, "id", "form");
  const std::string where = "form " + form.id;
  const auto kind = form_kind_from(form.id);
  if (!kind) fail(where, "id is not a form kind");
  form.kind = *kind;
  form.annex = get_optional<int>(json, "annex", where);
  if (const auto round = get_optional<std::string>(json, "round", where)) {
    form.round = round_from(*round);
    if (!form.round) fail(where, "unknown round " + *round);
  }
  form.nominee_kind = get_as<std::string>(json, "kind", where);
  form.layout = get_as<std::string>(json, "layout", where);
  form.title = get_as<std::string>(json, "title", where);
  form.title_pattern = get_optional<std::string>(json, "title_pattern", where);
  form.title_variants = get_optional<std::vector<std::string>>(json, "title_variants", where).value_or(
      std::vector<std::string>{});
  form.photo_box = get_optional<bool>(json, "photo_box", where).value_or(false);
  form.fields = parse_fields(json, "fields", where);
  form.columns = parse_fields(json, "columns", where);
  return form;
}

Vocabularies parse_vocabularies(const Json& json) {
  const std::string where = "vocabularies";
  Vocabularies v;
  v.ethnicity = get_as<std::vector<std::string>>(json, "ethnicity", where);
  v.political_status = get_as<std::vector<std::string>>(json, "political_status", where);
  v.education = get_as<std::vector<std::string>>(json, "education", where);
  v.rank = get_as<std::vector<std::string>>(json, "rank", where);
  v.unit_type = get_as<std::vector<std::string>>(json, "unit_type", where);
  v.category = get_as<std::vector<std::string>>(json, "category", where);
  v.member_role = get_as<std::vector<std::string>>(json, "member_role", where);
  v.ineligible_rank = get_as<std::vector<std::string>>(json, "ineligible_rank", where);
  v.county_rank = get_as<std::vector<std::string>>(json, "county_rank", where);
  const Json& level = json.at("level");
  if (!level.is_object()) fail(where, "level is not an object");
  for (const auto& [printed, code] : level.items()) {
    if (!code.is_string()) fail(where, "level " + printed + " is not a string");
    v.level.emplace_back(printed, code.get<std::string>());
  }
  return v;
}

}  // namespace

const FieldModel* FormModel::field(std::string_view field_id) const {
  for (const auto* list : {&fields, &columns})
    for (const FieldModel& f : *list)
      if (f.id == field_id) return &f;
  return nullptr;
}

const FormModel* FormCatalogue::find(FormKind kind) const {
  for (const FormModel& form : forms)
    if (form.kind == kind) return &form;
  return nullptr;
}

FormCatalogue parse_form_catalogue(std::string_view json_text) {
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const nlohmann::json::exception& error) {
    fail("document", error.what());
  }
  if (!root.is_object() || !root.contains("forms") || !root["forms"].is_array()) fail("document", "no forms array");
  if (!root.contains("vocabularies")) fail("document", "no vocabularies");
  FormCatalogue catalogue;
  for (const Json& form : root["forms"]) catalogue.forms.push_back(parse_form(form));
  try {
    catalogue.vocabularies = parse_vocabularies(root["vocabularies"]);
  } catch (const nlohmann::json::exception& error) {
    fail("vocabularies", error.what());
  }
  return catalogue;
}

const FormCatalogue& form_catalogue() {
  // A function-local static is initialised exactly once even with concurrent callers (C++11 [stmt.dcl]/4).
  static const FormCatalogue catalogue = parse_form_catalogue(embedded_forms_json);
  return catalogue;
}

}  // namespace intake
