// IBANs (ISO 13616): the canonical text of bank-account iban values, and
// BICs (ISO 9362) beside them.
//
// An IBAN is upper-cased without spaces ("kz86 125k zt50 0410 0100" ->
// "KZ86125KZT5004100100") and checked three ways, each failure a distinct
// message: the country is one of the IBAN registry's, the length is that
// country's, and the check digits pass ISO 7064 mod 97-10. Kazakhstan is the
// one member state with IBANs (20 characters); Kyrgyz, Tajik, Turkmen,
// Uzbek and Afghan accounts have none and travel as account numbers.
// Countries and lengths are those of the SWIFT IBAN registry (2024).
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// InvalidArgument, saying what is wrong, for anything but a valid IBAN.
Result<std::string> NormaliseIban(std::string_view text);

// A BIC upper-cased without spaces; "XXX", the primary office's branch
// code, is dropped so both spellings of an institution's BIC are one.
// InvalidArgument unless 4 letters (institution), 2 letters (country), 2
// letters or digits (location) and optionally 3 (branch).
Result<std::string> NormaliseBic(std::string_view text);

// The account number as given, without spaces and hyphens and upper-cased;
// InvalidArgument when it is empty or holds anything but letters and digits.
Result<std::string> NormaliseAccountNumber(std::string_view text);

}  // namespace kenes::observable
