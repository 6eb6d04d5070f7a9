#include "demo/object_writer.h"

#include <cstdio>
#include <cstdlib>

#include "base/timestamp.h"
#include "stix/sco_id.h"

namespace kenes::demo {

stix::JsonObjectBuilder ObjectWriter::Begin(std::string& out, std::string_view type, std::string& id,
                                            const Authoring& authoring) {
  id.assign(type);
  id += "--";
  id += random_.UuidV4();
  return BeginWithId(out, type, id, authoring);
}

stix::JsonObjectBuilder ObjectWriter::BeginWithId(std::string& out, std::string_view type, std::string_view id,
                                                  const Authoring& authoring) {
  stix::JsonObjectBuilder builder(out);
  builder.String("type", type).String("spec_version", "2.1").String("id", id);
  if (!authoring.author.empty()) builder.String("created_by_ref", authoring.author);
  builder.String("created", TimeText(authoring.created_ms)).String("modified", TimeText(authoring.modified_ms));
  if (!authoring.marking.empty()) builder.StringList("object_marking_refs", {authoring.marking});
  return builder;
}

stix::JsonObjectBuilder ObjectWriter::BeginObservable(std::string& out, std::string_view type) {
  stix::JsonObjectBuilder builder(out);
  builder.String("type", type).String("spec_version", "2.1");
  return builder;
}

void ObjectWriter::FinishObservable(stix::JsonObjectBuilder& builder, std::string& out, std::string& id) {
  builder.Finish();
  // simdjson reads in place when the string has room for its padding.
  out.reserve(out.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element element;
  Result<std::string> sco_id = Status::Internal("unparsed");
  if (parser_.parse(out).get(element) == simdjson::SUCCESS) sco_id = stix::ScoId(element);
  if (!sco_id.ok()) {
    // The demo writes every observable itself: failing here is a bug in it.
    std::fprintf(stderr, "demo: cannot identify observable %s: %s\n", out.c_str(), sco_id.status().ToString().c_str());
    std::abort();
  }
  id = std::move(sco_id).value();
  size_t after_spec_version = out.find(",\"spec_version\":\"2.1\"") + sizeof(",\"spec_version\":\"2.1\"") - 1;
  out.insert(after_spec_version, ",\"id\":\"" + id + "\"");
}

std::string ObjectWriter::TimeText(int64_t milliseconds) {
  Timestamp timestamp;
  timestamp.seconds = milliseconds / 1000;
  timestamp.nanoseconds = static_cast<int32_t>(milliseconds % 1000) * 1'000'000;
  return FormatTimestamp(timestamp, 3);
}

}  // namespace kenes::demo
