#pragma once
// The vocabularies of EXPORT.md's JSON: form, round, channel, field status, finding severity.
#include <optional>
#include <string_view>

namespace intake {

enum class FormKind { annex2, annex3, annex4, annex5, annex6, annex7, annex8, annex9, report, unknown };
enum class Round { initial, formal };
enum class Channel { paper, email };
enum class FieldStatus { ok, review, invalid, missing };
enum class Severity { error, warning, info };

std::string_view name_of(FormKind kind);
std::string_view name_of(Round round);
std::string_view name_of(Channel channel);
std::string_view name_of(FieldStatus status);
std::string_view name_of(Severity severity);

std::optional<FormKind> form_kind_from(std::string_view name);
std::optional<Round> round_from(std::string_view name);
std::optional<Channel> channel_from(std::string_view name);
std::optional<FieldStatus> field_status_from(std::string_view name);
std::optional<Severity> severity_from(std::string_view name);

}  // namespace intake
