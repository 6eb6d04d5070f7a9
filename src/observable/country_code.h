// ISO 3166-1 alpha-2 country codes, for the countries of plates and
// identity documents. The list is ICU's (uloc_getISOCountries), so it
// follows ISO without a table of our own to keep up to date.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// The code upper-cased ("kz" -> "KZ"); InvalidArgument, naming `what`, when it
// is not an assigned ISO 3166-1 alpha-2 code.
Result<std::string> NormaliseCountryCode(std::string_view text, std::string_view what);

}  // namespace kenes::observable
