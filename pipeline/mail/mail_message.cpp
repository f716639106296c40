#include "pipeline/mail/mail_message.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "models/privacy.h"
#include "models/utf8.h"
#include "pipeline/mail/file_name.h"
#include "pipeline/mail/gmime_handles.h"
#include "pipeline/mail/header_text.h"
#include "pipeline/mail/part_content.h"

namespace intake {
namespace {

struct WarningMeaning {
  MailProblemKind kind;
  std::string_view text;
  bool item_is_a_name;  // GMime's `item` is a field or parameter name (not a value, which may be personal)
};

// GMime's parser warnings (gmime-parser-options.h) as problems; nullopt for those that lose nothing.
std::optional<WarningMeaning> warning_meaning(GMimeParserWarning code) {
  using enum MailProblemKind;
  switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
      return WarningMeaning{malformed_mime, "a field that occurs once is repeated", true};
    case GMIME_WARN_DUPLICATED_PARAMETER:
      return WarningMeaning{malformed_mime, "a parameter is repeated", true};
    // Raw 8-bit header text is how some clients write Chinese; header_text.h decodes it.
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
      return std::nullopt;
    case GMIME_WARN_INVALID_CONTENT_TYPE:
      return WarningMeaning{malformed_mime, "unreadable Content-Type", false};
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
      return WarningMeaning{malformed_mime, "malformed RFC 2047 encoded word", false};
    case GMIME_WARN_INVALID_PARAMETER:
      return WarningMeaning{malformed_mime, "malformed parameter", false};
    case GMIME_WARN_MALFORMED_MULTIPART:
      return WarningMeaning{malformed_mime, "a multipart without parts", false};
    case GMIME_WARN_TRUNCATED_MESSAGE:
      return WarningMeaning{truncated, "the message ends before its closing boundary", false};
    case GMIME_WARN_MALFORMED_MESSAGE:
      return WarningMeaning{malformed_mime, "malformed message", false};
    case GMIME_WARN_INVALID_ADDRESS_LIST:
      return WarningMeaning{malformed_mime, "unreadable address list", false};
    case GMIME_CRIT_INVALID_HEADER_NAME:
      return WarningMeaning{malformed_mime, "invalid field name; part of the message may be lost", false};
    case GMIME_CRIT_CONFLICTING_HEADER:
      return WarningMeaning{malformed_mime, "conflicting fields", true};
    case GMIME_CRIT_CONFLICTING_PARAMETER:
      return WarningMeaning{malformed_mime, "conflicting parameters", true};
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      return WarningMeaning{malformed_mime, "a multipart without a boundary parameter", false};
    case GMIME_CRIT_NESTING_OVERFLOW:
      return WarningMeaning{malformed_mime, "MIME parts nested too deep; the deeper parts are lost", false};
    case GMIME_WARN_PART_WITHOUT_CONTENT:
      return WarningMeaning{malformed_mime, "a part without content", false};
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      return WarningMeaning{malformed_mime, "a part without header or content", false};
  }
  return WarningMeaning{malformed_mime, "malformed MIME", false};
}

void on_parser_warning(gint64 offset, GMimeParserWarning code, const gchar* item, gpointer problems_pointer) {
  const auto meaning = warning_meaning(code);
  if (!meaning) return;
  std::string message(meaning->text);
  if (meaning->item_is_a_name && item != nullptr) message += fmt::format(" ({})", mask_personal_data(item));
  if (offset >= 0) message += fmt::format(" at byte {}", offset);
  // Nested multiparts cut short all report the same truncation: once is enough.
  auto& problems = *static_cast<std::vector<MailProblem>*>(problems_pointer);
  const bool known = std::any_of(problems.begin(), problems.end(), [&](const MailProblem& problem) {
    return problem.kind == meaning->kind && problem.message == message;
  });
  if (!known) problems.push_back({meaning->kind, "", std::move(message)});
}

// Body rather than attachment when it has no file name and is not marked as attachment (RFC 2183): text, and the
// machine-readable parts of delivery and read reports (message/delivery-status of RFC 3464, message/disposition-
// notification of RFC 8098, …). A message/partial fragment (RFC 2046 section 5.2.2) is content, kept as a part.
bool is_body_type(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  return GMIME_IS_TEXT_PART(object) || (g_mime_content_type_is_type(type, "message", "*") &&
                                        !g_mime_content_type_is_type(type, "message", "partial"));
}

std::string child_path(const std::string& parent, int number) {
  return parent.empty() ? std::to_string(number) : fmt::format("{}.{}", parent, number);
}

std::string trimmed(std::string text) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), is_blank));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), is_blank).base(), text.end());
  return text;
}

std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// The first mailbox of an address list, looking into groups (RFC 5322 section 3.4).
std::optional<MailAddress> first_mailbox(InternetAddressList* list) {
  for (int i = 0; list != nullptr && i < internet_address_list_length(list); ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      if (auto found = first_mailbox(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)))) return found;
      continue;
    }
    const char* name = internet_address_get_name(address);
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
    return MailAddress{utf8_sanitise(name == nullptr ? "" : name), utf8_sanitise(addr == nullptr ? "" : addr)};
  }
  return std::nullopt;
}

// Walks one message's MIME tree into a MailMessage.
class MessageReader {
 public:
  MessageReader(const MailParseOptions& options, GMimeParserOptions* decoding, MailMessage& out)
      : options_(options), decoding_(decoding), out_(out) {}

  void read(GMimeMessage* message) {
    const char* id = g_mime_message_get_message_id(message);
    if (id != nullptr) out_.message_id = fmt::format("<{}>", utf8_sanitise(id));
    read_sender(GMIME_OBJECT(message));
    if (const auto subject = field(GMIME_OBJECT(message), "Subject"))
      out_.subject =
          utf8_sanitise(trimmed(take_g_string(g_mime_utils_header_decode_text(decoding_, subject->c_str()))));
    read_date(GMIME_OBJECT(message));
    read_message(message, "", false);
  }

 private:
  void read_sender(GMimeObject* message) {
    if (const auto from = field(message, "From")) {
      const GObjectPtr<InternetAddressList> list(internet_address_list_parse(decoding_, from->c_str()));
      if (auto mailbox = first_mailbox(list.get())) {
        out_.from = std::move(*mailbox);
        return;
      }
    }
    problem(MailProblemKind::missing_header, "", "no readable From field");
  }

  // RFC 5322 section 3.6.1: the Date field is when the sender sent it; a message saved without one still has
  // the Received fields its servers added, the first being the newest (section 3.6.7).
  void read_date(GMimeObject* message) {
    if (const auto date = field(message, "Date"))
      out_.date = read_mail_date(*date, MailDateSource::date_header, options_.deadline_utc_offset_minutes);
    if (out_.date) return;
    if (const auto received = field(message, "Received"))
      out_.date = read_mail_date(received_date_time(*received), MailDateSource::received_header,
                                 options_.deadline_utc_offset_minutes);
    if (!out_.date) problem(MailProblemKind::missing_header, "", "no readable Date or Received field");
  }

  void read_message(GMimeMessage* message, const std::string& path, bool forwarded) {
    report_huge_fields(GMIME_OBJECT(message), path);
    GMimeObject* body = g_mime_message_get_mime_part(message);
    if (body == nullptr) return;
    // The body's own fields are the message's: checked above.
    if (GMIME_IS_MULTIPART(body)) {
      read_children(GMIME_MULTIPART(body), path, forwarded);
    } else {
      read_object(body, child_path(path, 1), forwarded);
    }
  }

  void read_children(GMimeMultipart* multipart, const std::string& path, bool forwarded) {
    const int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count; ++i) {
      GMimeObject* child = g_mime_multipart_get_part(multipart, i);
      const std::string child_at = child_path(path, i + 1);
      report_huge_fields(child, child_at);
      read_object(child, child_at, forwarded);
    }
  }

  void read_object(GMimeObject* object, const std::string& path, bool forwarded) {
    if (GMIME_IS_MULTIPART(object)) {
      read_children(GMIME_MULTIPART(object), path, forwarded);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner == nullptr) return;
      const char* id = g_mime_message_get_message_id(inner);
      if (id != nullptr) out_.forwarded_message_ids.push_back(fmt::format("<{}>", utf8_sanitise(id)));
      read_message(inner, path, true);
    } else if (GMIME_IS_PART(object)) {
      read_leaf(GMIME_PART(object), path, forwarded);
    }
  }

  void read_leaf(GMimePart* part, const std::string& path, bool forwarded) {
    GMimeObject* object = GMIME_OBJECT(part);
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const bool marked_attachment = disposition != nullptr && g_mime_content_disposition_is_attachment(disposition);
    const std::optional<std::string> sent_name = file_name(object);
    if (is_body_type(object) && !sent_name && !marked_attachment) return;

    PartContent content = decode_part_content(part);
    if (!content.defect.empty()) problem(MailProblemKind::bad_base64, path, "base64: " + content.defect);
    add_attachment(
        {attachment_name(sent_name, path),
         lower_ascii(take_g_string(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object)))),
         std::move(content.bytes), path, forwarded});
  }

  // filename (Content-Disposition, RFC 2183) or else name (Content-Type, RFC 2045 as old clients still write),
  // decoded by GMime from the field prepared for Chinese clients (header_text.h): RFC 2231 continuations and
  // charsets, and RFC 2047 words inside quoted values, which GMime accepts in its default loose mode.
  std::optional<std::string> file_name(GMimeObject* object) {
    if (const auto value = field(object, "Content-Disposition")) {
      const GObjectPtr<GMimeContentDisposition> parsed(g_mime_content_disposition_parse(decoding_, value->c_str()));
      const char* name = parsed ? g_mime_content_disposition_get_parameter(parsed.get(), "filename") : nullptr;
      if (name != nullptr && *name != '\0') return utf8_sanitise(name);
    }
    if (const auto value = field(object, "Content-Type")) {
      const GObjectPtr<GMimeContentType> parsed(g_mime_content_type_parse(decoding_, value->c_str()));
      const char* name = parsed ? g_mime_content_type_get_parameter(parsed.get(), "name") : nullptr;
      if (name != nullptr && *name != '\0') return utf8_sanitise(name);
    }
    return std::nullopt;
  }

  std::string attachment_name(const std::optional<std::string>& sent, const std::string& path) {
    const std::string fallback = "part-" + path;
    if (!sent) {
      problem(MailProblemKind::unnamed_part, path,
              fmt::format("attachment without a file name; called «{}»", fallback));
      return fallback;
    }
    BareName bare = bare_file_name(*sent);
    const std::string name = bare.name.empty() ? fallback : std::move(bare.name);
    if (bare.changed)
      problem(MailProblemKind::unsafe_name, path,
              fmt::format("attachment name «{}» is not a bare file name; saved as «{}»", mask_personal_data(*sent),
                          mask_personal_data(name)));
    return name;
  }

  void add_attachment(MailAttachment attachment) {
    if (!is_zip_archive(attachment)) {
      out_.attachments.push_back(std::move(attachment));
      return;
    }
    auto expansion = expand_zip(attachment, options_.zip);
    const std::string path = attachment.part_path;
    out_.attachments.push_back(std::move(attachment));
    if (!expansion) {
      problem(MailProblemKind::zip_unreadable, path, expansion.error().reason);
      return;
    }
    for (MailProblem& found : expansion->problems) out_.problems.push_back(std::move(found));
    for (MailAttachment& entry : expansion->entries) out_.attachments.push_back(std::move(entry));
  }

  // The first `name` field of `object`, prepared for decoding; nullopt when absent or over the size cap.
  std::optional<std::string> field(GMimeObject* object, const char* name) const {
    GMimeHeader* header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), name);
    const char* raw = header == nullptr ? nullptr : g_mime_header_get_raw_value(header);
    if (raw == nullptr || std::strlen(raw) > options_.max_header_bytes) return std::nullopt;
    return prepare_header_value(raw);
  }

  void report_huge_fields(GMimeObject* object, const std::string& path) {
    GMimeHeaderList* fields = g_mime_object_get_header_list(object);
    for (int i = 0; i < g_mime_header_list_get_count(fields); ++i) {
      GMimeHeader* header = g_mime_header_list_get_header_at(fields, i);
      const char* raw = g_mime_header_get_raw_value(header);
      const std::size_t size = raw == nullptr ? 0 : std::strlen(raw);
      if (size > options_.max_header_bytes)
        problem(MailProblemKind::huge_header, path,
                fmt::format("field {} is {} KB (limit {} KB); ignored", utf8_sanitise(g_mime_header_get_name(header)),
                            size >> 10, options_.max_header_bytes >> 10));
    }
  }

  void problem(MailProblemKind kind, const std::string& path, std::string message) {
    out_.problems.push_back({kind, path, std::move(message)});
  }

  const MailParseOptions& options_;
  GMimeParserOptions* decoding_;
  MailMessage& out_;
};

}  // namespace

Result<MailMessage> parse_mail_message(std::span<const std::uint8_t> bytes, const MailParseOptions& options) {
  if (bytes.empty()) return Error{"empty message"};
  ensure_gmime_initialised();
  const ParserOptionsPtr parser_options(g_mime_parser_options_new());
  MailMessage out;
  g_mime_parser_options_set_warning_callback(parser_options.get(), on_parser_warning, &out.problems);
  const GObjectPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  const GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parser_options.get()));
  // Later decoding re-reads fields the parser has already warned about.
  g_mime_parser_options_set_warning_callback(parser_options.get(), nullptr, nullptr);
  if (!message) return Error{"no message: GMime found no header"};
  MessageReader(options, parser_options.get(), out).read(message.get());
  return out;
}

}  // namespace intake
