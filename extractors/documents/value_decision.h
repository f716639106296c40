#pragma once
// From a field's reads to its value and status: the office's rule is that a value marked ok must be right, so a
// value is ok only when its type's normaliser accepts it as is, the reads that were made agree on it, and OCR was
// sure of every character; anything else goes to review with the best guess.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractors/page/page_read.h"
#include "models/form_kind.h"

namespace intake {

// Confidence floors for ok, one place so they can be tuned against docs/ACCURACY.md. Tesseract's LSTM symbol
// confidences on clean print sit above 0.9; a misread character usually drops below 0.6.
inline constexpr double ok_mean_confidence = 0.80;
inline constexpr double ok_min_confidence = 0.45;
// A value read once only (no second read fits its type, or the cell wrapped) needs more.
inline constexpr double ok_single_read_confidence = 0.88;
// Long texts: mean confidence for ok. 1 − mean confidence estimates the share of misread characters, and a long
// text is right at ≥ 98 % of its characters, so only a near-certain read is ok; the rest go to a person. On
// seeds 1–3 every ok long text read below 98 % had a mean under 0.989 (docs/ACCURACY.md, 2026-11-23).
inline constexpr double ok_long_text_confidence = 0.99;
// A long text so short that two misread characters are more than 2 % of it (何时何地受过何种奖励, a line or two)
// is right only when nearly every character is: each must be sure. Seeds 1–3: a 51-character 奖励 with ；read as
// ，and a space let in was ok at a mean of 0.99 and a weakest character of 0.937; the right ones' weakest were
// 0.965 and more.
inline constexpr std::size_t short_long_text_characters = 100;
inline constexpr double ok_short_long_text_min_confidence = 0.95;
// Opinions are a sentence or two plus a date: a lower mean, but every character above a floor (seal fragments).
inline constexpr double ok_opinion_confidence = 0.95;
inline constexpr double ok_opinion_min_confidence = 0.5;
// Names and short free texts have no vocabulary or check digit to catch a misread character, so every character
// must be sure.
inline constexpr double ok_free_text_mean_confidence = 0.93;
// Seeds 1–3 (2026-12-03): 友谊 read 友人这, every character at 0.893 or more, was the one wrong ok address; the
// right names' and units' weakest characters were 0.88 and up, so a few of those go to review too.
inline constexpr double ok_free_text_min_confidence = 0.9;

struct ValueDecision {
  nlohmann::json value;  // normalised, null when nothing usable was read
  FieldStatus status = FieldStatus::missing;
  double confidence = 0;
  std::string raw_text;  // the read the value came from
  std::string mode;      // how that read was made
  std::string note;      // why not ok; never ID or phone digits
};

// `required`: whether a blank value is missing (required) or simply empty (ok, value null). The value is the first
// read's, or the typed read's where the type prefers it; when that gives no value of the type, the first read that
// does, for review.
ValueDecision decide_value(const std::string& type, const std::vector<TextRead>& reads, bool required);

// An opinion box: `reads` are the box's block read and, when the page reader found a filled-in date line, that
// line as read in the block and again with a date whitelist, and any further reads of it (the row under a seal,
// its band). The date two reads agree on confirms the opinion's date; an opinion is ok only when its date is
// confirmed so (the seal sits on the date and bends numerals). A date no read shows whole is completed
// (date_under_seal) or taken as the nearest campaign day (nearest_campaign_day), for review.
ValueDecision decide_opinion(const std::vector<TextRead>& reads, bool required);

}  // namespace intake
