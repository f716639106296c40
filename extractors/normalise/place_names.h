#pragma once
// The places a unit's name or an address begins with (凌源市人民政府办公室, 朝阳市双塔区中华路12号), checked
// against Liaoning's divisions (models/places.json). A misread place — 潜源市 for 凌源市 — is a wrong unit that
// OCR reads with full confidence and no other check catches, since a unit's name is free text.
#include <string>
#include <string_view>
#include <vector>

namespace intake {

enum class PlaceVerdict {
  no_place,  // the text does not begin with a place name (省财政厅, 市委办公室, a person's name)
  known,     // every place it begins with is a known one
  snapped,   // a place was one character from exactly one known place (or, with its district, from one city and
             // district) and has been corrected
  unknown,   // it begins with X市/县/区 that is no known place and near none
};

struct PlaceCheck {
  PlaceVerdict verdict = PlaceVerdict::no_place;
  std::string text;     // the text, with the snapped place corrected
  std::string read;     // the place as read, when snapped or unknown
  std::string snapped;  // the known place it was corrected to
  std::string why;      // why the correction is the one place meant (one character away…)
};

// Spaces are ignored. Prefixes of party and state bodies before the place (中共, 共青团, 国家税务总局…) are
// allowed when the place follows them directly.
PlaceCheck check_leading_places(std::string_view text);

// Every known place name: the province, its cities, their districts, counties and zones.
const std::vector<std::string>& known_places();

}  // namespace intake
