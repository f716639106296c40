#pragma once
// Which extra reads a value type wants. The first read of every cell is a block read; a short value is read again
// in the mode that fits its type (digits only for an ID number, one line for a name), and the extractors trust a
// value two different reads agree on more than either read alone.
#include <string>
#include <string_view>
#include <vector>

#include "extractors/page/page_read.h"
#include "ocr/text_source.h"

namespace intake {

std::string_view name_of(ReadMode mode);

// What OCR read, as a value's read made in `mode` ("text-layer" when it came from a PDF's text layer).
TextRead text_read(const OcrText& ocr, ReadMode mode);

// The whitelisted mode for a date whose first read is `first_read`: Arabic digits if it has any, else Chinese
// numerals (二〇二六年一月八日).
ReadMode date_read_mode(std::string_view first_read);

// `first_read`: the block read's text; multi-line text is not re-read as one line.
std::vector<ReadMode> second_read_modes(std::string_view type, std::string_view first_read);

// The mode the third read of a name or a short long text, by the script model alone, is recorded with
// (page_reader.cpp).
inline constexpr std::string_view script_read_mode = "script-line";

}  // namespace intake
