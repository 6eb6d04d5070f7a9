#include "observable/iban.h"

#include <algorithm>

#include "observable/ascii_text.h"

namespace kenes::observable {
namespace {

struct IbanCountry {
  std::string_view country;
  size_t length;
};

// The SWIFT IBAN registry (2024), sorted by country for binary search.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
    {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
    {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19},
    {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23},
    {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

const IbanCountry* FindIbanCountry(std::string_view country) {
  auto found = std::lower_bound(std::begin(kIbanCountries), std::end(kIbanCountries), country,
                                [](const IbanCountry& entry, std::string_view key) { return entry.country < key; });
  return found != std::end(kIbanCountries) && found->country == country ? found : nullptr;
}

// `text` upper-cased without the spaces and hyphens people group it with;
// an error when anything else but letters and digits remains.
Result<std::string> Compact(std::string_view text, std::string_view what) {
  std::string out;
  for (char c : TrimWhitespace(text)) {
    if (c == ' ' || c == '-') continue;
    if (!IsAsciiAlnum(c)) {
      return Status::InvalidArgument(QuoteForMessage(text) + " is not " + std::string(what) +
                                     ": only Latin letters and digits belong in it");
    }
    out += ToAsciiUpper(c);
  }
  if (out.empty()) return Status::InvalidArgument(std::string(what) + " must not be empty");
  return out;
}

// ISO 7064 mod 97-10 over the IBAN with its first four characters moved to
// the end and letters read as 10-35, computed digit by digit.
int Mod97(std::string_view iban) {
  int remainder = 0;
  auto feed = [&remainder](char c) {
    int value = IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  };
  for (char c : iban.substr(4)) feed(c);
  for (char c : iban.substr(0, 4)) feed(c);
  return remainder;
}

}  // namespace

Result<std::string> NormaliseIban(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(std::string iban, Compact(text, "an IBAN"));
  if (iban.size() < 4 || !IsAsciiUpper(iban[0]) || !IsAsciiUpper(iban[1]) || !IsAsciiDigit(iban[2]) ||
      !IsAsciiDigit(iban[3])) {
    return Status::InvalidArgument(QuoteForMessage(text) +
                                   " is not an IBAN: it starts with a country code and two check digits");
  }
  const IbanCountry* country = FindIbanCountry(std::string_view(iban).substr(0, 2));
  if (country == nullptr) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not an IBAN: " + iban.substr(0, 2) +
                                   " does not issue IBANs (give the number as account_number)");
  }
  if (iban.size() != country->length) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not a valid IBAN: " + iban.substr(0, 2) +
                                   " IBANs have " + std::to_string(country->length) + " characters, not " +
                                   std::to_string(iban.size()));
  }
  if (Mod97(iban) != 1) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not a valid IBAN: its check digits " +
                                   iban.substr(2, 2) + " do not match (a mistyped character?)");
  }
  return iban;
}

Result<std::string> NormaliseBic(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(std::string bic, Compact(text, "a BIC"));
  bool valid = bic.size() == 8 || bic.size() == 11;
  for (size_t i = 0; valid && i < 6; ++i) valid = IsAsciiUpper(bic[i]);
  if (!valid) {
    return Status::InvalidArgument(QuoteForMessage(text) +
                                   " is not a BIC: 4 letters for the institution, 2 for the country, 2 letters or "
                                   "digits for the location and optionally 3 for the branch");
  }
  if (bic.size() == 11 && bic.substr(8) == "XXX") bic.resize(8);
  return bic;
}

Result<std::string> NormaliseAccountNumber(std::string_view text) { return Compact(text, "an account number"); }

}  // namespace kenes::observable
