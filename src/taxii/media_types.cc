#include "taxii/media_types.h"

#include <strings.h>

#include <optional>
#include <string>

namespace kenes::taxii {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool SameText(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// One media type or range with the parameters TAXII cares about.
struct MediaRange {
  std::string_view type;  // "application/taxii+json", "*/*"
  std::optional<std::string_view> version;
  bool refused = false;  // q=0
};

// Parses "type/subtype; version=2.1; q=0.5"; quotes around a parameter value are dropped.
MediaRange ParseMediaRange(std::string_view text) {
  MediaRange range;
  size_t semicolon = text.find(';');
  range.type = Trim(text.substr(0, semicolon));
  while (semicolon != std::string_view::npos) {
    text.remove_prefix(semicolon + 1);
    semicolon = text.find(';');
    std::string_view parameter = Trim(text.substr(0, semicolon));
    size_t equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    std::string_view name = Trim(parameter.substr(0, equals));
    std::string_view value = Trim(parameter.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (SameText(name, "version")) range.version = value;
    if (SameText(name, "q")) range.refused = value.find_first_not_of("0.") == std::string_view::npos;
  }
  return range;
}

bool IsTaxiiJson(const MediaRange& range) {
  return SameText(range.type, "application/taxii+json") && (!range.version || *range.version == "2.1");
}

}  // namespace

bool AcceptsTaxii(std::string_view accept) {
  if (Trim(accept).empty()) return true;
  while (true) {
    size_t comma = accept.find(',');
    MediaRange range = ParseMediaRange(accept.substr(0, comma));
    if (!range.refused && (IsTaxiiJson(range) || range.type == "*/*" || SameText(range.type, "application/*"))) {
      return true;
    }
    if (comma == std::string_view::npos) return false;
    accept.remove_prefix(comma + 1);
  }
}

bool IsTaxiiContentType(std::string_view content_type) { return IsTaxiiJson(ParseMediaRange(content_type)); }

}  // namespace kenes::taxii
