#include "pipeline/mail/attachment_use.h"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "mail/mail_fixtures.h"
#include "support/fixtures.h"

namespace intake {
namespace {

MailAttachment attachment(std::string name, Bytes bytes, std::string media_type = "application/octet-stream",
                          std::string part_path = "2") {
  return {std::move(name), std::move(media_type), std::move(bytes), std::move(part_path), false};
}

Bytes jpeg_of_size(int width, int height, int dpi = 300) {
  return testing::encode_jpeg(cv::Mat(height, width, CV_8UC3, cv::Scalar(255, 255, 255)), dpi);
}

AttachmentUse use_of(const MailAttachment& sent) { return attachment_use(sent, sniff_media_type(sent.bytes)); }

TEST(AttachmentUse, PhotoNamesAsTheNoticeAsksForThem) {
  EXPECT_TRUE(is_photo_file_name("张某某-19660101.jpg"));
  EXPECT_TRUE(is_photo_file_name("袁堃-19791108.JPG"));
  EXPECT_TRUE(is_photo_file_name("王晓梅-19850315.jpeg"));
  EXPECT_TRUE(is_photo_file_name("阿依古丽·买买提-19900101.jpg"));
  EXPECT_TRUE(is_photo_file_name("王晓梅－19850315.jpg"));  // full-width hyphen, as an IME types it
  EXPECT_FALSE(is_photo_file_name("王晓梅.jpg"));
  EXPECT_FALSE(is_photo_file_name("王-19850315.jpg"));     // one character is no name
  EXPECT_FALSE(is_photo_file_name("王晓梅-1985031.jpg"));  // seven digits
  EXPECT_FALSE(is_photo_file_name("王晓梅-19850315.png"));
  EXPECT_FALSE(is_photo_file_name("scan-19850315.jpg"));
  EXPECT_FALSE(is_photo_file_name("附件6-王晓梅.jpg"));
}

TEST(AttachmentUse, JpegsAreScannedPagesOrPhotosByTheirPixels) {
  // A 2-inch photo at 300 dpi (FORMS.md), the same scanned at 600 dpi, whatever it is called.
  EXPECT_EQ(use_of(attachment("照片.jpg", jpeg_of_size(413, 579))), AttachmentUse::photo);
  EXPECT_EQ(use_of(attachment("IMG_0001.jpg", jpeg_of_size(827, 1252, 600))), AttachmentUse::photo);
  // An A4 page at 150 dpi and a phone picture of a page, even one claiming 72 dpi.
  EXPECT_EQ(use_of(attachment("附件6.jpg", jpeg_of_size(1240, 1754, 150))), AttachmentUse::pages);
  EXPECT_EQ(use_of(attachment("IMG_0002.jpg", jpeg_of_size(3024, 4032, 72))), AttachmentUse::pages);
  // A large photo named as the notice names photos stays a photo.
  EXPECT_EQ(use_of(attachment("王晓梅-19850315.jpg", jpeg_of_size(1600, 2240))), AttachmentUse::photo);
  // Bytes that only start like a JPEG go to the page pipeline, which says what is wrong with them.
  EXPECT_EQ(use_of(attachment("坏.jpg", Bytes{0xFF, 0xD8, 0xFF, 0x00})), AttachmentUse::pages);
}

TEST(AttachmentUse, APhotoNameIsAPhotoWhateverItsBytes) {
  // A PNG saved as .jpg: the photo checks, not the page reader, say what is wrong with it.
  EXPECT_EQ(use_of(attachment("王晓梅-19850315.jpg", testing::encode_png(testing::make_page(1, 100)))),
            AttachmentUse::photo);
}

TEST(AttachmentUse, PdfsAndOtherImagesArePages) {
  const std::string pdf = "%PDF-1.4\n";
  EXPECT_EQ(use_of(attachment("附件3-袁堃.pdf", Bytes(pdf.begin(), pdf.end()), "application/pdf")),
            AttachmentUse::pages);
  EXPECT_EQ(use_of(attachment("scan.png", testing::encode_png(testing::make_page(1, 100)))), AttachmentUse::pages);
}

TEST(AttachmentUse, ZipAttachmentsAreArchivesButAZipInsideOneIsNot) {
  const std::string zip = testing::zip_archive({{"a.pdf", "%PDF-1.4"}}, true);
  const Bytes bytes(zip.begin(), zip.end());
  EXPECT_EQ(use_of(attachment("照片.zip", bytes, "application/zip")), AttachmentUse::archive);
  EXPECT_EQ(use_of(attachment("inner.zip", bytes, "application/zip", "2/1")), AttachmentUse::unread);
  // A Word file is a ZIP by its bytes but not one the sender meant to be unpacked.
  EXPECT_EQ(use_of(attachment("附件6.docx", bytes,
                              "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            AttachmentUse::unread);
}

TEST(AttachmentUse, WhatIntakeCannotReadIsUnread) {
  const std::string text = "见附件";
  EXPECT_EQ(use_of(attachment("说明.txt", Bytes(text.begin(), text.end()), "text/plain")), AttachmentUse::unread);
  EXPECT_EQ(use_of(attachment("empty.bin", Bytes{})), AttachmentUse::unread);
  EXPECT_EQ(name_of(AttachmentUse::unread), "unread");
}

}  // namespace
}  // namespace intake
