// ObjectJson: what the REST API reads from stored objects' JSON text, and
// how it writes stored versions into responses.
//
// A stored version appears in responses as an entry:
//   {"object": <the STIX object, byte for byte as stored>, "date_added": "...", "tlp": "amber"}
// with "tlp" the strictest TLP level its markings name, in the spelling the
// API accepts ("clear", "green", "amber", "amber+strict", "red"), or null.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "share/marking.h"
#include "store/store.h"

namespace kenes::rest {

// Whether `id` is "type--" followed by an RFC 4122 UUID, as STIX 2.1 section 2.9 says.
bool IsStixId(std::string_view id);
// Whether `type` is 3-250 characters of a-z, 0-9 and '-' (STIX 2.1 section 3.1).
bool IsTypeName(std::string_view type);

struct Reference {
  std::string property;  // "target_ref", "object_refs", ...
  std::string id;
};

// The ids `json` (one object's text) names in its top-level *_ref and *_refs
// properties, in order, leaving out created_by_ref and object_marking_refs
// as the store's ReferencedBy does. Empty for text that does not parse.
std::vector<Reference> ReferencesOf(std::string_view json);

// The string property `name` of the object `json`; empty when absent or not a string.
std::string StringProperty(std::string_view json, std::string_view name);

// The strictest TLP level `version`'s markings name.
std::optional<share::Tlp> TlpOf(const store::StoredVersion& version);

// "clear", "green", "amber", "amber+strict", "red".
std::string TlpParameterName(share::Tlp tlp);

// Appends `version` as an entry (above).
void AppendEntry(std::string& out, const store::StoredVersion& version);
// The members of the entry alone, for an object that says more about the version.
void AppendEntryMembers(std::string& out, const store::StoredVersion& version);

// Appends the TLP of `version` as a JSON string, or null.
void AppendTlp(std::string& out, const store::StoredVersion& version);

}  // namespace kenes::rest
