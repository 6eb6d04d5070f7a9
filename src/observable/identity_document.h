// Identity documents: the canonical number and kind of an
// identity-document, so that a passport number typed "n 1234 5678" by one
// border service and "N12345678" by another is one key. Numbers are folded
// like plates (latin_fold.h: Cyrillic look-alikes to Latin, upper case,
// separators removed) and have 3-20 characters; the kind is one of a small
// closed vocabulary, since a number is only unique within its kind and
// issuing country.
//
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// passport, national-id-card, residence-permit, driving-licence,
// travel-document, seafarer-identity-document, military-id, birth-certificate,
// other.
std::span<const std::string_view> DocumentKinds();

// InvalidArgument, saying what is wrong, for text that is not a document number.
Result<std::string> NormaliseDocumentNumber(std::string_view text);

// The kind lower-cased; InvalidArgument, listing DocumentKinds(), when it
// is not one of them.
Result<std::string> NormaliseDocumentKind(std::string_view text);

}  // namespace kenes::observable
