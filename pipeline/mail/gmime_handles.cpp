#include "pipeline/mail/gmime_handles.h"

#include <mutex>

namespace intake {

void ensure_gmime_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string take_g_string(char* owned) {
  const GStringPtr holder(owned);
  return owned == nullptr ? std::string() : std::string(owned);
}

}  // namespace intake
