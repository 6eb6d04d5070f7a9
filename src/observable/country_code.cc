#include "observable/country_code.h"

#include <unicode/uloc.h>

#include <cstring>

#include "observable/ascii_text.h"

namespace kenes::observable {

Result<std::string> NormaliseCountryCode(std::string_view text, std::string_view what) {
  std::string code = AsciiUpper(TrimWhitespace(text));
  if (code.size() == 2) {
    for (const char* const* country = uloc_getISOCountries(); *country != nullptr; ++country) {
      if (std::strcmp(*country, code.c_str()) == 0) return code;
    }
  }
  return Status::InvalidArgument(QuoteForMessage(text) + " is not an ISO 3166-1 alpha-2 country code (" +
                                 std::string(what) + ", e.g. KZ)");
}

}  // namespace kenes::observable
