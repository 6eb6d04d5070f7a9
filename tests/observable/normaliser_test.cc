// Normaliser tests: every line of tests/observable/cases/normalise.tsv runs
// one normaliser on one input and checks its canonical text, or that it
// fails with a message containing the expected words.
//
// Columns, tab-separated: normaliser, input, context (the region of a phone
// number, the algorithm of a hash, the chain of a wallet, the kind of a key;
// "-" for none),
// expected (the canonical text, or "!" and words of the error message).
// Lines starting with '#' and empty lines are skipped.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "observable/country_code.h"
#include "observable/crypto_wallet.h"
#include "observable/domain_name.h"
#include "observable/email_address.h"
#include "observable/file_hash.h"
#include "observable/iban.h"
#include "observable/identity_document.h"
#include "observable/ip_address.h"
#include "observable/observable.h"
#include "observable/phone_number.h"
#include "observable/url.h"
#include "observable/vehicle_plate.h"

namespace kenes::observable {
namespace {

struct Case {
  int line = 0;
  std::string normaliser, input, context, expected;
};

using Normaliser = std::function<Result<std::string>(const std::string& input, const std::string& context)>;

template <typename Value>
Result<std::string> Joined(Result<Value> result, std::string Value::*first, std::string Value::*second) {
  if (!result.ok()) return result.status();
  return (*result).*first + ":" + (*result).*second;
}

const std::map<std::string, Normaliser>& Normalisers() {
  static const std::map<std::string, Normaliser> kNormalisers = {
      {"ipv4", [](const std::string& in, const std::string&) { return NormaliseIpv4(in); }},
      {"ipv6", [](const std::string& in, const std::string&) { return NormaliseIpv6(in); }},
      {"domain", [](const std::string& in, const std::string&) { return NormaliseDomainName(in); }},
      {"url", [](const std::string& in, const std::string&) { return NormaliseUrl(in); }},
      {"email", [](const std::string& in, const std::string&) { return NormaliseEmailAddress(in); }},
      {"hash",
       [](const std::string& in, const std::string& algorithm) {
         return Joined(NormaliseHash(algorithm, in), &NormalisedHash::algorithm, &NormalisedHash::value);
       }},
      {"phone", [](const std::string& in, const std::string& region) { return NormalisePhoneNumber(in, region); }},
      {"iban", [](const std::string& in, const std::string&) { return NormaliseIban(in); }},
      {"bic", [](const std::string& in, const std::string&) { return NormaliseBic(in); }},
      {"account", [](const std::string& in, const std::string&) { return NormaliseAccountNumber(in); }},
      {"wallet",
       [](const std::string& in, const std::string& chain) {
         return Joined(NormaliseWalletAddress(in, chain), &NormalisedWallet::chain, &NormalisedWallet::address);
       }},
      {"plate", [](const std::string& in, const std::string&) { return NormaliseVehiclePlate(in); }},
      {"vin", [](const std::string& in, const std::string&) { return NormaliseVin(in); }},
      {"document-number", [](const std::string& in, const std::string&) { return NormaliseDocumentNumber(in); }},
      {"document-kind", [](const std::string& in, const std::string&) { return NormaliseDocumentKind(in); }},
      {"country", [](const std::string& in, const std::string&) { return NormaliseCountryCode(in, "a country"); }},
      {"key",
       [](const std::string& in, const std::string& kind) {
         return Joined(KeyOfValue(kind, in), &CorrelationKey::kind, &CorrelationKey::value);
       }},
  };
  return kNormalisers;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

std::vector<Case> ReadCases() {
  std::ifstream in(std::string(KENES_OBSERVABLE_CASES_DIR) + "/normalise.tsv");
  std::vector<Case> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() != 4) ADD_FAILURE() << "normalise.tsv:" << number << " has " << fields.size() << " fields, not 4";
    if (fields.size() != 4) continue;
    cases.push_back({number, fields[0], fields[1], fields[2] == "-" ? "" : fields[2], fields[3]});
  }
  return cases;
}

TEST(Normalisers, CasesFromTable) {
  std::vector<Case> cases = ReadCases();
  ASSERT_GT(cases.size(), 100u) << "the case table did not load";
  for (const Case& c : cases) {
    SCOPED_TRACE("normalise.tsv:" + std::to_string(c.line) + " " + c.normaliser + " '" + c.input + "'");
    auto found = Normalisers().find(c.normaliser);
    ASSERT_NE(found, Normalisers().end()) << "unknown normaliser";
    Result<std::string> result = found->second(c.input, c.context);
    if (c.expected.substr(0, 1) == "!") {
      if (result.ok()) {
        ADD_FAILURE() << "accepted as '" << *result << "'";
        continue;
      }
      EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(result.status().message().find(c.expected.substr(1)), std::string::npos)
          << "message: " << result.status().message();
    } else {
      if (!result.ok()) {
        ADD_FAILURE() << result.status().ToString();
        continue;
      }
      EXPECT_EQ(*result, c.expected);
    }
  }
}

}  // namespace
}  // namespace kenes::observable
