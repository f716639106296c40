#include "pipeline/mail/mail_date.h"

#include <memory>

#include "pipeline/mail/gmime_handles.h"

namespace intake {
namespace {

struct DateTimeUnref {
  void operator()(GDateTime* date_time) const { g_date_time_unref(date_time); }
};
using DateTimePtr = std::unique_ptr<GDateTime, DateTimeUnref>;

struct TimeZoneUnref {
  void operator()(GTimeZone* zone) const { g_time_zone_unref(zone); }
};
using TimeZonePtr = std::unique_ptr<GTimeZone, TimeZoneUnref>;

}  // namespace

std::optional<MailDate> read_mail_date(std::string_view date_time, MailDateSource source,
                                       int deadline_utc_offset_minutes) {
  ensure_gmime_initialised();
  const std::string text(date_time);
  const DateTimePtr sent(g_mime_utils_header_decode_date(text.c_str()));
  if (!sent) return std::nullopt;
  const TimeZonePtr deadline_zone(g_time_zone_new_offset(deadline_utc_offset_minutes * 60));
  const DateTimePtr local(g_date_time_to_timezone(sent.get(), deadline_zone.get()));
  if (!local) return std::nullopt;
  return MailDate{take_g_string(g_date_time_format(local.get(), "%Y-%m-%d")),
                  take_g_string(g_date_time_format(sent.get(), "%Y-%m-%dT%H:%M:%S%:z")),
                  g_date_time_to_unix(sent.get()), source};
}

std::string_view received_date_time(std::string_view received) {
  const auto semicolon = received.rfind(';');
  return semicolon == std::string_view::npos ? std::string_view() : received.substr(semicolon + 1);
}

}  // namespace intake
