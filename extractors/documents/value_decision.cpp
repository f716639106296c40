#include "extractors/documents/value_decision.h"

#include <algorithm>
#include <span>

#include "extractors/normalise/date_values.h"
#include "extractors/normalise/hidden_date.h"
#include "extractors/normalise/normalise.h"
#include "extractors/normalise/opinion_value.h"
#include "models/utf8.h"

namespace intake {
namespace {

bool is_long(const std::string& type) { return type == "long_text" || type == "opinion" || type == "publicity_list"; }

bool blank(const std::vector<TextRead>& reads) {
  return std::all_of(reads.begin(), reads.end(), [](const TextRead& read) {
    return std::all_of(read.text.begin(), read.text.end(), [](char c) { return c == ' ' || c == '\n'; });
  });
}

// Types whose second read is the more trustworthy one: a whitelist of digits cannot produce O for 0.
bool prefers_typed_read(const std::string& type) {
  return type == "id_number" || type == "phone" || type == "postcode" || type == "year_month" || type == "date" ||
         type == "gender";
}

// The box's read without its date line, when that line is one of its own lines and reads like a date line (short,
// no sentence punctuation): a long line with five digits is a sentence that happens to hold a year.
std::optional<TextRead> box_without_line(const TextRead& box, const std::string& line) {
  const std::u32string wide = utf8_decode(line);
  if (wide.empty() || wide.size() > longest_opinion_date_line || wide.find_first_of(U"，。；,;") != std::u32string::npos)
    return std::nullopt;
  const std::size_t at = box.text.rfind(line);
  const bool whole_line = at != std::string::npos && (at == 0 || box.text[at - 1] == '\n') &&
                          (at + line.size() == box.text.size() || box.text[at + line.size()] == '\n');
  if (!whole_line) return std::nullopt;
  TextRead rest = box;
  const std::size_t begin = at > 0 ? at - 1 : at;  // the line break before it goes too
  rest.text.erase(begin, at + line.size() - begin);
  return rest;
}

// The box's read without its last line when that line is a date line however misread: short and ending in 日
// with numerals before it (以5工. ,二六告一尹十二日: the seal's specks read as commas, and the line read again came
// out otherwise, so it is not found by its text).
std::optional<TextRead> box_without_last_date_line(const TextRead& box) {
  const std::size_t start = box.text.rfind('\n');
  if (start == std::string::npos) return std::nullopt;
  const std::string last = box.text.substr(start + 1);
  const std::u32string line = utf8_decode(last);
  if (line.size() > longest_opinion_date_line || !ends_with_day_mark(line)) return std::nullopt;
  if (opinion_date_line({last}) != std::optional<std::size_t>(0)) return std::nullopt;
  TextRead rest = box;
  rest.text.erase(start);
  return rest;
}

}  // namespace

ValueDecision decide_value(const std::string& type, const std::vector<TextRead>& reads, bool required) {
  ValueDecision decision;
  if (reads.empty() || blank(reads)) {
    decision.status = required ? FieldStatus::missing : FieldStatus::ok;
    decision.confidence = reads.empty() ? 0.0 : 1.0;
    decision.note = required ? "blank" : "";
    return decision;
  }

  struct Candidate {
    const TextRead* read;
    Normalised normalised;
  };
  std::vector<Candidate> candidates;
  for (const TextRead& read : reads) {
    if (read.text.empty()) continue;
    candidates.push_back({&read, normalise_value(type, read.text)});
  }
  // The chosen read: the typed read when its type prefers it and it gave a usable value, else the first.
  std::size_t chosen = 0;
  if (prefers_typed_read(type))
    for (std::size_t i = 1; i < candidates.size(); ++i)
      if (candidates[i].normalised.status == FieldStatus::ok) {
        chosen = i;
        break;
      }
  // A read that gives no value of the type (四共论册 from a faint scan) gives way to a later one that does (中共党员);
  // the value is for review, as only some of the reads give it.
  bool only_some_reads = false;
  if (candidates[chosen].normalised.status != FieldStatus::ok)
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (candidates[i].normalised.status == FieldStatus::ok) {
        chosen = i;
        only_some_reads = true;
        break;
      }
  const Candidate& best = candidates[chosen];
  decision.value = best.normalised.value;
  decision.status = best.normalised.status;
  decision.raw_text = best.read->text;
  decision.mode = best.read->mode;
  decision.note = best.normalised.note;

  double confidence = 0, weakest = 1;
  for (const Candidate& candidate : candidates) {
    confidence += candidate.read->confidence;
    weakest = std::min(weakest, candidate.read->min_confidence);
  }
  confidence /= static_cast<double>(candidates.size());
  decision.confidence = std::clamp(confidence * best.normalised.confidence_factor, 0.0, 1.0);
  if (decision.status != FieldStatus::ok) return decision;

  const bool agreed = std::all_of(candidates.begin(), candidates.end(), [&](const Candidate& candidate) {
    return candidate.normalised.value == best.normalised.value;
  });
  auto review = [&](std::string note) {
    decision.status = FieldStatus::review;
    decision.note = std::move(note);
  };
  const bool free_text = type == "name" || type == "text";
  if (type == "opinion" || type == "publicity_list") {
    // A publicity list is dates found in a whole report: its weakest character is somewhere else in the text.
    if (confidence < ok_opinion_confidence) review("low OCR confidence");
    else if (type == "opinion" && weakest < ok_opinion_min_confidence) review("a character OCR is unsure of");
  } else if (is_long(type)) {
    const bool short_text = utf8_decode(best.read->text).size() < short_long_text_characters;
    if (confidence < ok_long_text_confidence) review("low OCR confidence");
    else if (short_text && weakest < ok_short_long_text_min_confidence) review("a character OCR is unsure of");
    else if (short_text && !agreed) review("the reads disagree");
  } else if (only_some_reads) {
    review("only some reads give a value of its type");
  } else if (candidates.size() < reads.size()) {
    // A read that saw nothing where another saw a value confirms nothing: the value stands on one read alone.
    review("a read of the cell gives nothing");
  } else if (!agreed) {
    review("the reads disagree");
  } else if (candidates.size() == 1 && confidence < ok_single_read_confidence) {
    review("low OCR confidence");
  } else if (confidence < ok_mean_confidence || weakest < ok_min_confidence) {
    review("low OCR confidence");
  } else if (free_text && (confidence < ok_free_text_mean_confidence || weakest < ok_free_text_min_confidence)) {
    review("a character OCR is unsure of");
  }
  return decision;
}

namespace {

// The campaign day that the reads of a date line (the line's, the row under the seal's), each missing what the
// seal hid, can be: the one day those that can be any day agree on. Torn when they disagree.
struct HiddenDate {
  std::optional<std::chrono::year_month_day> day;
  bool torn = false;
};

HiddenDate date_partly_hidden(std::span<const TextRead> reads, const DateWindow& window) {
  HiddenDate found;
  for (const TextRead& read : reads) {
    const auto day = date_under_seal(read.text, window);
    if (!day) continue;
    if (found.day && *found.day != *day) return {std::nullopt, true};
    found.day = day;
  }
  return found;
}

ValueDecision decide_opinion_reads(const std::vector<TextRead>& reads, bool required) {
  const std::vector<TextRead> box(reads.begin(), reads.begin() + std::min<std::ptrdiff_t>(1, std::ssize(reads)));
  ValueDecision decision = decide_value("opinion", box, required);
  if (reads.size() < 3 || !decision.value.is_object()) return decision;
  const ValueDecision date = decide_value("date", {reads[1], reads[2]}, true);
  const nlohmann::json box_date = decision.value["date"];
  if (date.status == FieldStatus::ok && box_date == date.value) return decision;
  if (box_date.is_null()) {
    // The box's own read found no date because the seal bent the date line's marks (2025午12月15日): that line is
    // still the date, not part of the opinion's text.
    auto without = box_without_line(reads[0], reads[1].text);
    if (!without) without = box_without_last_date_line(reads[0]);
    if (without) {
      ValueDecision rest = decide_value("opinion", {*without}, required);
      if (rest.value.is_object()) decision = std::move(rest);
    }
    nlohmann::json line_date = date.value;
    for (const TextRead* line : {&reads[2], &reads[1]}) {
      if (!line_date.is_null()) break;
      auto found = date_from_digit_runs(line->text);
      if (!found) found = date_with_lost_chinese_zero(line->text);
      if (found) line_date = iso_date(*found);
    }
    if (line_date.is_null()) {
      // A date inferred from the campaign rather than read: always for review, with the note that says how.
      const auto inferred = [&](const std::chrono::year_month_day& day, std::string_view note) {
        decision.value["date"] = iso_date(day);
        decision.status = FieldStatus::review;
        decision.note = std::string(note);
        return decision;
      };
      const DateWindow window = campaign_window();
      const std::span<const TextRead> line_reads(reads.begin() + 1, reads.end());
      const HiddenDate hidden = date_partly_hidden(line_reads, window);
      if (hidden.day) return inferred(*hidden.day, hidden_date_note);
      // No read shows the date whole or its visible part alone: the seal's marks are on its glyphs. The reads
      // together (the row's band with the marks too) may still come nearest to one day; not when two reads show
      // the visible parts of different days: those are torn, not blurred.
      std::vector<std::string> texts;
      for (const TextRead& read : line_reads) texts.push_back(read.text);
      if (const auto nearest = hidden.torn ? std::nullopt : nearest_campaign_day(texts, window))
        return inferred(*nearest, nearest_date_note);
    }
    decision.value["date"] = line_date;
  }
  if (decision.status == FieldStatus::ok || decision.status == FieldStatus::review) {
    decision.status = FieldStatus::review;
    if (date.status != FieldStatus::ok) decision.note = "the date line: " + date.note;
    else if (box_date.is_null()) decision.note = "the date read from its line alone";
    else decision.note = "the date differs from its line read alone";
  }
  return decision;
}

}  // namespace

ValueDecision decide_opinion(const std::vector<TextRead>& reads, bool required) {
  ValueDecision decision = decide_opinion_reads(reads, required);
  // An opinion is signed during the campaign. A date outside it is most often a misread numeral (2026-03-01 for
  // 2026-01-01 under the seal), and a real one is worth a look too.
  if (decision.value.is_object() && decision.value["date"].is_string()) {
    const std::string date = decision.value["date"].get<std::string>();  // ISO dates compare as text
    const DateWindow campaign = campaign_window();
    const auto in_campaign = [&](const std::string& day) {
      return day >= iso_date(campaign.first) && day <= iso_date(campaign.last);
    };
    if (!in_campaign(date)) {
      const std::string outside =
          "dated outside the campaign, " + iso_date(campaign.first) + " to " + iso_date(campaign.last);
      // The box read a numeral under the seal wrong (2028年1月9日) where the date line read alone, by the digit
      // model, gave a day of the campaign (2026年1月9日): when the line's reads give one such day, that is the best
      // guess. Still for review: no read confirms it.
      std::optional<std::string> inside;
      bool torn = false;
      for (std::size_t i = 1; i < reads.size(); ++i) {
        const nlohmann::json day = normalise_date(reads[i].text).value;
        if (!day.is_string() || !in_campaign(day.get<std::string>())) continue;
        torn = torn || (inside && *inside != day.get<std::string>());
        inside = day.get<std::string>();
      }
      // Else the reads may all be a numeral off one campaign day (2023年12月31日 for 2025年12月31日).
      std::vector<std::string> texts;
      for (std::size_t i = 1; i < reads.size(); ++i) texts.push_back(reads[i].text);
      const auto nearest = inside || texts.empty() ? std::nullopt : nearest_campaign_day(texts, campaign);
      if (inside && !torn) {
        decision.value["date"] = *inside;
        decision.status = FieldStatus::review;
        decision.note = "read as " + date + ", " + outside + "; the date line read alone gives " + *inside;
      } else if (nearest) {
        decision.value["date"] = iso_date(*nearest);
        decision.status = FieldStatus::review;
        decision.note = "read as " + date + ", " + outside + "; " + std::string(nearest_date_note);
      } else if (decision.status == FieldStatus::ok) {
        decision.status = FieldStatus::review;
        decision.note = outside;
      }
    }
  }
  return decision;
}

}  // namespace intake
