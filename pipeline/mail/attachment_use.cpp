#include "pipeline/mail/attachment_use.h"

#include <algorithm>
#include <string>

#include "models/char_class.h"
#include "models/utf8.h"
#include "pipeline/jpeg_reader.h"
#include "pipeline/mail/zip_entries.h"

namespace intake {
namespace {

bool ends_with_ignoring_case(std::u32string_view text, std::u32string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char32_t s, char32_t c) { return s == (c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c); });
}

bool is_name_character(char32_t c) { return is_han(c) || c == U'·' || c == U'•' || c == U'・'; }

}  // namespace

std::string_view name_of(AttachmentUse use) {
  switch (use) {
    case AttachmentUse::pages: return "pages";
    case AttachmentUse::photo: return "photo";
    case AttachmentUse::archive: return "archive";
    case AttachmentUse::unread: return "unread";
  }
  return "unread";
}

bool is_photo_file_name(std::string_view name) {
  std::u32string text = utf8_decode(name);
  if (ends_with_ignoring_case(text, U".jpg")) {
    text.resize(text.size() - 4);
  } else if (ends_with_ignoring_case(text, U".jpeg")) {
    text.resize(text.size() - 5);
  } else {
    return false;
  }
  if (text.size() < 2 + 1 + 8) return false;
  const std::u32string_view digits = std::u32string_view(text).substr(text.size() - 8);
  const std::u32string_view person = std::u32string_view(text).substr(0, text.size() - 9);
  const char32_t hyphen = text[text.size() - 9];
  const auto han_count = std::count_if(person.begin(), person.end(), is_han);
  return (hyphen == U'-' || hyphen == U'－') && std::all_of(digits.begin(), digits.end(), is_ascii_digit) &&
         han_count >= 2 && std::all_of(person.begin(), person.end(), is_name_character);
}

AttachmentUse attachment_use(const MailAttachment& attachment, MediaType type, const AttachmentUseOptions& options) {
  // The mail layer unpacks ZIP attachments but not a ZIP inside a ZIP (an entry, part path "2/1"): that one stays
  // an unread file.
  if (is_zip_archive(attachment) && attachment.part_path.find('/') == std::string::npos) return AttachmentUse::archive;
  // Named as the notice names ID photos: a photo whatever its bytes, so that the photo checks say a PNG or WebP
  // is behind the name instead of the page pipeline reading it as an unknown page.
  if (is_photo_file_name(attachment.name)) return AttachmentUse::photo;
  if (type == MediaType::jpeg) {
    const auto header = read_jpeg_header(attachment.bytes);
    if (!header) return AttachmentUse::pages;
    return std::max(header->width, header->height) >= options.page_min_long_side ? AttachmentUse::pages
                                                                                 : AttachmentUse::photo;
  }
  return is_scannable(type) ? AttachmentUse::pages : AttachmentUse::unread;
}

}  // namespace intake
