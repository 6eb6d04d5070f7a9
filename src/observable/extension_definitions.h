// The STIX extension-definition objects of Kenes' own SCO types, as shipped
// in src/observable/definitions/*.json and compiled in, so a node can store
// and share them and its partners' tools can learn the types.
//
// Constant data; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace kenes::observable {

// The JSON text of each definition, in file-name order.
std::span<const std::string_view> ExtensionDefinitionTexts();

}  // namespace kenes::observable
