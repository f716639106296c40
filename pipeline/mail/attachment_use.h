#pragma once
// What intake does with an e-mail attachment (FORMS.md: units send PDFs, born-digital or scanned, JPG photos,
// sometimes a ZIP of them), decided from its bytes and, for ID photos, its name. A pure stage: no store, no I/O.
#include <string_view>

#include "models/media_type.h"
#include "pipeline/mail/mail_records.h"

namespace intake {

enum class AttachmentUse {
  pages,    // forms and reports: PDF, TIFF, PNG, BMP, or a JPEG the size of a scanned page → the page pipeline
  photo,    // an electronic ID photo (a JPEG that is not a page) → kept for the photo checks
  archive,  // a ZIP attachment, which the mail layer unpacked: its entries follow it as attachments of their own
  unread,   // anything else (Word, Excel, text, GIF…): kept, not read, and reported
};

std::string_view name_of(AttachmentUse use);

struct AttachmentUseOptions {
  // A JPEG whose longer side has at least this many pixels is a scanned or photographed page. Pixels, not the
  // JFIF density: cameras and editors write 72 or 96 dpi whatever the picture. An A4 page scanned at 150 dpi (the
  // usual scanner default; OCR wants more) is 1240 × 1754 and a phone picture of a page is 3000+ pixels long, while
  // a 2-inch photo (FORMS.md) is 413 × 579 or 413 × 626 at 300 dpi and still only 1252 long when scanned at 600.
  int page_min_long_side = 1500;
};

// `type` is what the bytes are (sniff_media_type). A file named as FORMS.md names electronic photos
// (中文姓名-YYYYMMDD.jpg) is a photo whatever its size or bytes (the photo checks report a PNG behind the name); any
// other JPEG whose header cannot be read goes to the page pipeline, which reports what is wrong with it.
AttachmentUse attachment_use(const MailAttachment& attachment, MediaType type,
                             const AttachmentUseOptions& options = {});

// 张某某-19660101.jpg, 阿依古丽·买买提-19900101.JPEG: two or more Han characters (with the · of ethnic names), a
// hyphen, eight digits, .jpg or .jpeg. Whether the digits are a real date is the photo checks' business.
bool is_photo_file_name(std::string_view name);

}  // namespace intake
