#include "pipeline/mail/file_name.h"

#include <algorithm>

#include "models/char_class.h"
#include "models/utf8.h"

namespace intake {
namespace {

bool is_separator(char32_t c) { return c == U'/' || c == U'\\'; }
bool is_unwanted(char32_t c) { return is_control(c) || c == U'\n' || c == U'\t' || c == U'\r'; }

bool leaves_its_folder(const std::u32string& path) {
  if (path.empty()) return false;
  if (is_separator(path.front())) return true;
  if (path.size() >= 2 && path[1] == U':' && is_ascii_letter(path[0])) return true;  // a Windows drive
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const auto end = std::find_if(path.begin() + static_cast<std::ptrdiff_t>(begin), path.end(), is_separator);
    const auto at = static_cast<std::size_t>(end - path.begin());
    if (path.compare(begin, at - begin, U"..") == 0) return true;
    begin = at + 1;
  }
  return false;
}

}  // namespace

BareName bare_file_name(std::string_view name) {
  const std::u32string path = utf8_decode(name);
  std::u32string last(std::find_if(path.rbegin(), path.rend(), is_separator).base(), path.end());
  std::erase_if(last, is_unwanted);
  const auto first = std::find_if_not(last.begin(), last.end(), is_space);
  const auto end = std::find_if_not(last.rbegin(), last.rend(), is_space).base();
  std::u32string bare = first < end ? std::u32string(first, end) : std::u32string();
  if (bare == U"." || bare == U"..") bare.clear();
  BareName result{utf8_encode(bare), false, false};
  result.changed = result.name != name;
  result.hostile = bare.empty() || leaves_its_folder(path) || std::any_of(path.begin(), path.end(), is_unwanted);
  return result;
}

}  // namespace intake
