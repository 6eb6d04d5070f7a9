#include "observable/identity_document.h"

#include <algorithm>

#include "observable/ascii_text.h"
#include "observable/latin_fold.h"

namespace kenes::observable {
namespace {

constexpr std::string_view kDocumentKinds[] = {"passport",        "national-id-card",  "residence-permit",
                                               "driving-licence", "travel-document",   "seafarer-identity-document",
                                               "military-id",     "birth-certificate", "other"};

constexpr size_t kMinimumNumberLength = 3;
constexpr size_t kMaximumNumberLength = 20;

}  // namespace

std::span<const std::string_view> DocumentKinds() { return kDocumentKinds; }

Result<std::string> NormaliseDocumentNumber(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(std::string number, FoldToLatinIdentifier(text, "a document number"));
  size_t characters = CountCharacters(number);
  if (characters < kMinimumNumberLength || characters > kMaximumNumberLength) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not a document number: it must have " +
                                   std::to_string(kMinimumNumberLength) + "-" + std::to_string(kMaximumNumberLength) +
                                   " letters and digits");
  }
  return number;
}

Result<std::string> NormaliseDocumentKind(std::string_view text) {
  std::string kind = AsciiLower(TrimWhitespace(text));
  if (std::find(std::begin(kDocumentKinds), std::end(kDocumentKinds), kind) != std::end(kDocumentKinds)) return kind;
  std::string known;
  for (std::string_view each : kDocumentKinds) known += (known.empty() ? "" : ", ") + std::string(each);
  return Status::InvalidArgument(QuoteForMessage(text) + " is not a document kind; use one of " + known);
}

}  // namespace kenes::observable
