#pragma once
// What a file is, decided by its bytes, never by its name: scanners and mail clients mislabel.
#include <span>
#include <string_view>

namespace intake {

enum class MediaType { jpeg, png, tiff, pdf, zip, gif, bmp, webp, text, unknown };

MediaType sniff_media_type(std::span<const unsigned char> bytes);

// MIME type as stored and exported, e.g. "image/tiff".
std::string_view media_type_name(MediaType type);

// Whether `intake scan` can turn this type into pages.
bool is_scannable(MediaType type);

}  // namespace intake
