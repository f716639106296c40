// The sample generator's mailbox (docs/SAMPLES.md) read through every source kind and checked against its
// truth.json: subjects, dates, recommenders, and every attachment's decoded name and bytes. Generating a packet
// takes about half a minute, too long for a unit test, so this runs only when SAMPLES_DIR names a packet:
//   scripts/make-samples /tmp/mailsamples --small --seed 7
//   SAMPLES_DIR=/tmp/mailsamples build/tests/mail_test --gtest_filter='SampleMailbox.*'
// Each client encoding the generator uses is also a literal fixture in mail_message_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/bytes.h"
#include "pipeline/mail/mail_message.h"
#include "pipeline/mail/mail_sources.h"
#include "pipeline/mail/mail_subject.h"

namespace intake {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class SampleMailbox : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("SAMPLES_DIR");
    if (dir == nullptr || !fs::exists(fs::path(dir) / "truth.json") || !fs::exists(fs::path(dir) / "mail"))
      GTEST_SKIP() << "set SAMPLES_DIR to a packet made by scripts/make-samples";
    packet_ = dir;
    truth_ = Json::parse(std::ifstream(packet_ / "truth.json"))["messages"];
    ASSERT_FALSE(truth_.empty());
  }

  // origin → parsed message, for every message of a source.
  std::map<std::string, MailMessage> read_source(const fs::path& source) const {
    std::map<std::string, MailMessage> messages;
    const auto count = visit_mail_source(source, [&](MailItem&& item) {
      ASSERT_TRUE(item.bytes.ok()) << item.origin << ": " << item.bytes.error().reason;
      auto parsed = parse_mail_message(item.bytes.value());
      ASSERT_TRUE(parsed.ok()) << item.origin << ": " << parsed.error().reason;
      messages.emplace(item.origin, std::move(parsed).value());
    });
    EXPECT_TRUE(count.ok());
    EXPECT_EQ(messages.size(), truth_.size());
    return messages;
  }

  Bytes packet_file(const std::string& relative) const {
    auto bytes = read_file_bytes(packet_ / relative, 1ULL << 30);
    EXPECT_TRUE(bytes.ok()) << relative;
    return bytes ? std::move(bytes).value() : Bytes{};
  }

  void expect_matches(const MailMessage& parsed, const Json& truth) const {
    SCOPED_TRACE(truth["file"].get<std::string>());
    EXPECT_EQ(parsed.message_id, truth["message_id"]);
    ASSERT_TRUE(parsed.date.has_value());
    EXPECT_EQ(parsed.date->received_date, truth["received"]);
    EXPECT_EQ(parsed.date->timestamp, truth["date"]);
    if (!truth["subject"].is_null()) {
      EXPECT_EQ(parsed.subject, truth["subject"]);
    }
    const auto reading = read_mail_subject(parsed.subject);
    if (truth["recommender"].is_null()) {
      EXPECT_FALSE(reading.ok()) << reading->recommender;
    } else {
      ASSERT_TRUE(reading.ok()) << reading.error().reason;
      EXPECT_EQ(reading->recommender, truth["recommender"]);
    }
    if (!truth["forwarded_message_id"].is_null()) {
      EXPECT_EQ(parsed.forwarded_message_ids, std::vector<std::string>{truth["forwarded_message_id"]});
    }
    EXPECT_TRUE(parsed.problems.empty()) << parsed.problems.front().message;

    // Expected (name, forwarded, bytes) of every attachment and ZIP entry, in any order.
    std::vector<std::tuple<std::string, bool, Bytes>> expected, found;
    for (const Json& attachment : truth["attachments"]) {
      const bool forwarded = attachment["in_forward"];
      if (attachment.contains("zip_entries")) {
        expected.emplace_back(attachment["name"], forwarded, Bytes{});
        for (const Json& entry : attachment["zip_entries"])
          expected.emplace_back(entry["name"], forwarded, packet_file(entry["file"]));
      } else {
        expected.emplace_back(attachment["name"], forwarded, packet_file(attachment["file"]));
      }
    }
    for (const MailAttachment& attachment : parsed.attachments) {
      const bool zip =
          attachment.media_type == "application/zip" && attachment.part_path.find('/') == std::string::npos;
      found.emplace_back(attachment.name, attachment.forwarded, zip ? Bytes{} : attachment.bytes);
    }
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    ASSERT_EQ(found.size(), expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(std::get<0>(found[i]), std::get<0>(expected[i]));
      EXPECT_EQ(std::get<1>(found[i]), std::get<1>(expected[i])) << std::get<0>(found[i]);
      EXPECT_TRUE(std::get<2>(found[i]) == std::get<2>(expected[i])) << std::get<0>(found[i]) << ": bytes differ";
    }
  }

  fs::path packet_;
  Json truth_;
};

TEST_F(SampleMailbox, EmlFiles) {
  const auto messages = read_source(packet_ / "mail" / "eml");
  for (const Json& truth : truth_) {
    const auto found = std::find_if(messages.begin(), messages.end(), [&](const auto& entry) {
      return entry.first.ends_with(truth["file"].get<std::string>());
    });
    ASSERT_NE(found, messages.end()) << truth["file"];
    expect_matches(found->second, truth);
  }
}

TEST_F(SampleMailbox, Maildir) {
  const auto messages = read_source(packet_ / "mail" / "Maildir");
  for (const Json& truth : truth_) {
    const auto found = std::find_if(messages.begin(), messages.end(), [&](const auto& entry) {
      return entry.first.ends_with(truth["maildir_file"].get<std::string>());
    });
    ASSERT_NE(found, messages.end()) << truth["maildir_file"];
    expect_matches(found->second, truth);
  }
}

TEST_F(SampleMailbox, MboxHasTheSameBytesAsTheEmlFiles) {
  std::vector<Bytes> from_mbox;
  const auto count = visit_mail_source(packet_ / "mail" / "mailbox.mbox", [&](MailItem&& item) {
    ASSERT_TRUE(item.bytes.ok()) << item.origin;
    from_mbox.push_back(std::move(item.bytes).value());
  });
  ASSERT_TRUE(count.ok()) << count.error().reason;
  ASSERT_EQ(from_mbox.size(), truth_.size());
  for (const Json& truth : truth_) {
    const std::size_t index = truth["mbox_index"].get<std::size_t>() - 1;
    EXPECT_TRUE(from_mbox.at(index) == packet_file(truth["file"])) << "mbox message " << index + 1;
    const auto parsed = parse_mail_message(from_mbox.at(index));
    ASSERT_TRUE(parsed.ok());
    expect_matches(parsed.value(), truth);
  }
}

}  // namespace
}  // namespace intake
