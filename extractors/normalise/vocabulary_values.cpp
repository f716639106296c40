#include "extractors/normalise/vocabulary_values.h"

#include <algorithm>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "extractors/normalise/chinese_numerals.h"
#include "extractors/normalise/text_values.h"
#include "extractors/normalise/vocabulary_snap.h"
#include "models/char_class.h"
#include "models/form_model.h"
#include "models/utf8.h"

namespace intake {
namespace {

// A printed form that means a vocabulary entry. `certain` when the two are the same thing by definition
// (党员 is 中共党员); otherwise the mapping is a reading a person should confirm (机关 → 行政机关).
struct Variant {
  std::string_view printed;
  std::string_view entry;
  bool certain = true;
};

struct Vocabulary {
  std::string_view name;  // for notes
  const std::vector<std::string>& entries;
  std::span<const Variant> variants;
  bool open;  // FORMS.md "as printed": values outside the list are plausible and kept
};

bool contains(const std::vector<std::string>& entries, std::string_view text) {
  return std::find(entries.begin(), entries.end(), text) != entries.end();
}

// Leading and trailing punctuation is not part of a vocabulary word (汉族。, （正处级）).
std::u32string trim_punctuation(std::u32string text) {
  const auto word_char = [](char32_t c) { return is_han(c) || is_ascii_digit(c) || is_ascii_letter(c); };
  const auto first = std::find_if(text.begin(), text.end(), word_char);
  const auto last = std::find_if(text.rbegin(), text.rend(), word_char).base();
  return first < last ? std::u32string(first, last) : std::u32string{};
}

std::u32string vocabulary_text(std::string_view raw) { return trim_punctuation(compact_text(raw, Fold::everything)); }

// What an open vocabulary keeps "as printed": spaces gone, Chinese brackets kept, a trailing full stop dropped.
std::string as_printed(std::string_view raw) {
  std::u32string text = compact_text(raw, Fold::letters_and_digits);
  while (!text.empty() && std::u32string_view(U"。，,.;；").find(text.back()) != std::u32string_view::npos)
    text.pop_back();
  return utf8_encode(text);
}

// 研究生（硕士）, 二级主任科员（副科级）: the value is what comes before the brackets; empty when nothing does.
std::u32string before_brackets(const std::u32string& text) {
  const std::size_t bracket = text.find_first_of(U"(（[【");
  if (bracket == std::u32string::npos || bracket == 0) return {};
  return trim_punctuation(text.substr(0, bracket));
}

std::optional<Normalised> exact_or_variant(const std::string& text, const Vocabulary& vocabulary) {
  if (contains(vocabulary.entries, text)) return ok_value(text);
  for (const Variant& v : vocabulary.variants) {
    if (v.printed != text) continue;
    const std::string note = "read " + text + " as " + std::string(v.entry);
    if (v.certain) return ok_value(std::string(v.entry), note);
    return review_value(std::string(v.entry), snapped_factor, note);
  }
  return std::nullopt;
}

// Exact entry, then variant, then an unambiguous near miss (for review), then as printed or rejected.
// `readings` are extra spellings to snap from (汊 → 汊族); `printed` is what an open vocabulary keeps.
Normalised match(const std::u32string& text, const Vocabulary& vocabulary, std::span<const std::u32string> readings,
                 const std::string& printed) {
  if (text.empty()) return missing_value();
  const std::string utf8 = utf8_encode(text);
  if (auto found = exact_or_variant(utf8, vocabulary)) return std::move(*found);
  // One character is too little to tell a misreading from another word: 汊 is as near 汉族 as 回族.
  if (text.size() >= 2) {
    std::vector<std::u32string> all{text};
    all.insert(all.end(), readings.begin(), readings.end());
    const auto snap = snap_to_vocabulary(all, vocabulary.entries, 1);
    // In an open vocabulary a character more or less is often another real value (办公室副主任 is not
    // 办公室主任), so only a misread character — same length — is snapped.
    const bool same_length = snap && utf8_decode(snap->entry).size() == text.size();
    if (snap && (!vocabulary.open || same_length))
      return review_value(snap->entry, snapped_factor, "snapped " + utf8 + " to " + snap->entry);
  }
  if (vocabulary.open)
    return review_value(printed, unrecognised_factor,
                        "not in the " + std::string(vocabulary.name) + " vocabulary; kept as printed");
  return invalid_value("not a known " + std::string(vocabulary.name));
}

Normalised match(const std::u32string& text, const Vocabulary& vocabulary) {
  return match(text, vocabulary, {}, utf8_encode(text));
}

// Marks that fill or tick a printed box, as OCR reads them.
bool is_tick(char32_t c) {
  return c == U'√' || c == U'✓' || c == U'✔' || c == U'☑' || c == U'■' || c == U'●' || c == U'▇' || c == U'█' ||
         c == U'◆' || c == U'▲' || c == U'✅';
}

// Forms that print every option with a box (☑行政机关 □内设机构 □事业单位) say the value with the tick. nullopt when
// fewer than two options are printed; otherwise the ticked one, or a review without a value.
std::optional<Normalised> ticked_option(const std::u32string& text, const std::vector<std::string>& options) {
  int printed = 0;
  // A box usually precedes its option (☑行政机关); a tick after an option counts only when none precedes any.
  std::vector<std::string> ticked_before, ticked_after;
  for (const std::string& option : options) {
    const std::u32string word = utf8_decode(option);
    const std::size_t at = text.find(word);
    if (at == std::u32string::npos) continue;
    ++printed;
    const std::size_t after = at + word.size();
    if (at > 0 && is_tick(text[at - 1])) ticked_before.push_back(option);
    if (after < text.size() && is_tick(text[after])) ticked_after.push_back(option);
  }
  if (printed < 2) return std::nullopt;
  const auto& ticked = ticked_before.empty() ? ticked_after : ticked_before;
  if (ticked.size() == 1) return review_value(ticked.front(), found_in_text_factor, "chosen by its tick mark");
  return review_value(nullptr, unrecognised_factor, "several options printed, none clearly ticked");
}

const Vocabularies& vocabularies() { return form_catalogue().vocabularies; }

// ---- ethnicity ----------------------------------------------------------------------------------------------

constexpr Variant ethnicity_variants[] = {{"维族", "维吾尔族"}, {"蒙族", "蒙古族"}};

// Two-character names are all one edit apart (汊族 is as near 回族 as 汉族), so edit distance alone never snaps a
// misread first character. These are look-alikes (and traditional forms) of the commonest names in Liaoning, each
// mapping to one character, so a match through them is a guess with one candidate — for review. Extend from the
// misreadings the accuracy corpus shows.
// clang-format off
constexpr std::pair<char32_t, char32_t> ethnicity_lookalikes[] = {
    {U'汊', U'汉'}, {U'汗', U'汉'}, {U'汶', U'汉'}, {U'漢', U'汉'}, {U'滿', U'满'}, {U'瞒', U'满'}, {U'囬', U'回'},
};
// clang-format on

std::optional<std::string> through_lookalikes(std::u32string text, const std::vector<std::string>& entries) {
  bool replaced = false;
  for (char32_t& c : text)
    for (const auto& [seen, meant] : ethnicity_lookalikes)
      if (c == seen) c = meant, replaced = true;
  if (!replaced) return std::nullopt;
  if (!text.ends_with(U"族")) text += U"族";
  std::string candidate = utf8_encode(text);
  if (!contains(entries, candidate)) return std::nullopt;
  return candidate;
}

// ---- political_status: the parties' own short forms (中国共产党章程, the eight parties' names) ---------------

// clang-format off
constexpr Variant political_variants[] = {
    {"党员", "中共党员"},           {"共产党员", "中共党员"},         {"中国共产党党员", "中共党员"},
    {"中共正式党员", "中共党员"},   {"预备党员", "中共预备党员"},     {"中国共产党预备党员", "中共预备党员"},
    {"团员", "共青团员"},           {"共青团团员", "共青团员"},       {"中国共产主义青年团团员", "共青团员"},
    {"无党派", "无党派人士"},       {"无党派民主人士", "无党派人士"}, {"民革", "民革党员"},
    {"民革会员", "民革党员"},       {"民盟", "民盟盟员"},             {"民建", "民建会员"},
    {"民进", "民进会员"},           {"农工党", "农工党党员"},         {"农工民主党党员", "农工党党员"},
    {"致公党", "致公党党员"},       {"九三学社", "九三学社社员"},     {"台盟", "台盟盟员"},
};
// clang-format on

// ---- education: kept as printed; these cores are recognised besides the vocabulary ------------------------

constexpr std::string_view education_printed[] = {"本科", "专科", "大学专科", "硕士", "博士",
                                                  "中师", "中技", "技校",     "职高", "小学"};
constexpr std::u32string_view education_prefixes[] = {U"全日制",   U"在职",     U"中央党校",
                                                      U"省委党校", U"市委党校", U"党校"};
constexpr std::u32string_view education_suffixes[] = {U"学历", U"毕业"};

// ---- rank: 职务层次 written the older way, and numbers written in digits --------------------------------------

// clang-format off
constexpr Variant rank_variants[] = {
    {"正处级", "县处级正职"}, {"正县级", "县处级正职"}, {"正处", "县处级正职"},   {"正县", "县处级正职"},
    {"处级正职", "县处级正职"}, {"县级正职", "县处级正职"}, {"副处级", "县处级副职"}, {"副县级", "县处级副职"},
    {"副处", "县处级副职"},   {"副县", "县处级副职"},   {"处级副职", "县处级副职"}, {"县级副职", "县处级副职"},
    {"正科级", "乡科级正职"}, {"正科", "乡科级正职"},   {"科级正职", "乡科级正职"}, {"正乡级", "乡科级正职"},
    {"副科级", "乡科级副职"}, {"副科", "乡科级副职"},   {"科级副职", "乡科级副职"}, {"副乡级", "乡科级副职"},
    {"正厅级", "厅局级正职"}, {"正局级", "厅局级正职"}, {"正厅", "厅局级正职"},   {"副厅级", "厅局级副职"},
    {"副局级", "厅局级副职"}, {"副厅", "厅局级副职"},
};
// clang-format on

// 管理岗位五级 / 管理5级 → 管理岗五级; 专业技术七级 / 专技岗7级 → 专技七级: the vocabulary's own spelling.
std::u32string canonical_rank_spelling(std::u32string text) {
  std::u32string numbers_in_chinese;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_ascii_digit(text[i])) {
      numbers_in_chinese.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_ascii_digit(text[end])) ++end;
    const std::u32string digits = text.substr(i, end - i);
    const int value = digits.size() <= 2 ? std::stoi(utf8_encode(digits)) : -1;
    const std::string chinese = value >= 1 ? chinese_numeral(value) : std::string{};
    numbers_in_chinese += chinese.empty() ? digits : utf8_decode(chinese);
    i = end;
  }
  text = std::move(numbers_in_chinese);
  static constexpr std::pair<std::u32string_view, std::u32string_view> prefixes[] = {
      {U"专业技术岗位", U"专技"}, {U"专业技术岗", U"专技"}, {U"专业技术", U"专技"}, {U"专技岗位", U"专技"},
      {U"专技岗", U"专技"},       {U"管理岗位", U"管理岗"}, {U"管理", U"管理岗"}};
  for (const auto& [printed, canonical] : prefixes) {
    if (!text.starts_with(printed)) continue;
    const std::u32string rest = text.substr(printed.size());
    if (printed == U"管理" && rest.starts_with(U"岗")) break;  // already 管理岗…
    return std::u32string(canonical) + rest;
  }
  return text;
}

// ---- unit_type ---------------------------------------------------------------------------------------------

constexpr Variant unit_type_variants[] = {
    {"参公事业单位", "事业单位"},
    {"参公单位", "事业单位"},
    {"参公管理事业单位", "事业单位"},
    {"参照公务员法管理事业单位", "事业单位"},
    {"参照公务员法管理的事业单位", "事业单位"},
    {"公益一类事业单位", "事业单位"},
    {"公益二类事业单位", "事业单位"},
    {"内设处室", "内设机构"},
    {"内设科室", "内设机构"},
    {"内设部门", "内设机构"},
    {"机关内设机构", "内设机构"},
    {"行政单位", "行政机关", false},
    {"机关", "行政机关", false},
    {"党政机关", "行政机关", false},
    {"国家机关", "行政机关", false},
};

// ---- level: matched on its Chinese characters only, so 县(市、区)级 and 县（市、区）级 are one spelling -----------
// 县级及以下 covers townships and streets (notice 六: 县级及以下机构); districts under a city are county-level.

// clang-format off
constexpr Variant level_variants[] = {
    {"省级", "省直"}, {"省直单位", "省直"}, {"省直部门", "省直"}, {"省直机关", "省直"}, {"省直属单位", "省直"},
    {"省直属", "省直"}, {"省", "省直"},
    {"市级单位", "市级"}, {"市直", "市级"}, {"市直单位", "市级"}, {"市直部门", "市级"}, {"市直机关", "市级"},
    {"市级机关", "市级"}, {"地市级", "市级"}, {"市本级", "市级"}, {"市", "市级"},
    {"县级", "县级及以下"}, {"县级以下", "县级及以下"}, {"县以下", "县级及以下"}, {"县市区级", "县级及以下"},
    {"县市区", "县级及以下"}, {"县市区及以下", "县级及以下"}, {"县市区级及以下", "县级及以下"},
    {"县区级", "县级及以下"}, {"区县级", "县级及以下"}, {"县区", "县级及以下"}, {"区县", "县级及以下"},
    {"县市级", "县级及以下"}, {"县区及以下", "县级及以下"}, {"区级", "县级及以下"}, {"县", "县级及以下"},
    {"区", "县级及以下"}, {"乡镇", "县级及以下"}, {"乡镇级", "县级及以下"}, {"乡镇街道", "县级及以下"},
    {"乡镇街道级", "县级及以下"}, {"街道", "县级及以下"}, {"乡镇及以下", "县级及以下"},
};
// clang-format on

// ---- member_role, category ---------------------------------------------------------------------------------

constexpr Variant member_role_variants[] = {{"组员", "成员"}};
constexpr Variant category_variants[] = {{"集体", "先进集体"}, {"个人", "先进个人"}};

std::vector<std::string> level_printed_forms() {
  std::vector<std::string> printed;
  for (const auto& [form, code] : vocabularies().level) printed.push_back(form);
  return printed;
}

std::string level_code(const std::string& printed) {
  for (const auto& [form, code] : vocabularies().level)
    if (form == printed) return code;
  return {};
}

}  // namespace

Normalised normalise_ethnicity(std::string_view raw) {
  const Vocabulary vocabulary{"ethnicity", vocabularies().ethnicity, ethnicity_variants, false};
  const std::u32string text = vocabulary_text(raw);
  if (text.empty()) return missing_value();
  if (const auto meant = text.size() >= 2 ? through_lookalikes(text, vocabulary.entries) : std::nullopt)
    return review_value(*meant, snapped_factor, "snapped " + utf8_encode(text) + " to " + *meant);
  // 汉 → 汉族: the list writes every name with 族, forms often leave it off. Lossless, so ok.
  if (!text.ends_with(U"族")) {
    const std::string with_suffix = utf8_encode(text) + "族";
    if (contains(vocabulary.entries, with_suffix)) return ok_value(with_suffix);
    const std::u32string readings[] = {text + U"族"};
    return match(text, vocabulary, readings, utf8_encode(text));
  }
  return match(text, vocabulary);
}

Normalised normalise_political_status(std::string_view raw) {
  return match(vocabulary_text(raw), {"political status", vocabularies().political_status, political_variants, false});
}

Normalised normalise_education(std::string_view raw) {
  const std::u32string text = vocabulary_text(raw);
  if (text.empty()) return missing_value();
  const std::string printed = as_printed(raw);
  const std::u32string bracketed = before_brackets(text);
  std::u32string core = bracketed.empty() ? text : bracketed;
  for (const auto prefix : education_prefixes)
    if (core.starts_with(prefix) && core.size() > prefix.size()) core.erase(0, prefix.size());
  for (const auto suffix : education_suffixes)
    if (core.ends_with(suffix) && core.size() > suffix.size()) core.resize(core.size() - suffix.size());
  const std::string core_utf8 = utf8_encode(core);
  const auto& entries = vocabularies().education;
  const bool known =
      contains(entries, core_utf8) ||
      std::find(std::begin(education_printed), std::end(education_printed), core_utf8) != std::end(education_printed);
  if (known) return ok_value(printed);  // as printed: 大学本科学历 stays so
  return match(core, {"education", entries, {}, true}, {}, printed);
}

Normalised normalise_rank(std::string_view raw) {
  const Vocabulary vocabulary{"rank", vocabularies().rank, rank_variants, true};
  const std::u32string printed = vocabulary_text(raw);
  if (printed.empty()) return missing_value();
  const std::u32string text = canonical_rank_spelling(printed);
  if (text != printed && contains(vocabulary.entries, utf8_encode(text)))
    return ok_value(utf8_encode(text), "read " + utf8_encode(printed) + " as " + utf8_encode(text));
  if (const std::u32string before = before_brackets(text); !before.empty()) {
    if (auto found = exact_or_variant(utf8_encode(before), vocabulary)) {
      found->note = "kept the rank before the brackets";
      return std::move(*found);
    }
  }
  return match(text, vocabulary, {}, as_printed(raw));
}

Normalised normalise_unit_type(std::string_view raw) {
  const Vocabulary vocabulary{"unit type", vocabularies().unit_type, unit_type_variants, false};
  const std::u32string text = compact_text(raw, Fold::everything);
  if (auto ticked = ticked_option(text, vocabulary.entries)) return std::move(*ticked);
  return match(trim_punctuation(text), vocabulary);
}

Normalised normalise_level(std::string_view raw) {
  static const std::vector<std::string> printed_forms = level_printed_forms();
  const std::u32string text = compact_text(raw, Fold::everything);
  if (text.empty()) return missing_value();
  Normalised result;
  if (auto ticked = ticked_option(text, printed_forms)) {
    result = std::move(*ticked);
  } else {
    std::u32string han_only;
    for (const char32_t c : text)
      if (is_han(c)) han_only.push_back(c);
    if (han_only.empty()) return invalid_value("not a known level");
    result = match(han_only, {"level", printed_forms, level_variants, false});
  }
  if (result.value.is_string()) result.value = level_code(result.value.get<std::string>());
  return result;
}

Normalised normalise_member_role(std::string_view raw) {
  return match(vocabulary_text(raw), {"member role", vocabularies().member_role, member_role_variants, true}, {},
               as_printed(raw));
}

Normalised normalise_category(std::string_view raw) {
  return match(vocabulary_text(raw), {"category", vocabularies().category, category_variants, false});
}

}  // namespace intake
