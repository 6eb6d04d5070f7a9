#include "assist/version_writer.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "base/json_text.h"
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

  Status refusal;  // why the sharing rules refused the object
  std::optional<Timestamp> version;
  ingest::ImportOptions options;
  options.batch_size = 1;
  options.on_batch = on_batch_;
  options.label = [&](stix::Object& object) -> Result<store::AccessLabel> {
    Result<store::AccessLabel> label = labeller(object);
    if (label.ok()) {
      version = object.VersionTimestamp();
    } else {
      refusal = label.status();
    }
    return label;
  };
  std::string problem;  // the importer's first error
  ingest::Importer importer(&store_, options, [&problem](const ingest::ImportMessage& message) {
    if (message.is_error && problem.empty()) problem = message.text;
  });
  KENES_RETURN_IF_ERROR(importer.ImportBuffer(text, id));
  KENES_RETURN_IF_ERROR(importer.Finish());
  KENES_RETURN_IF_ERROR(refusal);
  const ingest::ImportTotals& totals = importer.totals();
  if (totals.invalid > 0) return Status::InvalidArgument(problem);
  if (totals.refused > 0) return Status::AlreadyExists(problem);
  if (totals.stored + totals.duplicates != 1 || !version) {
    return Status::Internal(fmt::format("{} was neither stored nor refused", id));
  }
  return store_.Version(id, version, nullptr);
}

}  // namespace kenes::assist
