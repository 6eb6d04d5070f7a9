#include "observable/domain_name.h"

#include <unicode/uidna.h>

#include <memory>

#include "observable/ascii_text.h"

namespace kenes::observable {
namespace {

struct IdnaCloser {
  void operator()(UIDNA* idna) const { uidna_close(idna); }
};

// One immutable UTS #46 instance; ICU documents uidna_nameToASCII_UTF8 as
// safe to call concurrently on a shared instance.
const UIDNA* Uts46() {
  static const std::unique_ptr<UIDNA, IdnaCloser> kInstance = [] {
    UErrorCode error = U_ZERO_ERROR;
    UIDNA* idna = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &error);
    return std::unique_ptr<UIDNA, IdnaCloser>(U_SUCCESS(error) ? idna : nullptr);
  }();
  return kInstance.get();
}

// What each UTS #46 error bit means, for messages.
std::string DescribeIdnaErrors(uint32_t errors) {
  static constexpr std::pair<uint32_t, std::string_view> kMeanings[] = {
      {UIDNA_ERROR_EMPTY_LABEL, "an empty label"},
      {UIDNA_ERROR_LABEL_TOO_LONG, "a label longer than 63 bytes"},
      {UIDNA_ERROR_DOMAIN_NAME_TOO_LONG, "more than 253 bytes"},
      {UIDNA_ERROR_LEADING_HYPHEN, "a label starting with a hyphen"},
      {UIDNA_ERROR_TRAILING_HYPHEN, "a label ending with a hyphen"},
      {UIDNA_ERROR_LEADING_COMBINING_MARK, "a label starting with a combining mark"},
      {UIDNA_ERROR_DISALLOWED, "a character not allowed in domain names"},
      {UIDNA_ERROR_PUNYCODE, "an invalid xn-- (Punycode) label"},
      {UIDNA_ERROR_LABEL_HAS_DOT, "a dot inside a label"},
      {UIDNA_ERROR_INVALID_ACE_LABEL, "an xn-- label that does not decode to a valid Unicode label"},
      {UIDNA_ERROR_BIDI, "mixed right-to-left and left-to-right text"},
      {UIDNA_ERROR_CONTEXTJ, "a misplaced zero-width joiner"},
      {UIDNA_ERROR_CONTEXTO_PUNCTUATION, "misplaced punctuation"},
      {UIDNA_ERROR_CONTEXTO_DIGITS, "mixed Arabic-Indic digit sets"},
  };
  std::string out;
  for (const auto& [bit, meaning] : kMeanings) {
    if ((errors & bit) == 0) continue;
    if (!out.empty()) out += ", ";
    out += meaning;
  }
  return out;
}

}  // namespace

Result<std::string> NormaliseDomainName(std::string_view text) {
  std::string_view name = TrimWhitespace(text);
  if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);
  if (name.empty()) return Status::InvalidArgument("a domain name must not be empty");
  // A valid name has at most 253 bytes in ASCII; its Unicode form may be a
  // few times longer, and UTS #46 drops some characters, but never this many.
  constexpr size_t kLongestInput = 4096;
  if (name.size() > kLongestInput) return Status::InvalidArgument("a domain name has at most 253 characters");
  const UIDNA* idna = Uts46();
  if (idna == nullptr) return Status::Internal("ICU could not open its UTS #46 IDNA mapping");
  // UTS #46 may expand the name (ß -> ss, Punycode); 4x plus room covers it.
  std::string out(name.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = uidna_nameToASCII_UTF8(idna, name.data(), static_cast<int32_t>(name.size()), out.data(),
                                          static_cast<int32_t>(out.size()), &info, &error);
  if (U_FAILURE(error)) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not a domain name (" + u_errorName(error) + ")");
  }
  out.resize(static_cast<size_t>(length));
  // Hyphens in positions 3-4 of a label that is not xn-- are used by real
  // names; UTS #46 flags them only because IDNA 2008 reserves the form.
  uint32_t errors = info.errors & ~static_cast<uint32_t>(UIDNA_ERROR_HYPHEN_3_4);
  if (errors != 0) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not a valid domain name: it has " +
                                   DescribeIdnaErrors(errors));
  }
  for (char c : out) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '.' && c != '_') {
      return Status::InvalidArgument(QuoteForMessage(text) + " has a character that cannot be in a domain name");
    }
  }
  return out;
}

}  // namespace kenes::observable
