#pragma once
// Assertions shared by the normaliser tests: what a field gave, in one line of a failure message.
#include <gtest/gtest.h>

#include <string>

#include "extractors/normalise/normalised.h"

namespace intake::testing {

inline std::string describe(const Normalised& n) {
  return std::string(name_of(n.status)) + " " + n.value.dump() + " ×" + std::to_string(n.confidence_factor) +
         (n.note.empty() ? "" : " (" + n.note + ")");
}

inline ::testing::AssertionResult is(const Normalised& n, FieldStatus status, const nlohmann::json& value) {
  if (n.status == status && n.value == value) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << describe(n) << ", expected " << name_of(status) << " "
                                       << value.dump();
}

inline ::testing::AssertionResult is_ok(const Normalised& n, const nlohmann::json& value) {
  auto result = is(n, FieldStatus::ok, value);
  if (result && n.confidence_factor != 1.0) return ::testing::AssertionFailure() << "factor lowered: " << describe(n);
  return result;
}

// Not ok, whatever the value: the malformed inputs' contract.
inline ::testing::AssertionResult not_ok(const Normalised& n) {
  if (n.status != FieldStatus::ok) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "accepted as " << describe(n);
}

}  // namespace intake::testing
