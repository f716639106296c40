#pragma once
// A leaf MIME part's content, transfer encoding undone, with what was wrong with the encoding.
#include <gmime/gmime.h>

#include <string>

#include "pipeline/bytes.h"

namespace intake {

struct PartContent {
  Bytes bytes;         // decoded by GMime, as far as the encoding allows
  std::string defect;  // "" when the encoding was sound
};

// Base64 is checked as well as decoded: RFC 2045 section 6.8 has decoders ignore characters outside the alphabet
// but calls them a sign of a transmission error worth a warning, and GMime drops a group cut short in silence.
PartContent decode_part_content(GMimePart* part);

}  // namespace intake
