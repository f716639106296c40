#include "pipeline/mail/file_name.h"

#include <gtest/gtest.h>

namespace intake {
namespace {

TEST(BareFileName, ABareNameIsKept) {
  const BareName bare = bare_file_name("附件6：辽宁省政务公开工作先进个人推荐审批表（王晓梅）.pdf");
  EXPECT_EQ(bare.name, "附件6：辽宁省政务公开工作先进个人推荐审批表（王晓梅）.pdf");
  EXPECT_FALSE(bare.changed);
  EXPECT_FALSE(bare.hostile);
}

TEST(BareFileName, FoldersAreDroppedButAreNotHostile) {
  const BareName bare = bare_file_name("照片/张三-19800101.jpg");
  EXPECT_EQ(bare.name, "张三-19800101.jpg");
  EXPECT_TRUE(bare.changed);
  EXPECT_FALSE(bare.hostile);
}

TEST(BareFileName, PathsThatLeaveTheirFolderAreHostile) {
  for (const char* sent : {"../../x.pdf", "/etc/x.pdf", "a/../../x.pdf", "..\\..\\x.pdf", "C:\\Users\\x.pdf"}) {
    const BareName bare = bare_file_name(sent);
    EXPECT_EQ(bare.name, "x.pdf") << sent;
    EXPECT_TRUE(bare.changed) << sent;
    EXPECT_TRUE(bare.hostile) << sent;
  }
}

TEST(BareFileName, ControlCharactersAndSpacesGo) {
  const BareName bare = bare_file_name("  a\x01\tb\x7f.pdf \n");
  EXPECT_EQ(bare.name, "ab.pdf");
  EXPECT_TRUE(bare.hostile);
  EXPECT_EQ(bare_file_name("　报告.pdf ").name, "报告.pdf");  // ideographic space
}

TEST(BareFileName, NothingUsableLeft) {
  for (const char* sent : {"..", ".", "/", "a/..", "\x01", ""}) {
    const BareName bare = bare_file_name(sent);
    EXPECT_EQ(bare.name, "") << sent;
    EXPECT_TRUE(bare.hostile) << sent;
  }
  EXPECT_EQ(bare_file_name(".hidden.pdf").name, ".hidden.pdf");  // a dot file is still a bare name
}

}  // namespace
}  // namespace intake
