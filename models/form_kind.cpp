#include "models/form_kind.h"

#include <array>
#include <utility>

namespace intake {
namespace {

template <class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<FormKind, 10> form_names{{{FormKind::annex2, "annex2"}, {FormKind::annex3, "annex3"},
                                              {FormKind::annex4, "annex4"}, {FormKind::annex5, "annex5"},
                                              {FormKind::annex6, "annex6"}, {FormKind::annex7, "annex7"},
                                              {FormKind::annex8, "annex8"}, {FormKind::annex9, "annex9"},
                                              {FormKind::report, "report"}, {FormKind::unknown, "unknown"}}};
constexpr NameTable<Round, 2> round_names{{{Round::initial, "initial"}, {Round::formal, "formal"}}};
constexpr NameTable<Channel, 2> channel_names{{{Channel::paper, "paper"}, {Channel::email, "email"}}};
constexpr NameTable<FieldStatus, 4> status_names{{{FieldStatus::ok, "ok"},
                                                  {FieldStatus::review, "review"},
                                                  {FieldStatus::invalid, "invalid"},
                                                  {FieldStatus::missing, "missing"}}};
constexpr NameTable<Severity, 3> severity_names{
    {{Severity::error, "error"}, {Severity::warning, "warning"}, {Severity::info, "info"}}};

template <class Enum, std::size_t N>
std::string_view lookup_name(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> lookup_value(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [e, n] : table)
    if (n == name) return e;
  return std::nullopt;
}

}  // namespace

std::string_view name_of(FormKind kind) { return lookup_name(form_names, kind); }
std::string_view name_of(Round round) { return lookup_name(round_names, round); }
std::string_view name_of(Channel channel) { return lookup_name(channel_names, channel); }
std::string_view name_of(FieldStatus status) { return lookup_name(status_names, status); }
std::string_view name_of(Severity severity) { return lookup_name(severity_names, severity); }

std::optional<FormKind> form_kind_from(std::string_view name) { return lookup_value(form_names, name); }
std::optional<Round> round_from(std::string_view name) { return lookup_value(round_names, name); }
std::optional<Channel> channel_from(std::string_view name) { return lookup_value(channel_names, name); }
std::optional<FieldStatus> field_status_from(std::string_view name) { return lookup_value(status_names, name); }
std::optional<Severity> severity_from(std::string_view name) { return lookup_value(severity_names, name); }

}  // namespace intake
