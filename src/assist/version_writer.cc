#include "assist/version_writer.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "base/json_text.h"
#include "ingest/single_write.h"
#include "ingest/single_write.h"
#include "share/write_labeller.h"

namespace kenes::assist {

Result<std::string> WithMembers(std::string_view json, const Members& set) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(simdjson::padded_string(json)).get(object) != simdjson::SUCCESS) {
    return Status::Corruption("a stored object is not a JSON object");
  }
  std::string out = "{";
  auto member = [&out](std::string_view name, std::string_view value) {
    if (out.size() > 1) out += ',';
    AppendJsonString(out, name);
    out += ':';
    out += value;
  };
  for (auto [key, value] : object) {
    auto replaced = std::find_if(set.begin(), set.end(), [key = key](const auto& pair) { return pair.first == key; });
    member(key, replaced != set.end() ? std::string_view(replaced->second) : std::string_view(simdjson::minify(value)));
  }
  for (const auto& [name, value] : set) {
    if (object[name].error() == simdjson::NO_SUCH_FIELD) member(name, value);
  }
  out += '}';
  return out;
}

Result<store::StoredVersion> VersionWriter::Write(const share::Principal& principal, std::string_view id,
                                                  std::string_view text, const Sharing& sharing,
                                                  const share::Distribution& default_distribution) {
  KENES_ASSIGN_OR_RETURN(
      share::LabelDefaults defaults,
      share::DefaultsFor(community_, principal, sharing.distribution.value_or(default_distribution)));
  if (sharing.tlp) defaults.tlp = *sharing.tlp;
  defaults.author = principal.organisation;
  KENES_ASSIGN_OR_RETURN(share::WriteLabel labeller, share::WriteLabeller(store_, community_, principal, defaults));

  ingest::SingleWriteResult written = ingest::WriteSingle(store_, text, id, labeller, on_batch_);
  KENES_RETURN_IF_ERROR(written.status);
  return store_.Version(id, written.version, nullptr);
}

}  // namespace kenes::assist
