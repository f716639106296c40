#pragma once
// Attachment and ZIP entry names reduced to a bare file name before anything downstream sees them.
#include <string>
#include <string_view>

namespace intake {

struct BareName {
  std::string name;      // "" when nothing usable is left ("..", "/", only control characters)
  bool changed = false;  // differs from what was sent (even just a harmless folder dropped)
  // The sent name tried to leave its folder (absolute, "C:…", a ".." component) or carried control characters:
  // never innocent in a ZIP entry, where plain folders ("照片/张三.jpg") are normal.
  bool hostile = false;
};

// The last path component of a decoded (UTF-8) name: '/' and '\' both separate directories, since Windows
// clients send "C:\…\a.pdf" and hostile ones "../../x.pdf" or "/etc/x" (RFC 2183 section 2.3: a receiver must
// not use a suggested file name's path); control characters are dropped and surrounding spaces trimmed; "." and
// ".." are not names. The name is otherwise kept as sent.
BareName bare_file_name(std::string_view name);

}  // namespace intake
