#include "observable/email_address.h"

#include "observable/ascii_text.h"
#include "observable/domain_name.h"

namespace kenes::observable {
namespace {

// RFC 5322 atext plus '.', the characters of an unquoted local part; UTF-8
// (RFC 6531) is allowed as well.
bool IsLocalPartCharacter(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~.";
  return IsAsciiAlnum(c) || kSpecials.find(c) != std::string_view::npos || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

Result<std::string> NormaliseEmailAddress(std::string_view text) {
  std::string_view address = TrimWhitespace(text);
  size_t at = address.rfind('@');
  if (at == std::string_view::npos) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not an email address: it has no '@'");
  }
  std::string_view local = address.substr(0, at);
  if (local.empty() || local.size() > 64) {
    return Status::InvalidArgument(QuoteForMessage(text) +
                                   " is not an email address: the part before '@' must be "
                                   "1-64 characters");
  }
  bool dots_well_placed = local.front() != '.' && local.back() != '.' && local.find("..") == std::string_view::npos;
  for (char c : local) {
    if (!IsLocalPartCharacter(c) || !dots_well_placed) {
      return Status::InvalidArgument(QuoteForMessage(text) +
                                     " is not a plain email address (no spaces, quotes, angle brackets or "
                                     "misplaced dots before the '@')");
    }
  }
  KENES_ASSIGN_OR_RETURN(std::string domain, NormaliseDomainName(address.substr(at + 1)));
  return AsciiLower(local) + "@" + domain;
}

}  // namespace kenes::observable
