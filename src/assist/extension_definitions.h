// The STIX extension-definition objects of Kenes' assistance types
// (assistance-request, assistance-offer), as shipped in
// src/assist/definitions/*.json and compiled in, so a node can store and
// share them and its partners' tools can learn the types.
//
// Constant data; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace kenes::assist {

// The JSON text of each definition, in file-name order.
std::span<const std::string_view> ExtensionDefinitionTexts();

}  // namespace kenes::assist
