#include "models/surnames.h"

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/embedded_models.h"
#include "models/utf8.h"

namespace intake {
namespace {

struct Surnames {
  std::u32string single;
  std::vector<std::u32string> compound;  // longest first
};

const Surnames& surnames() {
  static const Surnames loaded = [] {
    const auto root = nlohmann::json::parse(embedded_surnames_json);
    Surnames s;
    s.single = utf8_decode(root.at("single").get<std::string>());
    for (const auto& name : root.at("compound")) s.compound.push_back(utf8_decode(name.get<std::string>()));
    std::sort(s.compound.begin(), s.compound.end(),
              [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
    return s;
  }();
  return loaded;
}

}  // namespace

std::size_t known_surname_length(std::u32string_view name) {
  const Surnames& known = surnames();
  for (const std::u32string& compound : known.compound)
    if (name.size() > compound.size() && name.starts_with(compound)) return compound.size();
  if (name.size() >= 2 && known.single.find(name.front()) != std::u32string::npos) return 1;
  return 0;
}

}  // namespace intake
