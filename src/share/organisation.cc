#include "share/organisation.h"

#include <fmt/format.h>

namespace kenes::share {
namespace {

// The 249 officially assigned ISO 3166-1 alpha-2 codes, two letters each, sorted
// (from Debian's iso-codes 4.15), so membership is a binary search.
constexpr std::string_view kAssignedCodes =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCR"
    "CUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU"
    "IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ"
    "MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI"
    "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

bool IsAssigned(std::string_view country) {
  size_t low = 0;
  size_t high = kAssignedCodes.size() / 2;
  while (low < high) {
    size_t middle = (low + high) / 2;
    std::string_view candidate = kAssignedCodes.substr(middle * 2, 2);
    if (candidate == country) return true;
    if (candidate < country) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return false;
}

bool IsUserAssigned(std::string_view country) {
  char first = country[0];
  char second = country[1];
  return country == "AA" || country == "ZZ" || (first == 'Q' && second >= 'M') || first == 'X';
}

bool IsUpperLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsUpperLetter(c) || (c >= 'a' && c <= 'z'); }

}  // namespace

std::string_view StandingName(Standing standing) { return standing == Standing::kMember ? "member" : "partner"; }

std::optional<Standing> ParseStanding(std::string_view name) {
  if (name == "member") return Standing::kMember;
  if (name == "partner") return Standing::kPartner;
  return std::nullopt;
}

Status CheckCountryCode(std::string_view country) {
  if (country.empty()) return Status::Ok();
  if (country.size() == 2 && IsUpperLetter(country[0]) && IsUpperLetter(country[1]) &&
      (IsAssigned(country) || country == "EU" || IsUserAssigned(country))) {
    return Status::Ok();
  }
  return Status::InvalidArgument(fmt::format(
      "'{}' is not an ISO 3166-1 alpha-2 country code (two upper-case letters such as KZ; EU and the "
      "user-assigned codes AA, QM-QZ, XA-XZ, ZZ are also accepted; leave it empty for a body that is no country)",
      country));
}

Status CheckOrganisationCode(std::string_view code) {
  bool valid = !code.empty() && code.size() <= 32 && IsLetter(code[0]);
  for (char c : code) {
    if (!IsLetter(c) && !(c >= '0' && c <= '9') && c != '-') valid = false;
  }
  if (valid) return Status::Ok();
  return Status::InvalidArgument(fmt::format(
      "'{}' is not an organisation code: use 1-32 letters, digits or '-', starting with a letter (e.g. KZ-FIN)", code));
}

}  // namespace kenes::share
