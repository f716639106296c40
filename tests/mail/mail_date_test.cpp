#include "pipeline/mail/mail_date.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

constexpr int china_standard_time = 8 * 60;

TEST(MailDate, DateFieldInChinaStandardTime) {
  const auto date = read_mail_date("Mon, 22 Dec 2025 09:10:25 +0800", MailDateSource::date_header, china_standard_time);
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->received_date, "2025-12-22");
  EXPECT_EQ(date->timestamp, "2025-12-22T09:10:25+08:00");
  EXPECT_EQ(date->unix_seconds, 1766365825);
  EXPECT_EQ(date->source, MailDateSource::date_header);
}

TEST(MailDate, TheReceivedDateIsTheDeadlinesZone) {
  // 17:30 UTC on 12 January is 01:30 on 13 January in Beijing: a day late for a 12 January deadline.
  const auto date = read_mail_date("12 Jan 2026 17:30:00 +0000", MailDateSource::date_header, china_standard_time);
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->received_date, "2026-01-13");
  EXPECT_EQ(date->timestamp, "2026-01-12T17:30:00+00:00");
  EXPECT_EQ(read_mail_date("12 Jan 2026 17:30:00 +0000", MailDateSource::date_header, 0)->received_date, "2026-01-12");
}

TEST(MailDate, NoDate) {
  EXPECT_FALSE(read_mail_date("", MailDateSource::date_header, china_standard_time).has_value());
  EXPECT_FALSE(read_mail_date("next Tuesday", MailDateSource::date_header, china_standard_time).has_value());
}

TEST(MailDate, ReceivedFieldDateFollowsTheLastSemicolon) {
  EXPECT_EQ(received_date_time(" from mx.163.com (unknown [1.2.3.4]) by smtp.ln.gov.cn; with ESMTP id x;\n"
                               " Tue, 13 Jan 2026 10:37:40 +0800 (CST)"),
            "\n Tue, 13 Jan 2026 10:37:40 +0800 (CST)");
  EXPECT_EQ(received_date_time("from a by b"), "");
}

}  // namespace
}  // namespace intake
