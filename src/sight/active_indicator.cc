#include "sight/active_indicator.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "pattern/pattern.h"

namespace kenes::sight {
namespace {

// The root of `pattern` without the parentheses around it.
const pattern::ObservationExpression& Unwrapped(const pattern::Pattern& pattern) {
  const pattern::ObservationExpression* root = &pattern.root;
  while (root->kind == pattern::ObservationExpressionKind::kGroup && root->qualifiers.empty() &&
         root->operands.size() == 1) {
    root = &root->operands.front();
  }
  return *root;
}

bool NeedsContext(const pattern::Pattern& pattern) {
  const pattern::ObservationExpression& root = Unwrapped(pattern);
  if (root.kind != pattern::ObservationExpressionKind::kObservation) return true;
  for (const pattern::Qualifier& qualifier : root.qualifiers) {
    if (qualifier.kind == pattern::QualifierKind::kRepeats) return true;
  }
  return false;
}

std::optional<double> WithinOf(const pattern::Pattern& pattern) {
  for (const pattern::Qualifier& qualifier : Unwrapped(pattern).qualifiers) {
    if (qualifier.kind == pattern::QualifierKind::kWithin) return qualifier.seconds;
  }
  return std::nullopt;
}

std::optional<Timestamp> TimestampMember(simdjson::dom::element object, const char* name) {
  std::string_view text;
  if (object[name].get(text) != simdjson::SUCCESS) return std::nullopt;
  return ParseTimestamp(text);
}

}  // namespace

bool ActiveIndicator::InForceAt(const Timestamp& now) const {
  return (!valid_from || *valid_from <= now) && (!valid_until || now < *valid_until);
}

Result<std::optional<ActiveIndicator>> ReadIndicator(std::string_view json, std::string_view spec_version,
                                                     IndicatorOrigin origin, const Timestamp& now) {
  simdjson::dom::parser parser;
  simdjson::dom::element object;
  if (parser.parse(json.data(), json.size()).get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument("the indicator is not JSON");
  }
  std::string_view id, pattern_text, pattern_type = "stix";
  bool revoked = false;
  if (object["id"].get(id) != simdjson::SUCCESS || object["pattern"].get(pattern_text) != simdjson::SUCCESS) {
    return Status::InvalidArgument("an indicator needs an id and a pattern");
  }
  if (object["pattern_type"].get(pattern_type) != simdjson::SUCCESS) pattern_type = "stix";  // 2.0 has none
  if (object["revoked"].get(revoked) != simdjson::SUCCESS) revoked = false;
  std::optional<Timestamp> version = TimestampMember(object, "modified");
  if (!version) version = TimestampMember(object, "created");
  if (!version) return Status::InvalidArgument(fmt::format("{}: no modified or created", id));
  std::optional<Timestamp> valid_until = TimestampMember(object, "valid_until");
  if (revoked || pattern_type != "stix" || (valid_until && *valid_until <= now)) {
    return std::optional<ActiveIndicator>();
  }

  const pattern::StixVersion dialect = spec_version == "2.0" ? pattern::StixVersion::k20 : pattern::StixVersion::k21;
  Result<pattern::Pattern> parsed = pattern::Parse(pattern_text, dialect);
  if (!parsed.ok()) return Status::InvalidArgument(fmt::format("{}: pattern: {}", id, parsed.status().message()));
  const bool needs_context = NeedsContext(*parsed);
  const std::optional<double> within = WithinOf(*parsed);
  Result<pattern::Matcher> matcher = pattern::Matcher::Create(std::move(parsed).value());
  if (!matcher.ok()) return Status::InvalidArgument(fmt::format("{}: pattern: {}", id, matcher.status().message()));
  return std::optional<ActiveIndicator>(ActiveIndicator{
      std::string(id), *version, std::move(origin.author), origin.tlp, std::move(origin.label),
      TimestampMember(object, "valid_from"), valid_until, needs_context, within, std::move(matcher).value()});
}

}  // namespace kenes::sight
