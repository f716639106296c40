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

TEST(JoinBase64Words, ARunInOneCharsetBecomesOneWord) {
  using testing::base64;
  const std::string name = gb18030("附件8：辽宁省.pdf");
  const std::string split = testing::encoded_word("gbk", name.substr(0, 7)) + " \t" +
                            testing::encoded_word("GBK", name.substr(7, 4)) + " " +
                            testing::encoded_word("gbk", name.substr(11));
  ASSERT_NE(split.find("==?="), std::string::npos);  // a padded word inside the run
  EXPECT_EQ(join_base64_words("name=\"" + split + "\""), "name=\"=?gbk?B?" + base64(name) + "?=\"");
}

TEST(JoinBase64Words, OtherWordsAndGapsAreLeft) {
  const std::string two_charsets = "=?gbk?B?uL28?= =?utf-8?B?5oqa?=";
  EXPECT_EQ(join_base64_words(two_charsets), two_charsets);
  const std::string text_between = "=?gbk?B?uL28?= x =?gbk?B?uL28?=";
  EXPECT_EQ(join_base64_words(text_between), text_between);
  const std::string quoted_printable = "=?gbk?Q?=B8=BD?= =?gbk?Q?=BC=FE?=";
  EXPECT_EQ(join_base64_words(quoted_printable), quoted_printable);
  EXPECT_EQ(join_base64_words("=?gbk?B?uL28?= and =?broken"), "=?gbk?B?uL28?= and =?broken");
}

TEST(PrepareHeaderValue, UnfoldsDecodesAndRelabels) {
  EXPECT_EQ(prepare_header_value(" =?gbk?B?uL28?=\n =?utf-8?B?5oqa?="), "=?gb18030?B?uL28?= =?utf-8?B?5oqa?=");
  EXPECT_EQ(prepare_header_value(" attachment; filename=\"" + gb18030("照片.zip") + "\""),
            "attachment; filename=\"照片.zip\"");
}

}  // namespace
}  // namespace intake
