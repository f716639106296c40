#include "pipeline/mail/header_text.h"

#include <gtest/gtest.h>

#include "mail/mail_fixtures.h"

namespace intake {
namespace {

using testing::gb18030;

TEST(Decode8bitText, Utf8IsKept) { EXPECT_EQ(decode_8bit_text("附件3-袁堃.pdf"), "附件3-袁堃.pdf"); }

TEST(Decode8bitText, OtherBytesAreReadAsGb18030) {
  EXPECT_EQ(decode_8bit_text(gb18030("抚顺市初审推荐工作报告.pdf")), "抚顺市初审推荐工作报告.pdf");
  EXPECT_EQ(decode_8bit_text(gb18030("李堃")), "李堃");      // GBK, outside GB2312
  EXPECT_EQ(decode_8bit_text(gb18030("𠮷野家")), "𠮷野家");  // a four-byte GB18030 sequence
}

TEST(Decode8bitText, BytesThatAreNeitherBecomeReplacementCharacters) {
  const std::string decoded = decode_8bit_text(
      "a\xFF\xFF"
      "b");
  EXPECT_TRUE(decoded.starts_with("a"));
  EXPECT_NE(decoded.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(RelabelGbkCharsets, EncodedWordLabels) {
  EXPECT_EQ(relabel_gbk_charsets("=?gb2312?B?AAAA?= =?GBK?Q?x?= =?x-gbk*zh?B?AA==?="),
            "=?gb18030?B?AAAA?= =?gb18030?Q?x?= =?gb18030*zh?B?AA==?=");
  EXPECT_EQ(relabel_gbk_charsets("=?utf-8?B?AAAA?= =?gb18030?B?AA==?= =?big5?B?AA==?="),
            "=?utf-8?B?AAAA?= =?gb18030?B?AA==?= =?big5?B?AA==?=");
}

TEST(RelabelGbkCharsets, Rfc2231Labels) {
  EXPECT_EQ(relabel_gbk_charsets("attachment; filename*0*=GB2312''%B8%A7; filename*1*=%CB%B3"),
            "attachment; filename*0*=gb18030''%B8%A7; filename*1*=%CB%B3");
  EXPECT_EQ(relabel_gbk_charsets("attachment; filename*=\"gbk'zh-cn'%B8%A7\""),
            "attachment; filename*=\"gb18030'zh-cn'%B8%A7\"");
}

TEST(RelabelGbkCharsets, LeavesTextThatOnlyLooksLikeALabel) {
  EXPECT_EQ(relabel_gbk_charsets("gbk; name=\"gb2312.pdf\" =?gbk"), "gbk; name=\"gb2312.pdf\" =?gbk");
  EXPECT_EQ(relabel_gbk_charsets("a*=gbk.pdf"), "a*=gbk.pdf");
}

TEST(PrepareHeaderValue, UnfoldsDecodesAndRelabels) {
  EXPECT_EQ(prepare_header_value(" =?gbk?B?AA==?=\n =?gbk?B?AA==?="), "=?gb18030?B?AA==?= =?gb18030?B?AA==?=");
  EXPECT_EQ(prepare_header_value(" attachment; filename=\"" + gb18030("照片.zip") + "\""),
            "attachment; filename=\"照片.zip\"");
}

}  // namespace
}  // namespace intake
