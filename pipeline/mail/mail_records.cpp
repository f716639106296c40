#include "pipeline/mail/mail_records.h"

namespace intake {

std::string_view mail_problem_name(MailProblemKind kind) {
  switch (kind) {
    case MailProblemKind::malformed_mime:
      return "malformed_mime";
    case MailProblemKind::truncated:
      return "truncated";
    case MailProblemKind::bad_base64:
      return "bad_base64";
    case MailProblemKind::huge_header:
      return "huge_header";
    case MailProblemKind::missing_header:
      return "missing_header";
    case MailProblemKind::unnamed_part:
      return "unnamed_part";
    case MailProblemKind::unsafe_name:
      return "unsafe_name";
    case MailProblemKind::zip_unreadable:
      return "zip_unreadable";
    case MailProblemKind::zip_limit:
      return "zip_limit";
  }
  return "unknown";
}

}  // namespace intake
