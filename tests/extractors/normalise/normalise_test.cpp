#include "extractors/normalise/normalise.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>

#include "expect_normalised.h"
#include "extractors/id_number.h"
#include "models/form_model.h"
#include "models/utf8.h"

namespace intake {
namespace {

using testing::describe;

TEST(NormaliseValue, KnowsEveryTypeTheFormModelsUse) {
  const FormCatalogue& catalogue = form_catalogue();
  std::set<std::string> used;
  for (const FormModel& form : catalogue.forms)
    for (const auto* list : {&form.fields, &form.columns})
      for (const FieldModel& field : *list) used.insert(field.type);
  for (const std::string& type : used) EXPECT_TRUE(is_value_type(type)) << type;
  EXPECT_EQ(used.size(), value_types().size());  // and no normaliser nobody uses
  EXPECT_FALSE(is_value_type("money"));
}

TEST(NormaliseValue, DispatchesByTypeName) {
  EXPECT_EQ(normalise_value("date", "二〇二六年一月八日").value, "2026-01-08");
  EXPECT_EQ(normalise_value("level", "县级及以下").value, "county");
  EXPECT_EQ(normalise_value("integer", "32人").value, 32);
  EXPECT_EQ(normalise_value("ethnicity", "汉").value, "汉族");
  EXPECT_EQ(normalise_value("phone", "(024)86893881").value, "024-86893881");
  for (const std::string_view type : value_types()) {
    EXPECT_EQ(normalise_value(type, "").status, FieldStatus::missing) << type;
    EXPECT_EQ(normalise_value(type, " \n\t　").status, FieldStatus::missing) << type;
    EXPECT_TRUE(normalise_value(type, "").value.is_null()) << type;
  }
  const Normalised unknown = normalise_value("money", "32元");
  EXPECT_EQ(unknown.status, FieldStatus::review);
  EXPECT_EQ(unknown.note, "unknown value type money");
}

// ---- fuzz: no throw, no crash, nothing ill-formed called ok ------------------------------------------------

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const std::chrono::year_month_day d{std::chrono::year{std::stoi(s.substr(0, 4))},
                                      std::chrono::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                                      std::chrono::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
  return d.ok() && std::stoi(s.substr(0, 4)) >= 1900;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool in(const std::vector<std::string>& vocabulary, const nlohmann::json& value) {
  return value.is_string() &&
         std::find(vocabulary.begin(), vocabulary.end(), value.get<std::string>()) != vocabulary.end();
}

bool is_han_name(const std::string& s) {
  const std::u32string chars = utf8_decode(s);
  std::size_t han = 0;
  std::size_t run = 0;
  bool dotted = false;
  for (const char32_t c : chars) {
    if (c == U'·') {
      if (run == 0) return false;
      dotted = true;
      run = 0;
    } else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c >= 0x20000) {
      ++han, ++run;
    } else {
      return false;
    }
  }
  return run > 0 && (dotted || (han >= 2 && han <= 4));
}

bool is_phone(const std::string& s) {
  if (all_digits(s)) return (s.size() == 11 && s[0] == '1') || ((s.size() == 7 || s.size() == 8) && s[0] != '0');
  const std::size_t hyphen = s.find('-');
  if (hyphen == std::string::npos || s.find('-', hyphen + 1) != std::string::npos) return false;
  const std::string area = s.substr(0, hyphen);
  const std::string local = s.substr(hyphen + 1);
  return all_digits(area) && all_digits(local) && area[0] == '0' && (area.size() == 3 || area.size() == 4) &&
         local.size() >= 7 && local.size() <= 8;
}

// What an ok value of each type must look like, whatever the input was.
bool well_formed(std::string_view type, const nlohmann::json& v) {
  const Vocabularies& vocab = form_catalogue().vocabularies;
  if (type == "text" || type == "long_text" || type == "education")
    return v.is_string() && !v.get<std::string>().empty();
  if (type == "name") return v.is_string() && is_han_name(v.get<std::string>());
  if (type == "gender") return v == "男" || v == "女";
  if (type == "year_month") {
    if (!v.is_string()) return false;
    const std::string s = v.get<std::string>();
    return s.size() == 7 && is_iso_date(s + "-01") && s <= "2030-12";
  }
  if (type == "date") return v.is_string() && is_iso_date(v.get<std::string>());
  if (type == "ethnicity") return in(vocab.ethnicity, v);
  if (type == "political_status") return in(vocab.political_status, v);
  if (type == "rank") return in(vocab.rank, v);
  if (type == "unit_type") return in(vocab.unit_type, v);
  if (type == "member_role") return in(vocab.member_role, v);
  if (type == "category") return in(vocab.category, v);
  if (type == "level") return v == "provincial" || v == "city" || v == "county";
  if (type == "id_number")
    return v.is_string() && id_number_check_digit_ok(v.get<std::string>()) && id_number_facts(v.get<std::string>());
  if (type == "phone") return v.is_string() && is_phone(v.get<std::string>());
  if (type == "postcode") {
    if (!v.is_string()) return false;
    const std::string s = v.get<std::string>();
    return s.size() == 6 && all_digits(s) && s[0] == '1' && (s[1] == '1' || s[1] == '2');
  }
  if (type == "integer") return v.is_number_integer() && v.get<long>() >= 0;
  if (type == "opinion")
    return v.is_object() && v.size() == 3 && v["text"].is_string() && !v["text"].get<std::string>().empty() &&
           v["sealed"] == false && v["date"].is_string() && is_iso_date(v["date"].get<std::string>());
  if (type == "publicity_list") {
    if (!v.is_array() || v.empty()) return false;
    for (const auto& p : v) {
      if (!p.is_object() || !p["start"].is_string() || !p["end"].is_string()) return false;
      const std::string start = p["start"].get<std::string>(), end = p["end"].get<std::string>();
      if (!is_iso_date(start) || !is_iso_date(end) || end < start) return false;
    }
    return true;
  }
  return false;
}

bool has_long_digit_run(const std::string& note) {
  std::size_t run = 0;
  for (const char c : note) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= 7) return true;
  }
  return false;
}

// Pieces real fields are made of, so random strings come near the shapes the parsers accept.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p{"0",
                                          "1",
                                          "2",
                                          "3",
                                          "5",
                                          "8",
                                          "9",
                                          "12",
                                          "15",
                                          "19",
                                          "2025",
                                          "2026",
                                          "1985",
                                          "024",
                                          "138",
                                          "86893881",
                                          "110032",
                                          "210102",
                                          "19850315",
                                          "１",
                                          "２",
                                          "０",
                                          "年",
                                          "月",
                                          "日",
                                          "号",
                                          "〇",
                                          "○",
                                          "零",
                                          "一",
                                          "二",
                                          "三",
                                          "十",
                                          "廿",
                                          "元",
                                          "两",
                                          ".",
                                          "-",
                                          "/",
                                          " ",
                                          "\n",
                                          "　",
                                          "（",
                                          "）",
                                          "(",
                                          ")",
                                          "：",
                                          "至",
                                          "—",
                                          "~",
                                          "、",
                                          "，",
                                          "。",
                                          "族",
                                          "汉",
                                          "满",
                                          "蒙古",
                                          "汊",
                                          "党员",
                                          "中共",
                                          "预备",
                                          "男",
                                          "女",
                                          "另",
                                          "性",
                                          "·",
                                          "•",
                                          "王",
                                          "晓梅",
                                          "公示",
                                          "盖章",
                                          "（盖章）",
                                          "省直",
                                          "市级",
                                          "县级及以下",
                                          "县(市、区)级",
                                          "☑",
                                          "□",
                                          "√",
                                          "正处级",
                                          "管理岗",
                                          "专技",
                                          "级",
                                          "人",
                                          "约",
                                          "余",
                                          "X",
                                          "x",
                                          "O",
                                          "o",
                                          "l",
                                          "I",
                                          "×",
                                          "+86",
                                          "转",
                                          "同意推荐",
                                          "本科",
                                          "研究生",
                                          "组长",
                                          "成员",
                                          "先进集体",
                                          "行政机关",
                                          "事业单位",
                                          "\xFF",
                                          "\xE7\x8E",
                                          "\xC0\xAF",
                                          "\xED\xA0\x80",
                                          "\x01"};
  return p;
}

std::string random_bytes(std::mt19937& rng) {
  std::uniform_int_distribution<int> length(0, 40), byte(0, 255);
  std::string s(static_cast<std::size_t>(length(rng)), '\0');
  for (char& c : s) c = static_cast<char>(byte(rng));
  return s;
}

std::string random_pieces(std::mt19937& rng) {
  std::uniform_int_distribution<int> length(0, 24);
  std::uniform_int_distribution<std::size_t> pick(0, pieces().size() - 1);
  std::string s;
  for (int n = length(rng); n > 0; --n) s += pieces()[pick(rng)];
  return s;
}

std::string random_code_points(std::mt19937& rng) {
  std::uniform_int_distribution<int> length(0, 30);
  std::uniform_int_distribution<std::uint32_t> plane(0, 9), any(0, 0x10FFFF), cjk(0x3000, 0x9FFF), ascii(0, 0x7F);
  std::u32string s;
  for (int n = length(rng); n > 0; --n) {
    const auto which = plane(rng);
    s.push_back(which < 4 ? ascii(rng) : which < 8 ? cjk(rng) : which < 9 ? 0xFF00 + (any(rng) % 0x60) : any(rng));
  }
  return utf8_encode(s);
}

// Printed values of each type, for the mutation generator to start from.
const std::vector<std::string>& samples(std::string_view type) {
  static const std::map<std::string_view, std::vector<std::string>> by_type{
      {"text", {"鞍山市人民政府办公室", "辽宁省沈阳市和平区南京南街1号"}},
      {"name", {"王晓梅", "阿依古丽·买买提", "欧阳娜娜"}},
      {"gender", {"男", "女", "男性"}},
      {"year_month", {"1985.03", "1985年3月", "198503", "一九八五年三月", "1985-03"}},
      {"date", {"2026年1月8日", "二〇二六年一月八日", "2026.1.8", "20260108", "二○二六年元月八日"}},
      {"ethnicity", {"汉族", "满", "蒙古族", "朝鲜族"}},
      {"political_status", {"中共党员", "党员", "群众", "中共预备党员"}},
      {"education", {"大学本科", "研究生", "在职研究生", "大专"}},
      {"rank", {"一级主任科员", "正处级", "管理岗五级", "专技12级"}},
      {"unit_type", {"行政机关", "事业单位", "内设机构", "☑行政机关 □内设机构 □事业单位"}},
      {"id_number", {"210102198503151235", "21010219780315103X", "210302199007082467"}},
      {"phone", {"024-86893881", "13812345678", "(0411)82345678"}},
      {"postcode", {"110032", "114001"}},
      {"integer", {"32人", "三十二", "5"}},
      {"level", {"省直", "市级", "县级及以下", "县（市、区）级"}},
      {"long_text", {"一是健全机制。\n二是强化\n培训。"}},
      {"opinion", {"同意推荐。\n（盖章）\n2026年1月8日", "同意推荐。\n鞍山市人民政府办公室\n二〇二六年一月八日"}},
      {"member_role", {"组长", "副组长", "成员", "办公室主任"}},
      {"category", {"先进集体", "先进个人"}},
      {"publicity_list", {"于2025年12月15日至12月19日在本单位公示", "公示5个工作日（12月15日—19日）。\n2026年1月5日"}},
  };
  return by_type.at(type);
}

// A sample as printed, or with up to three code points changed (a digit for a digit half the time, so the shape
// survives and the parsers' range checks are what is tested), dropped, or a piece inserted.
std::string mutated_sample(std::string_view type, std::mt19937& rng) {
  const auto& from = samples(type);
  std::u32string s = utf8_decode(from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)]);
  std::uniform_int_distribution<int> edits(0, 3), kind(0, 3), digit(0, 9);
  for (int n = edits(rng); n > 0 && !s.empty(); --n) {
    const std::size_t i = std::uniform_int_distribution<std::size_t>(0, s.size() - 1)(rng);
    const std::u32string piece =
        utf8_decode(pieces()[std::uniform_int_distribution<std::size_t>(0, pieces().size() - 1)(rng)]);
    switch (kind(rng)) {
      case 0:
        if (s[i] >= U'0' && s[i] <= U'9') s[i] = static_cast<char32_t>(U'0' + digit(rng));
        break;
      case 1:
        s.replace(i, 1, piece);
        break;
      case 2:
        s.erase(i, 1);
        break;
      default:
        s.insert(i, piece);
        break;
    }
  }
  return utf8_encode(s);
}

TEST(NormaliseValue, FuzzNeverThrowsAndNeverCallsIllFormedOk) {
  std::mt19937 rng(20251215);  // fixed: a failure reproduces
  constexpr int rounds_per_generator = 1000;
  for (const std::string_view type : value_types()) {
    int ok_values = 0;
    for (int generator = 0; generator < 5; ++generator) {
      for (int round = 0; round < rounds_per_generator; ++round) {
        const std::string raw = generator == 0   ? random_bytes(rng)
                                : generator == 1 ? random_pieces(rng)
                                : generator == 2 ? random_code_points(rng)
                                                 : mutated_sample(type, rng);
        Normalised n;
        ASSERT_NO_THROW(n = normalise_value(type, raw)) << type;
        ASSERT_NE(n.note, "the normaliser failed on this text") << type << " on " << nlohmann::json(utf8_sanitise(raw));
        std::string dumped;
        ASSERT_NO_THROW(dumped = n.value.dump()) << type;  // valid UTF-8 all through
        EXPECT_GE(n.confidence_factor, 0.0);
        EXPECT_LE(n.confidence_factor, 1.0);
        EXPECT_FALSE(has_long_digit_run(n.note)) << type << ": " << n.note;
        if (n.status == FieldStatus::missing) {
          EXPECT_TRUE(n.value.is_null()) << type;
        }
        if (n.status == FieldStatus::ok) {
          ++ok_values;
          ASSERT_TRUE(well_formed(type, n.value))
              << type << " on " << nlohmann::json(utf8_sanitise(raw)).dump() << " gave " << describe(n);
        }
      }
    }
    // The generators must reach the accepting paths, or the oracle checks nothing.
    EXPECT_GT(ok_values, rounds_per_generator / 10) << type;
  }
}

}  // namespace
}  // namespace intake
