#include "pipeline/mail/mail_message.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "mail/mail_fixtures.h"

namespace intake {
namespace {

using testing::base64;
using testing::encoded_word;
using testing::gb18030;
using testing::names_of;
using testing::parse_or_fail;
using testing::percent_encoded;
using testing::problem_kinds;
using testing::text_of;

const std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
const std::string subject_text = "抚顺市全省政务公开工作表彰上报材料";

const std::string message_id = "<20251222091025.d193bafd582c@163.com>";

std::string header_block(const std::string& subject_field, const std::string& content_type,
                         const std::string& extra = "", const std::string& id = message_id) {
  return "From: " + encoded_word("utf-8", "抚顺市政务公开办") +
         " <zwgk100@163.com>\n"
         "To: zfxxgk@ln.gov.cn\n"
         "Subject: " +
         subject_field +
         "\n"
         "Date: Mon, 22 Dec 2025 09:10:25 +0800\n"
         "Message-ID: " +
         id + "\n" + extra +
         "MIME-Version: 1.0\n"
         "Content-Type: " +
         content_type + "\n\n";
}

// RFC 2047 "Q" encoded word.
std::string q_word(std::string_view charset, std::string_view bytes) {
  std::string encoded = percent_encoded(bytes);
  std::replace(encoded.begin(), encoded.end(), '%', '=');
  return "=?" + std::string(charset) + "?Q?" + encoded + "?=";
}

std::string part(const std::string& fields, const std::string& body) { return fields + "\n\n" + body + "\n"; }

std::string multipart(const std::string& boundary, const std::vector<std::string>& parts, bool closed = true) {
  std::string out = "This is a multi-part message in MIME format.\n";
  for (const std::string& p : parts) out += "--" + boundary + "\n" + p;
  if (closed) out += "--" + boundary + "--\n";
  return out;
}

std::string text_part(const std::string& text = "各位领导：附件为上报材料，请查收。") {
  return part("Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64", base64(text));
}

std::string pdf_part(const std::string& name_fields) {
  return part("Content-Type: application/pdf" + name_fields + "\nContent-Transfer-Encoding: base64", base64(pdf));
}

// Thunderbird and Apple Mail: RFC 2047 UTF-8 subject split into words, RFC 2231 names with continuations.
TEST(MailMessage, Rfc2231Utf8ContinuationsAndSplitEncodedWords) {
  const std::string name = "附件2：辽宁省政务公开工作先进集体初审推荐登记表（抚顺市民政局办公室）.pdf";
  // Split between two octets of 政: RFC 2231 section 3 joins the octets before decoding the charset.
  const std::string encoded = percent_encoded(name);
  ASSERT_EQ(encoded.substr(55, 6), "%E6%94");
  const std::string message =
      header_block(encoded_word("utf-8", "抚顺市全省政务") + "\n " + encoded_word("utf-8", "公开工作表彰上报材料"),
                   "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {text_part(), pdf_part("\nContent-Disposition: attachment;\n filename*0*=utf-8''" +
                                             encoded.substr(0, 58) + ";\n filename*1*=" + encoded.substr(58))});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(parsed.message_id, message_id);
  EXPECT_EQ(parsed.from.name, "抚顺市政务公开办");
  EXPECT_EQ(parsed.from.address, "zwgk100@163.com");
  EXPECT_EQ(parsed.subject, subject_text);
  ASSERT_TRUE(parsed.date.has_value());
  EXPECT_EQ(parsed.date->received_date, "2025-12-22");
  EXPECT_EQ(parsed.date->timestamp, "2025-12-22T09:10:25+08:00");
  EXPECT_EQ(parsed.date->source, MailDateSource::date_header);
  ASSERT_EQ(parsed.attachments.size(), 1u);  // the text body is not an attachment
  EXPECT_EQ(parsed.attachments[0].name, name);
  EXPECT_EQ(parsed.attachments[0].media_type, "application/pdf");
  EXPECT_EQ(text_of(parsed.attachments[0].bytes), pdf);
  EXPECT_EQ(parsed.attachments[0].part_path, "2");
  EXPECT_FALSE(parsed.attachments[0].forwarded);
  EXPECT_TRUE(parsed.problems.empty());
}

// Foxmail and Outlook: GB2312/GBK-labelled words, also inside quoted name= and filename=, carrying characters
// only GBK (堃) or only GB18030 (𠮷) has; a multipart/alternative body.
TEST(MailMessage, GbkLabelledEncodedWordsAreReadAsGb18030) {
  const std::string name = "附件3-袁堃𠮷.pdf";
  const std::string word = encoded_word("GBK", gb18030(name));
  const std::string alternative =
      "Content-Type: multipart/alternative; boundary=\"alt\"\n\n" +
      multipart("alt",
                {text_part(), part("Content-Type: text/html; charset=\"gb2312\"", gb18030("<p>附件为上报材料</p>"))});
  const std::string message =
      header_block(encoded_word("gb2312", gb18030("回复：" + subject_text + "（经办人：李堃）")),
                   "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {alternative, pdf_part("; name=\"" + word + "\"\nContent-Disposition: attachment; filename=\"" +
                                             word + "\"")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(parsed.subject, "回复：" + subject_text + "（经办人：李堃）");
  EXPECT_EQ(names_of(parsed), std::vector<std::string>{name});
  EXPECT_EQ(parsed.attachments[0].part_path, "2");
  EXPECT_TRUE(parsed.problems.empty());
}

// Long names split into several encoded words, one character's bytes across two of them: RFC 2047 section 5
// forbids it, clients do it, and GMime joins the bytes of adjacent words in one charset before decoding.
TEST(MailMessage, AdjacentEncodedWordsJoinSplitCharacters) {
  const std::string bytes = gb18030("附件8：辽宁省政务公开工作先进个人征求意见表（刘鑫春）.pdf");
  const std::string words =
      encoded_word("gb2312", bytes.substr(0, 15)) + "\n " + encoded_word("gb2312", bytes.substr(15));
  const std::string message =
      header_block(encoded_word("gbk", bytes.substr(0, 7)) + " " + encoded_word("gbk", bytes.substr(7)),
                   "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {pdf_part("; name=\"" + words + "\"")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(parsed.subject, "附件8：辽宁省政务公开工作先进个人征求意见表（刘鑫春）.pdf");
  EXPECT_EQ(names_of(parsed), std::vector<std::string>{"附件8：辽宁省政务公开工作先进个人征求意见表（刘鑫春）.pdf"});
}

// OA systems and phone mail apps: raw 8-bit names, GBK or UTF-8, in the header without any encoding.
TEST(MailMessage, RawEightBitNamesAreUtf8ElseGb18030) {
  const std::string gbk_name = "附件9.抚顺市政务公开工作先进集体和先进个人评选表彰工作机构成员名单.pdf";
  const std::string utf8_name = "抚顺市初审推荐工作报告.pdf";
  const std::string message =
      header_block(gb18030(subject_text), "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {text_part(),
                       pdf_part("; name=\"" + gb18030(gbk_name) + "\"\nContent-Disposition: attachment; filename=\"" +
                                gb18030(gbk_name) + "\""),
                       pdf_part("; name=\"" + utf8_name + "\"\nContent-Disposition: attachment; filename=\"" +
                                utf8_name + "\"")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(parsed.subject, subject_text);
  EXPECT_EQ(names_of(parsed), (std::vector<std::string>{gbk_name, utf8_name}));
  EXPECT_TRUE(parsed.problems.empty());
}

// Clients that label GB18030 text gb2312 in RFC 2231 parameters, and those that only set Content-Type's name.
TEST(MailMessage, Rfc2231GbkFamilyLabelsAndNameOnly) {
  const std::string name = "附件6：辽宁省政务公开工作先进个人推荐审批表（王䶮）.pdf";  // 䶮: GB18030, not GBK
  const std::string encoded = percent_encoded(gb18030(name));
  ASSERT_EQ(encoded.substr(43, 6), "%CE%F1");  // 务, split between its octets below
  const std::string message =
      header_block(encoded_word("gb18030", gb18030(subject_text)), "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {pdf_part("\nContent-Disposition: attachment;\n filename*0*=gb2312'zh-cn'" +
                                encoded.substr(0, 46) + ";\n filename*1*=" + encoded.substr(46)),
                       pdf_part("; name*=gbk''" + encoded)});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(parsed.subject, subject_text);
  EXPECT_EQ(names_of(parsed), (std::vector<std::string>{name, name}));
  EXPECT_EQ(parsed.attachments[0].part_path, "1");
  EXPECT_TRUE(parsed.problems.empty());
}

TEST(MailMessage, QuotedPrintableSubjectsNamesAndContent) {
  const std::string message =
      header_block(q_word("utf-8", "鞍山市") + " " + encoded_word("utf-8", "全省政务公开工作表彰上报材料"),
                   "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {part("Content-Type: text/plain; charset=utf-8; name=\"" + q_word("gbk", gb18030("说明.txt")) +
                                "\"\nContent-Transfer-Encoding: quoted-printable",
                            "caf=C3=A9 au lait, a soft=\n line break")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(parsed.subject, "鞍山市全省政务公开工作表彰上报材料");
  EXPECT_EQ(names_of(parsed), std::vector<std::string>{"说明.txt"});
  EXPECT_EQ(parsed.attachments[0].media_type, "text/plain");
  EXPECT_EQ(text_of(parsed.attachments[0].bytes),
            "café au lait, a soft line break");  // the last line break is the boundary's
}

// A colleague forwards the unit's mail as message/rfc822 (RFC 2046 section 5.2.1): the inner message's
// attachments count, numbered under the forwarded part; a multipart/related body with an inline logo nests deeper.
TEST(MailMessage, NestedMultipartsAndForwardedMessages) {
  const std::string inner =
      header_block(encoded_word("utf-8", subject_text), "multipart/mixed; boundary=\"inner\"", "",
                   "<inner-001@163.com>") +
      multipart("inner", {text_part(), pdf_part("; name=\"" + encoded_word("gbk", gb18030("附件5.pdf")) + "\""),
                          part("Content-Type: image/jpeg; name=\"photo.jpg\"\nContent-Transfer-Encoding: base64",
                               base64("\xFF\xD8\xFF\xE0 jpeg"))});
  const std::string related =
      "Content-Type: multipart/related; boundary=\"rel\"\n\n" +
      multipart("rel", {"Content-Type: multipart/alternative; boundary=\"alt\"\n\n" +
                            multipart("alt", {text_part(), part("Content-Type: text/html", "<p>x</p>")}),
                        part("Content-Type: image/png; name=\"logo.png\"\nContent-ID: <logo>\n"
                             "Content-Transfer-Encoding: base64",
                             base64("\x89PNG\r\n\x1a\n"))});
  const std::string message =
      header_block(encoded_word("gbk", gb18030("转发：" + subject_text)), "multipart/mixed; boundary=\"outer\"") +
      multipart("outer", {related, part("Content-Type: message/rfc822", inner), pdf_part("; name=\"outer.pdf\"")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(parsed.subject, "转发：" + subject_text);
  EXPECT_EQ(names_of(parsed), (std::vector<std::string>{"logo.png", "附件5.pdf", "photo.jpg", "outer.pdf"}));
  std::vector<std::string> paths;
  std::vector<bool> forwarded;
  for (const MailAttachment& attachment : parsed.attachments) {
    paths.push_back(attachment.part_path);
    forwarded.push_back(attachment.forwarded);
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"1.2", "2.2", "2.3", "3"}));
  EXPECT_EQ(forwarded, (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(parsed.forwarded_message_ids, std::vector<std::string>{"<inner-001@163.com>"});
  EXPECT_EQ(parsed.message_id, message_id);
  EXPECT_EQ(parsed.attachments[2].media_type, "image/jpeg");
  EXPECT_TRUE(parsed.problems.empty());
}

// A bounce (RFC 3464) has no attachments: its machine-readable parts are body. A message/partial fragment is
// content that cannot be reassembled here, kept as an (unnamed) part.
TEST(MailMessage, ReportPartsAreBodyAndFragmentsAreParts) {
  const std::string message =
      header_block("Undelivered Mail Returned to Sender", "multipart/report; report-type=delivery-status; boundary=r") +
      multipart("r", {part("Content-Type: text/plain", "Your message could not be delivered."),
                      part("Content-Type: message/delivery-status",
                           "Reporting-MTA: dns; mx.ln.gov.cn\n\n"
                           "Final-Recipient: rfc822; x@ln.gov.cn\nAction: failed"),
                      part("Content-Type: text/rfc822-headers", "Subject: x"),
                      part("Content-Type: message/partial; id=\"abc@x\"; number=1; total=2", "Subject: y\n\nhalf")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(names_of(parsed), std::vector<std::string>{"part-4"});
  EXPECT_EQ(parsed.attachments[0].media_type, "message/partial");
  EXPECT_EQ(problem_kinds(parsed.problems), std::vector<MailProblemKind>{MailProblemKind::unnamed_part});
}

TEST(MailMessage, BrokenBase64YieldsWhatDecodesAndAProblem) {
  const std::string message =
      header_block("broken", "multipart/mixed; boundary=\"b1\"") +
      multipart(
          "b1",
          {part("Content-Type: application/pdf; name=\"a.pdf\"\nContent-Transfer-Encoding: base64", "JVBE!!Ri0x*LjQK"),
           part("Content-Type: application/pdf; name=\"b.pdf\"\nContent-Transfer-Encoding: base64", "JVBERi0xLjQ"),
           pdf_part("; name=\"c.pdf\"")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(names_of(parsed), (std::vector<std::string>{"a.pdf", "b.pdf", "c.pdf"}));
  EXPECT_EQ(text_of(parsed.attachments[0].bytes), "%PDF-1.4\n");  // the foreign characters are skipped
  EXPECT_TRUE(text_of(parsed.attachments[1].bytes).starts_with("%PDF-1"));
  ASSERT_EQ(problem_kinds(parsed.problems),
            (std::vector<MailProblemKind>{MailProblemKind::bad_base64, MailProblemKind::bad_base64}));
  EXPECT_EQ(parsed.problems[0].part_path, "1");
  EXPECT_NE(parsed.problems[0].message.find("3 characters outside"), std::string::npos);
  EXPECT_EQ(parsed.problems[1].part_path, "2");
  EXPECT_NE(parsed.problems[1].message.find("cut short"), std::string::npos);
}

TEST(MailMessage, AMissingClosingBoundaryKeepsTheParts) {
  const std::string message =
      header_block("cut", "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {text_part(), pdf_part("; name=\"a.pdf\""), pdf_part("; name=\"b.pdf\"")}, false);
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(names_of(parsed), (std::vector<std::string>{"a.pdf", "b.pdf"}));
  EXPECT_EQ(text_of(parsed.attachments[1].bytes), pdf);
  EXPECT_EQ(problem_kinds(parsed.problems), std::vector<MailProblemKind>{MailProblemKind::truncated});
}

TEST(MailMessage, NamesAreBareFileNamesAndUnnamedPartsGetOne) {
  const std::string message =
      header_block("names", "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {pdf_part("; name=\"../../x.pdf\""),
                       pdf_part("\nContent-Disposition: attachment; filename=\"/etc/passwd\""),
                       pdf_part("; name=\"=?utf-8?Q?a=01b.pdf?=\""), pdf_part(""), pdf_part("; name=\"..\""),
                       pdf_part("; name=\"" + encoded_word("utf-8", "照片\\张三-19800101.jpg") + "\"")});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(names_of(parsed),
            (std::vector<std::string>{"x.pdf", "passwd", "ab.pdf", "part-4", "part-5", "张三-19800101.jpg"}));
  EXPECT_EQ(problem_kinds(parsed.problems),
            (std::vector<MailProblemKind>{MailProblemKind::unsafe_name, MailProblemKind::unsafe_name,
                                          MailProblemKind::unsafe_name, MailProblemKind::unnamed_part,
                                          MailProblemKind::unsafe_name, MailProblemKind::unsafe_name}));
  EXPECT_NE(parsed.problems[0].message.find("../../x.pdf"), std::string::npos);
  EXPECT_EQ(parsed.problems[3].part_path, "4");
}

TEST(MailMessage, HugeFieldsAreReportedAndIgnored) {
  const std::string message =
      header_block(encoded_word("utf-8", std::string(1500, 'x')), "multipart/mixed; boundary=\"b1\"",
                   "X-Junk: " + std::string(3000, 'j') + "\n") +
      multipart("b1", {pdf_part("; name=\"a.pdf\"")});
  const MailMessage parsed = parse_or_fail(message, {.max_header_bytes = 1024});
  EXPECT_EQ(parsed.subject, "");
  EXPECT_EQ(names_of(parsed), std::vector<std::string>{"a.pdf"});
  EXPECT_EQ(problem_kinds(parsed.problems),
            (std::vector<MailProblemKind>{MailProblemKind::huge_header, MailProblemKind::huge_header}));
  EXPECT_EQ(parse_or_fail(message).problems.size(), 0u);  // within the default cap
}

TEST(MailMessage, WithoutDateTheNewestReceivedFieldDates) {
  const std::string message =
      "Received: from mx.163.com by mail.ln.gov.cn; Tue, 13 Jan 2026 00:20:00 +0800\n"
      "Received: from [10.0.0.1] by mx.163.com; Mon, 12 Jan 2026 23:59:00 +0800\n"
      "From: zwgk100@163.com\nSubject: x\n\nbody\n";
  const MailMessage parsed = parse_or_fail(message);
  ASSERT_TRUE(parsed.date.has_value());
  EXPECT_EQ(parsed.date->received_date, "2026-01-13");
  EXPECT_EQ(parsed.date->source, MailDateSource::received_header);
  EXPECT_EQ(parsed.from.name, "");
  EXPECT_EQ(parsed.from.address, "zwgk100@163.com");
  EXPECT_TRUE(parsed.problems.empty());
  EXPECT_TRUE(parsed.attachments.empty());
}

TEST(MailMessage, NoFromAndNoDateAreProblems) {
  const MailMessage parsed = parse_or_fail("Subject: x\nDate: someday\n\nbody\n");
  EXPECT_FALSE(parsed.date.has_value());
  EXPECT_EQ(problem_kinds(parsed.problems),
            (std::vector<MailProblemKind>{MailProblemKind::missing_header, MailProblemKind::missing_header}));
}

TEST(MailMessage, ZipAttachmentsAreFollowedByTheirFiles) {
  const std::string zip =
      testing::zip_archive({{gb18030("张三-19800101.jpg"), "\xFF\xD8\xFF one"}, {"../../x.pdf", pdf}}, false);
  const std::string message =
      header_block(encoded_word("gbk", gb18030(subject_text)), "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {text_part(),
                       part("Content-Type: application/octet-stream; name=\"" + gb18030("抚顺市先进个人照片.zip") +
                                "\"\nContent-Transfer-Encoding: base64",
                            base64(zip)),
                       part("Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;"
                            " name=\"report.docx\"\nContent-Transfer-Encoding: base64",
                            base64(zip))});
  const MailMessage parsed = parse_or_fail(message);
  EXPECT_EQ(names_of(parsed),
            (std::vector<std::string>{"抚顺市先进个人照片.zip", "张三-19800101.jpg", "x.pdf", "report.docx"}));
  EXPECT_EQ(parsed.attachments[1].part_path, "2/1");
  EXPECT_EQ(parsed.attachments[2].part_path, "2/2");
  EXPECT_EQ(parsed.attachments[2].media_type, "application/pdf");
  EXPECT_EQ(problem_kinds(parsed.problems), std::vector<MailProblemKind>{MailProblemKind::unsafe_name});
  EXPECT_EQ(parsed.problems[0].part_path, "2");
}

TEST(MailMessage, ZipLimitsComeFromTheOptions) {
  const std::string zip = testing::zip_archive({{"big.pdf", std::string(1 << 20, 'a')}}, false);
  const std::string message =
      header_block("zip", "multipart/mixed; boundary=\"b1\"") +
      multipart("b1", {part("Content-Type: application/zip; name=\"a.zip\"\nContent-Transfer-Encoding: base64",
                            base64(zip))});
  const MailMessage parsed = parse_or_fail(message, {.zip = {.max_entry_bytes = 1000}});
  EXPECT_EQ(names_of(parsed), std::vector<std::string>{"a.zip"});
  EXPECT_EQ(problem_kinds(parsed.problems), std::vector<MailProblemKind>{MailProblemKind::zip_limit});
}

TEST(MailMessage, ParserWarningsBecomeProblems) {
  const std::string message = header_block("x", "multipart/mixed") + "--b1\n" + pdf_part("; name=\"a.pdf\"");
  const MailMessage parsed = parse_or_fail(message);
  ASSERT_FALSE(parsed.problems.empty());
  EXPECT_EQ(parsed.problems[0].kind, MailProblemKind::malformed_mime);
}

// Hostile nesting: GMime gives up past about a thousand levels, and says so; nothing overflows.
TEST(MailMessage, NestingPastGmimesLimitIsAProblemNotACrash) {
  std::string body = pdf_part("; name=\"deep.pdf\"");
  for (int depth = 0; depth < 1200; ++depth) {
    const std::string boundary = "b" + std::to_string(depth);
    body = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n" + multipart(boundary, {body});
  }
  const MailMessage parsed = parse_or_fail("From: a@b.c\nDate: Mon, 22 Dec 2025 09:10:25 +0800\n" + body);
  EXPECT_EQ(problem_kinds(parsed.problems), std::vector<MailProblemKind>{MailProblemKind::malformed_mime});
}

TEST(MailMessage, NoBytesNoMessage) { EXPECT_FALSE(parse_mail_message({}).ok()); }

}  // namespace
}  // namespace intake
