#include "extractors/page/page_read.h"

#include <algorithm>

namespace intake {

TextRead join_reads(const std::vector<TextRead>& parts) {
  TextRead joined;
  double weighted = 0;
  std::size_t length = 0;
  joined.min_confidence = 1;
  for (const TextRead& part : parts) {
    if (part.text.empty()) continue;
    if (!joined.text.empty()) joined.text += '\n';
    joined.text += part.text;
    weighted += part.confidence * static_cast<double>(part.text.size());
    length += part.text.size();
    joined.min_confidence = std::min(joined.min_confidence, part.min_confidence);
    joined.mode = part.mode;
  }
  joined.confidence = length ? weighted / static_cast<double>(length) : 0.0;
  if (!length) joined.min_confidence = 0;
  return joined;
}

namespace {

template <class T>
void put_optional(nlohmann::json& out, const char* key, const std::optional<T>& value) {
  if (value) out[key] = *value;
}
template <class T>
void get_optional(const nlohmann::json& in, const char* key, std::optional<T>& value) {
  if (auto it = in.find(key); it != in.end() && !it->is_null()) value = it->get<T>();
}

}  // namespace

void to_json(nlohmann::json& out, const PageRead& page) {
  out = {{"file", page.file},   {"page", page.page},         {"blank", page.blank},
         {"rotation", page.rotation}, {"skew", page.skew},   {"seals", page.seals},
         {"title_score", page.title_score}, {"title", page.title}, {"lines", page.lines},
         {"values", page.values}, {"tables", page.tables},   {"has_table", page.has_table},
         {"text", page.text},   {"text_box", page.text_box}};
  put_optional(out, "form", page.form);
  put_optional(out, "round", page.round);
  put_optional(out, "problem", page.problem);
  put_optional(out, "photo_box", page.photo_box);
}

void from_json(const nlohmann::json& in, PageRead& page) {
  const PageRead defaults;
  page.file = in.value("file", defaults.file);
  page.page = in.value("page", defaults.page);
  page.blank = in.value("blank", defaults.blank);
  page.rotation = in.value("rotation", defaults.rotation);
  page.skew = in.value("skew", defaults.skew);
  page.seals = in.value("seals", defaults.seals);
  page.title_score = in.value("title_score", defaults.title_score);
  page.title = in.value("title", defaults.title);
  page.lines = in.value("lines", defaults.lines);
  page.values = in.value("values", defaults.values);
  page.tables = in.value("tables", defaults.tables);
  page.has_table = in.value("has_table", defaults.has_table);
  page.text = in.value("text", defaults.text);
  page.text_box = in.value("text_box", defaults.text_box);
  get_optional(in, "form", page.form);
  get_optional(in, "round", page.round);
  get_optional(in, "problem", page.problem);
  get_optional(in, "photo_box", page.photo_box);
}

}  // namespace intake
