#include "stix/reader.h"

#include <cstring>
#include <vector>

#include "base/timestamp.h"

namespace kenes::stix {
namespace {

namespace dom = simdjson::dom;
namespace ondemand = simdjson::ondemand;

constexpr size_t kChunkBytes = 8 << 20;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsJsonSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsJsonSpace(text.back())) text.remove_suffix(1);
  return text;
}

Status ParseError(std::string_view what, simdjson::error_code error) {
  return Status::InvalidArgument(std::string(what) + ": " + simdjson::error_message(error));
}

bool IsBundle(dom::element element) {
  std::string_view type;
  return element.is_object() && element["type"].get(type) == simdjson::SUCCESS && type == "bundle";
}

// The original texts of the objects of a JSON array, in order, as ondemand
// sees them: the DOM parser, which validates, does not keep source positions.
Status CollectArrayTexts(ondemand::array array, std::vector<std::string_view>& texts) {
  for (auto element : array) {
    ondemand::value value;
    if (auto error = element.get(value)) return ParseError("unreadable array element", error);
    ondemand::json_type type;
    if (auto error = value.type().get(type)) return ParseError("unreadable array element", error);
    if (type == ondemand::json_type::object) {
      ondemand::object object;
      std::string_view text;
      if (auto error = value.get_object().get(object)) return ParseError("unreadable object", error);
      if (auto error = object.raw_json().get(text)) return ParseError("unreadable object", error);
      texts.push_back(text);
    } else {
      texts.push_back(Trim(value.raw_json_token()));
    }
  }
  return Status::Ok();
}

}  // namespace

bool Reader::LooksLikeNdjson(std::string_view head) {
  // NDJSON when the first line alone is a whole JSON object and more follows
  // it; a pretty-printed document's first line is never a whole object.
  const size_t newline = head.find('\n');
  if (head.empty() || head.front() != '{' || newline == std::string_view::npos) return false;
  const std::string_view first_line = Trim(head.substr(0, newline));
  dom::element ignored;
  return object_parser_.parse(first_line.data(), first_line.size(), true).get(ignored) == simdjson::SUCCESS &&
         !Trim(head.substr(newline)).empty();
}

Status Reader::ReadBuffer(std::string_view bytes, const ReadCallbacks& callbacks) {
  std::string_view trimmed = Trim(bytes);
  if (trimmed.empty()) return Status::InvalidArgument("input is empty");
  if (LooksLikeNdjson(trimmed)) return ReadNdjsonChunk(bytes, callbacks);
  return ReadDocument(bytes, callbacks);
}

Status Reader::ReadFile(std::FILE* file, const ReadCallbacks& callbacks) {
  std::string buffer;
  size_t total_read = 0;
  auto read_more = [&]() -> size_t {
    size_t old_size = buffer.size();
    buffer.resize(old_size + kChunkBytes);
    size_t got = std::fread(buffer.data() + old_size, 1, kChunkBytes, file);
    buffer.resize(old_size + got);
    total_read += got;
    return got;
  };
  read_more();
  if (std::ferror(file)) return Status::IoError(std::string("cannot read input: ") + std::strerror(errno));

  // Decide the form from the first chunk, as ReadBuffer does, without reading everything.
  const bool ndjson = LooksLikeNdjson(Trim(buffer));
  if (!ndjson) {
    while (read_more() > 0) {
    }
    if (std::ferror(file)) return Status::IoError(std::string("cannot read input: ") + std::strerror(errno));
    Status status = ReadBuffer(buffer, callbacks);
    if (callbacks.progress) callbacks.progress(total_read);
    return status;
  }
  // Stream complete lines; keep the unfinished last line for the next chunk.
  for (;;) {
    bool at_end = std::feof(file);
    size_t cut = at_end ? buffer.size() : buffer.rfind('\n');
    if (cut != std::string::npos && cut > 0) {
      KENES_RETURN_IF_ERROR(ReadNdjsonChunk(std::string_view(buffer).substr(0, cut), callbacks));
      // The cut newline itself is consumed too; line numbering counted it in the chunk.
      size_t consumed = at_end ? buffer.size() : cut + 1;
      if (!at_end) ++next_line_;
      buffer.erase(0, consumed);
      if (callbacks.progress) callbacks.progress(total_read - buffer.size());
    }
    if (at_end) break;
    read_more();
    if (std::ferror(file)) return Status::IoError(std::string("cannot read input: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Status Reader::ReadNdjsonChunk(std::string_view chunk, const ReadCallbacks& callbacks) {
  size_t start = 0;
  while (start <= chunk.size()) {
    size_t end = chunk.find('\n', start);
    bool last = end == std::string_view::npos;
    if (last) end = chunk.size();
    std::string_view line = Trim(chunk.substr(start, end - start));
    if (!line.empty()) EmitObject(line, next_line_, false, "", callbacks);
    if (last) break;
    ++next_line_;
    start = end + 1;
  }
  return Status::Ok();
}

void Reader::EmitObject(std::string_view text, size_t line, bool in_bundle, std::string_view bundle_spec_version,
                        const ReadCallbacks& callbacks) {
  ReadItem item;
  item.index = next_index_++;
  item.line = line;
  item.text = text;
  item.in_bundle = in_bundle;
  item.bundle_spec_version = std::string(bundle_spec_version);
  if (auto error = object_parser_.parse(text.data(), text.size(), true).get(item.json)) {
    item.status = ParseError("malformed JSON", error);
  } else if (!item.json.is_object()) {
    item.status = Status::InvalidArgument("not a JSON object");
  }
  if (callbacks.object) callbacks.object(item);
}

Status Reader::ReadDocument(std::string_view document, const ReadCallbacks& callbacks) {
  simdjson::padded_string padded(document);
  dom::element root;
  if (auto error = document_parser_.parse(padded).get(root)) return ParseError("malformed JSON", error);

  // A bundle inside an array, or the root; each needs its objects' texts.
  ondemand::parser text_parser;
  ondemand::document text_document;
  if (auto error = text_parser.iterate(padded).get(text_document)) return ParseError("malformed JSON", error);

  auto read_bundle = [&](dom::element bundle, ondemand::object bundle_text, std::string_view bundle_raw) -> Status {
    if (callbacks.bundle) callbacks.bundle(bundle, bundle_raw);
    std::string_view spec_version;
    if (bundle["spec_version"].get(spec_version) != simdjson::SUCCESS) spec_version = "";
    dom::array objects;
    if (bundle["objects"].get(objects) != simdjson::SUCCESS) return Status::Ok();  // envelope checks report it
    ondemand::array objects_text;
    if (auto error = bundle_text.find_field_unordered("objects").get_array().get(objects_text)) {
      return ParseError("unreadable bundle objects", error);
    }
    std::vector<std::string_view> texts;
    KENES_RETURN_IF_ERROR(CollectArrayTexts(objects_text, texts));
    for (std::string_view text : texts) EmitObject(text, 0, true, spec_version, callbacks);
    return Status::Ok();
  };

  if (root.is_array()) {
    ondemand::array array_text;
    if (auto error = text_document.get_array().get(array_text)) return ParseError("malformed JSON", error);
    std::vector<std::string_view> texts;
    KENES_RETURN_IF_ERROR(CollectArrayTexts(array_text, texts));
    for (std::string_view text : texts) {
      dom::element element;
      if (!text.empty() && text.front() == '{' && object_parser_.parse(text.data(), text.size(), true).get(element) ==
                                                      simdjson::SUCCESS && IsBundle(element)) {
        // Bundles inside an array are rare; read each as a document of its own.
        Reader nested;
        nested.next_index_ = next_index_;
        KENES_RETURN_IF_ERROR(nested.ReadDocument(text, callbacks));
        next_index_ = nested.next_index_;
      } else {
        EmitObject(text, 0, false, "", callbacks);
      }
    }
    return Status::Ok();
  }
  if (!root.is_object()) return Status::InvalidArgument("input is neither a JSON object nor an array of objects");
  if (IsBundle(root)) {
    ondemand::object bundle_text;
    if (auto error = text_document.get_object().get(bundle_text)) return ParseError("malformed JSON", error);
    return read_bundle(root, bundle_text, Trim(document));
  }
  EmitObject(Trim(document), 0, false, "", callbacks);
  return Status::Ok();
}

Result<Object> ObjectFromJson(dom::element json, std::string_view text, std::string_view default_spec_version) {
  Object object;
  std::string_view value;
  if (json["id"].get(value) != simdjson::SUCCESS) return Status::InvalidArgument("object has no string \"id\"");
  object.id = value;
  if (json["type"].get(value) != simdjson::SUCCESS) {
    return Status::InvalidArgument(object.id + ": object has no string \"type\"");
  }
  object.type = value;
  object.spec_version = json["spec_version"].get(value) == simdjson::SUCCESS ? value : default_spec_version;
  if (json["created"].get(value) == simdjson::SUCCESS) object.created = ParseTimestamp(value);
  if (json["modified"].get(value) == simdjson::SUCCESS) object.modified = ParseTimestamp(value);
  if (json["created_by_ref"].get(value) == simdjson::SUCCESS) object.created_by_ref = value;
  bool revoked = false;
  if (json["revoked"].get(revoked) == simdjson::SUCCESS) object.revoked = revoked;
  dom::array markings;
  if (json["object_marking_refs"].get(markings) == simdjson::SUCCESS) {
    for (dom::element marking : markings) {
      if (marking.get(value) == simdjson::SUCCESS) object.object_marking_refs.emplace_back(value);
    }
  }
  object.json = text;
  return object;
}

}  // namespace kenes::stix
