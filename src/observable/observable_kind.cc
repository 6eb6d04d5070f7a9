#include "observable/observable_kind.h"

#include <optional>
#include <string>

#include "observable/ascii_text.h"
#include "observable/country_code.h"
#include "observable/crypto_wallet.h"
#include "observable/domain_name.h"
#include "observable/email_address.h"
#include "observable/file_hash.h"
#include "observable/iban.h"
#include "observable/identity_document.h"
#include "observable/ip_address.h"
#include "observable/phone_number.h"
#include "observable/property_value.h"
#include "observable/url.h"
#include "observable/vehicle_plate.h"

namespace kenes::observable {
namespace {

using Keys = std::vector<CorrelationKey>;
using Normaliser = Result<std::string> (*)(std::string_view);

// The string at `property` normalised; nullopt when absent.
Result<std::optional<std::string>> Normalised(simdjson::dom::object object, std::string_view property,
                                              Normaliser normalise) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string_view> text, StringProperty(object, property));
  if (!text) return std::optional<std::string>();
  Result<std::string> normalised = normalise(*text);
  if (!normalised.ok()) return PropertyError(property, normalised.status());
  return std::optional<std::string>(std::move(normalised).value());
}

Status AddKey(simdjson::dom::object object, std::string_view property, std::string_view kind, Normaliser normalise,
              Keys& keys) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> value, Normalised(object, property, normalise));
  if (value) keys.push_back({std::string(kind), std::move(*value)});
  return Status::Ok();
}

// A property the key of another needs, normalised; an error when absent.
Result<std::string> Needed(simdjson::dom::object object, std::string_view property, std::string_view needed_by,
                           Normaliser normalise) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> value, Normalised(object, property, normalise));
  if (!value) {
    return Status::InvalidArgument(std::string(property) + ": required with " + std::string(needed_by));
  }
  return std::move(*value);
}

Result<std::string> CountryOfPlate(std::string_view text) { return NormaliseCountryCode(text, "the plate's country"); }
Result<std::string> IssuingCountry(std::string_view text) {
  return NormaliseCountryCode(text, "the document's issuing country");
}

Status HashKeys(simdjson::dom::object object, Keys& keys) {
  simdjson::dom::element hashes;
  if (object.at_key("hashes").get(hashes) != simdjson::SUCCESS) return Status::Ok();
  simdjson::dom::object members;
  if (hashes.get_object().get(members) != simdjson::SUCCESS) {
    return Status::InvalidArgument("hashes must be a dictionary of algorithm names to hash values");
  }
  for (simdjson::dom::key_value_pair member : members) {
    std::string_view text;
    std::string property = "hashes." + std::string(member.key);
    if (member.value.get_string().get(text) != simdjson::SUCCESS) {
      return Status::InvalidArgument(property + " must be a string");
    }
    Result<NormalisedHash> hash = NormaliseHash(member.key, text);
    if (!hash.ok()) return PropertyError(property, hash.status());
    keys.push_back({"hash:" + hash->algorithm, std::move(hash->value)});
  }
  return Status::Ok();
}

Status AutonomousSystemKeys(simdjson::dom::object object, Keys& keys) {
  simdjson::dom::element number;
  if (object.at_key("number").get(number) != simdjson::SUCCESS) return Status::Ok();
  uint64_t value = 0;
  constexpr uint64_t kLargestAsNumber = 4294967295;  // 32-bit AS numbers, RFC 6793
  if (number.get_uint64().get(value) != simdjson::SUCCESS || value > kLargestAsNumber) {
    return Status::InvalidArgument("number: an AS number is an integer from 0 to 4294967295");
  }
  keys.push_back({"autonomous-system", std::to_string(value)});
  return Status::Ok();
}

// Logins and ids are compared as written: whether "Ivan" and "ivan" are one
// account depends on the system, and account_type does not say.
Status UserAccountKeys(simdjson::dom::object object, Keys& keys) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string_view> account_type, StringProperty(object, "account_type"));
  std::string prefix = AsciiLower(TrimWhitespace(account_type.value_or(""))) + ":";
  static constexpr std::pair<std::string_view, std::string_view> kKeyProperties[] = {
      {"user_id", "user-account"}, {"account_login", "user-account-login"}};
  for (const auto& [property, kind] : kKeyProperties) {
    KENES_ASSIGN_OR_RETURN(std::optional<std::string_view> text, StringProperty(object, property));
    if (!text) continue;
    std::string_view value = TrimWhitespace(*text);
    if (value.empty()) return Status::InvalidArgument(std::string(property) + " must not be empty");
    keys.push_back({std::string(kind), prefix + std::string(value)});
  }
  return Status::Ok();
}

Status PhoneNumberKeys(simdjson::dom::object object, Keys& keys) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string_view> country, StringProperty(object, "country"));
  KENES_ASSIGN_OR_RETURN(std::optional<std::string_view> value, StringProperty(object, "value"));
  if (!value) return Status::Ok();
  Result<std::string> number = NormalisePhoneNumber(*value, country.value_or(""));
  if (!number.ok()) return PropertyError("value", number.status());
  keys.push_back({"phone-number", std::move(number).value()});
  return Status::Ok();
}

// The BIC is checked but gives no key: it names a bank, not an account.
Status BankAccountKeys(simdjson::dom::object object, Keys& keys) {
  KENES_RETURN_IF_ERROR(AddKey(object, "iban", "iban", NormaliseIban, keys));
  KENES_RETURN_IF_ERROR(AddKey(object, "account_number", "bank-account-number", NormaliseAccountNumber, keys));
  return Normalised(object, "bic", NormaliseBic).status();
}

Status WalletKeys(simdjson::dom::object object, Keys& keys) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string_view> chain, StringProperty(object, "chain"));
  KENES_ASSIGN_OR_RETURN(std::optional<std::string_view> value, StringProperty(object, "value"));
  if (!value) return Status::Ok();
  Result<NormalisedWallet> wallet = NormaliseWalletAddress(*value, chain.value_or(""));
  if (!wallet.ok()) return PropertyError("value", wallet.status());
  keys.push_back({"cryptocurrency-wallet", std::move(wallet->address)});
  return Status::Ok();
}

Status VehicleKeys(simdjson::dom::object object, Keys& keys) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> plate, Normalised(object, "plate_number", NormaliseVehiclePlate));
  if (plate) {
    KENES_ASSIGN_OR_RETURN(std::string country, Needed(object, "country", "plate_number", CountryOfPlate));
    keys.push_back({"vehicle", country + ":" + *plate});
  }
  return AddKey(object, "vin", "vehicle-vin", NormaliseVin, keys);
}

Status IdentityDocumentKeys(simdjson::dom::object object, Keys& keys) {
  KENES_ASSIGN_OR_RETURN(std::optional<std::string> number,
                         Normalised(object, "document_number", NormaliseDocumentNumber));
  if (!number) return Status::Ok();
  KENES_ASSIGN_OR_RETURN(std::string kind, Needed(object, "document_type", "document_number", NormaliseDocumentKind));
  KENES_ASSIGN_OR_RETURN(std::string country, Needed(object, "issuing_country", "document_number", IssuingCountry));
  keys.push_back({"identity-document", country + ":" + kind + ":" + *number});
  return Status::Ok();
}

Result<std::string> InternationalPhoneNumber(std::string_view text) { return NormalisePhoneNumber(text); }

Result<std::string> WalletAddress(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(NormalisedWallet wallet, NormaliseWalletAddress(text));
  return std::move(wallet.address);
}

constexpr std::pair<std::string_view, ValueNormaliser> kValueNormalisers[] = {
    {"ipv4-addr", NormaliseIpv4},
    {"ipv6-addr", NormaliseIpv6},
    {"domain-name", NormaliseDomainName},
    {"url", NormaliseUrl},
    {"email-addr", NormaliseEmailAddress},
    {"phone-number", InternationalPhoneNumber},
    {"iban", NormaliseIban},
    {"bank-account-number", NormaliseAccountNumber},
    {"cryptocurrency-wallet", WalletAddress},
    {"vehicle-vin", NormaliseVin},
};

// The key of types whose `value` is their one key, named as the type.
Status ValueKey(simdjson::dom::object object, std::string_view type, Keys& keys) {
  return AddKey(object, "value", type, FindValueNormaliser(type), keys);
}

constexpr ObservableKind kKinds[] = {
    {"ipv4-addr", +[](simdjson::dom::object o, Keys& k) { return ValueKey(o, "ipv4-addr", k); }},
    {"ipv6-addr", +[](simdjson::dom::object o, Keys& k) { return ValueKey(o, "ipv6-addr", k); }},
    {"domain-name", +[](simdjson::dom::object o, Keys& k) { return ValueKey(o, "domain-name", k); }},
    {"url", +[](simdjson::dom::object o, Keys& k) { return ValueKey(o, "url", k); }},
    {"email-addr", +[](simdjson::dom::object o, Keys& k) { return ValueKey(o, "email-addr", k); }},
    {"autonomous-system", AutonomousSystemKeys},
    {"user-account", UserAccountKeys},
    {"file", HashKeys},
    {"artifact", HashKeys},
    {"x509-certificate", HashKeys},
    {"phone-number", PhoneNumberKeys},
    {"bank-account", BankAccountKeys},
    {"cryptocurrency-wallet", WalletKeys},
    {"vehicle", VehicleKeys},
    {"identity-document", IdentityDocumentKeys},
};

}  // namespace

ValueNormaliser FindValueNormaliser(std::string_view kind) {
  for (const auto& [name, normaliser] : kValueNormalisers) {
    if (name == kind) return normaliser;
  }
  return nullptr;
}

const ObservableKind* FindObservableKind(std::string_view type) {
  for (const ObservableKind& kind : kKinds) {
    if (kind.type == type) return &kind;
  }
  return nullptr;
}

}  // namespace kenes::observable
