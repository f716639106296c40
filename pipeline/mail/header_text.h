#pragma once
// Header text as Chinese mail really carries it, made ready for GMime to decode.
#include <string>
#include <string_view>

namespace intake {

// Raw 8-bit bytes (a header or a ZIP entry name written without any declared charset) as UTF-8: kept when they
// are valid UTF-8, else read as GB18030, the superset of GB2312 and GBK that Chinese Windows and OA systems write.
// Bytes that are neither become U+FFFD, so the result is always valid UTF-8.
std::string decode_8bit_text(std::string_view bytes);

// Rewrites the charset labels that name GB2312 or GBK (in RFC 2047 encoded words, "=?gbk?B?…?=", and RFC 2231
// extended parameters, "filename*=gb2312''…") to gb18030. Clients label GB18030 text with those names, and the
// GBK converter GMime uses for both rejects what only GB18030 has (䶮, 𠮷 and other rare name characters); the
// WHATWG Encoding Standard (section 10) decodes every such label with the GB18030 decoder for the same reason.
std::string relabel_gbk_charsets(std::string_view value);

// Joins each run of adjacent "B" encoded words in one charset (only white space between them, which RFC 2047
// section 6.2 says to ignore) into one word. Clients split long names into words of any byte length, so a word
// inside a run often ends in '=' padding, and even in the middle of a character; GMime decodes a run as one
// base64 stream, which the padding throws out of step, and drops everything after it.
std::string join_base64_words(std::string_view value);

// A raw header value as GMime should decode it: unfolded (RFC 5322 section 2.2.3), raw 8-bit bytes decoded by
// decode_8bit_text, GBK-family labels relabelled, base64 word runs joined.
std::string prepare_header_value(std::string_view raw);

}  // namespace intake
