#pragma once
// One entry point from a FORMS.md value type name (forms.json `type`) to its normaliser. Thread-safe; never
// throws, whatever the bytes.
#include <span>
#include <string_view>

#include "extractors/normalise/normalised.h"

namespace intake {

// Normalises one field's raw text (OCR or PDF text layer) as `type` says; see normalised.h for the status policy.
// Empty or whitespace-only text is missing. An unknown type name is a programming error in the form model; it
// is reported as a review of the text rather than thrown, since normalisers never throw.
Normalised normalise_value(std::string_view type, std::string_view raw_text);

// The value types normalise_value knows, in FORMS.md order.
std::span<const std::string_view> value_types();
bool is_value_type(std::string_view type);

}  // namespace intake
