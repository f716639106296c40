#pragma once
// When a message was sent or received, as the deadline rules need it (notice 五: materials due by a date).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace intake {

enum class MailDateSource {
  date_header,      // the sender's Date field (RFC 5322 section 3.6.1)
  received_header,  // the newest Received field's date: the Date field was missing or unreadable
};

struct MailDate {
  std::string received_date;  // YYYY-MM-DD in the deadline time zone
  std::string timestamp;      // ISO 8601 with the field's own UTC offset: 2025-12-22T09:10:25+08:00
  std::int64_t unix_seconds = 0;
  MailDateSource source = MailDateSource::date_header;
};

// Reads an RFC 5322 section 3.3 date-time (GMime's lenient reader: obsolete zones, missing weekday, …);
// `deadline_utc_offset_minutes` is the zone the deadlines are set in. nullopt when it is no date.
std::optional<MailDate> read_mail_date(std::string_view date_time, MailDateSource source,
                                       int deadline_utc_offset_minutes);

// The date-time of a Received field's value: what follows its last ';' (RFC 5322 section 3.6.7).
std::string_view received_date_time(std::string_view received);

}  // namespace intake
