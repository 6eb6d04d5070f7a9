// Reader: turns bytes from producers into STIX objects, one at a time.
//
// Accepted inputs: a single object, a bundle (2.0 or 2.1), a JSON array of
// objects or bundles, and newline-delimited objects (NDJSON). Each object is
// handed over with its parsed form and its original text, byte for byte, so
// the store keeps exactly what the producer sent.
//
// NDJSON is streamed in fixed-size chunks, so memory does not grow with the
// input; a bundle or array is one JSON document and is read whole.
// A reader is not thread-safe; use one per thread.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "base/status.h"
#include "stix/object.h"

namespace kenes::stix {

// One object found in the input, or one part of the input that is not one.
struct ReadItem {
  size_t index = 0;             // 0-based position among the items of this input
  size_t line = 0;              // 1-based line for NDJSON input, 0 otherwise
  std::string_view text;        // the object's original JSON text; valid during the callback only
  simdjson::dom::element json;  // the parsed object, when status is OK
  bool in_bundle = false;       // came from a bundle's "objects"
  std::string bundle_spec_version;  // "2.0" when the enclosing bundle declared it
  Status status;                // why this part could not be read as an object
};

// Called for every item, in input order. `bundle` is called once per bundle
// before its objects, with the bundle itself parsed (for envelope checks).
struct ReadCallbacks {
  std::function<void(ReadItem& item)> object;
  std::function<void(simdjson::dom::element bundle, std::string_view text)> bundle;
  std::function<void(size_t bytes_read)> progress;
};

class Reader {
 public:
  // Reads everything from `file` (a regular file, a pipe or stdin).
  // Returns a non-OK Status only when the input itself cannot be read or is
  // not JSON at all; problems with single objects go to callbacks.object.
  Status ReadFile(std::FILE* file, const ReadCallbacks& callbacks);

  // Reads an in-memory buffer.
  Status ReadBuffer(std::string_view bytes, const ReadCallbacks& callbacks);

 private:
  // True when `head`, the start of the input, is newline-delimited objects.
  bool LooksLikeNdjson(std::string_view head);
  Status ReadDocument(std::string_view document, const ReadCallbacks& callbacks);
  Status ReadNdjsonChunk(std::string_view chunk, const ReadCallbacks& callbacks);
  void EmitObject(std::string_view text, size_t line, bool in_bundle, std::string_view bundle_spec_version,
                  const ReadCallbacks& callbacks);

  simdjson::dom::parser document_parser_;
  simdjson::dom::parser object_parser_;
  simdjson::padded_string line_buffer_;
  size_t next_index_ = 0;
  size_t next_line_ = 1;
};

// The summary Kenes keeps of an object (id, type, version, author, markings)
// next to `text`. Fails when the object lacks a string id or type; full
// validation is the validator's job.
Result<Object> ObjectFromJson(simdjson::dom::element json, std::string_view text,
                              std::string_view default_spec_version = "2.1");

}  // namespace kenes::stix
