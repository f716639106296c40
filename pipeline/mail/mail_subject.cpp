#include "pipeline/mail/mail_subject.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "models/char_class.h"
#include "models/full_width.h"
#include "models/privacy.h"
#include "models/unit_model.h"
#include "models/utf8.h"

namespace intake {
namespace {

constexpr std::u32string_view title = U"全省政务公开工作表彰上报材料";

// Prefixes mail clients add on reply and forward (RFC 5322 section 3.6.5 "Re:"; Outlook and Foxmail in Chinese
// write 回复, 答复 and 转发), compared after full-width folding, so "回复：" arrives as "回复:".
constexpr std::array<std::u32string_view, 6> reply_prefixes = {U"re", U"fwd", U"fw", U"回复", U"答复", U"转发"};

char32_t lower(char32_t c) { return c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c; }

bool starts_with_prefix(std::u32string_view text, std::u32string_view prefix) {
  return text.size() > prefix.size() && text[prefix.size()] == U':' &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char32_t p, char32_t c) { return p == lower(c); });
}

// Removes the reply prefixes, however many.
std::u32string_view without_prefixes(std::u32string_view text) {
  for (bool removed = true; removed;) {
    removed = false;
    for (const std::u32string_view prefix : reply_prefixes) {
      if (!starts_with_prefix(text, prefix)) continue;
      text.remove_prefix(prefix.size() + 1);
      removed = true;
    }
  }
  return text;
}

// 关于报送X的函 (a covering letter's title) → X.
std::u32string_view without_letter_frame(std::u32string_view text) {
  if (text.starts_with(U"关于")) {
    text.remove_prefix(2);
    if (text.starts_with(U"报送") || text.starts_with(U"上报")) text.remove_prefix(2);
  }
  if (text.ends_with(U"的函")) text.remove_suffix(2);
  return text;
}

}  // namespace

Result<SubjectReading> read_mail_subject(std::string_view subject) {
  std::u32string folded = utf8_decode(fold_full_width(subject));
  std::erase_if(folded, is_space);
  const std::u32string_view text = without_letter_frame(without_prefixes(folded));
  if (text.empty()) return Error{"the subject is empty"};

  const auto at = text.find(title);
  if (at != std::u32string_view::npos && at > 0) {
    if (auto unit = match_recommender(utf8_encode(text.substr(0, at)))) return SubjectReading{std::move(*unit), ""};
  }
  const std::string whole = utf8_encode(text);
  if (auto unit = match_recommender(whole))
    return SubjectReading{std::move(*unit), fmt::format("not in the form «推荐单位{}»", utf8_encode(title))};
  return Error{fmt::format("no single known recommending unit in the subject «{}»", mask_personal_data(whole))};
}

}  // namespace intake
