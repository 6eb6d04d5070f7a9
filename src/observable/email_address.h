// Email addresses: the canonical text of email-addr values. The domain is
// normalised as a domain name (domain_name.h) and the local part is
// lower-cased: RFC 5321 lets a server treat it case-sensitively, but no
// mail system the councils deal with does, and one case-sensitive miss
// would hide a match where a thousand lower-cased hits do no harm. Quoted
// local parts and "display name <addr>" forms are refused: STIX's value is a
// bare addr-spec, and display_name holds the name.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// InvalidArgument, saying what is wrong, for text that is not local@domain.
Result<std::string> NormaliseEmailAddress(std::string_view text);

}  // namespace kenes::observable
