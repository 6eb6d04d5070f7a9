#include "observable/kenes_sco_types.h"

#include "observable/country_code.h"
#include "observable/crypto_wallet.h"
#include "observable/iban.h"
#include "observable/identity_document.h"
#include "observable/phone_number.h"
#include "observable/vehicle_plate.h"
#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validator.h"

namespace kenes::observable {
namespace {

namespace validation = stix::validation;
using validation::CheckContext;
using validation::CrossRule;
using validation::PropertyRule;

constexpr std::string_view kValue[] = {"value"};
constexpr std::string_view kBankAccount[] = {"iban", "bic", "account_number"};
constexpr std::string_view kVehicle[] = {"plate_number", "country", "vin"};
constexpr std::string_view kIdentityDocument[] = {"document_type", "document_number", "issuing_country"};

constexpr KenesScoType kTypes[] = {
    {"phone-number", "extension-definition--27692277-b1e4-4708-9108-6c7c921a0e1e", kValue},
    {"bank-account", "extension-definition--b2e32a3a-4deb-484d-a3dc-2463fcae9796", kBankAccount},
    {"cryptocurrency-wallet", "extension-definition--acee0e04-caa7-42b1-8cf3-e3705fa28edd", kValue},
    {"vehicle", "extension-definition--1c8f9939-0d26-4978-b726-a5f8f562a195", kVehicle},
    {"identity-document", "extension-definition--a6eb2591-2e7f-425d-b368-8b56fbca8597", kIdentityDocument},
};

std::string_view StringOr(simdjson::dom::object object, std::string_view property, std::string_view otherwise = {}) {
  std::string_view text;
  return object[property].get(text) == simdjson::SUCCESS ? text : otherwise;
}

// Reports `status` at `property` when it is an error.
void Report(CheckContext& context, std::string_view property, const Status& status) {
  if (status.ok()) return;
  auto scope = context.Property(property);
  context.Error("observable-value", status.message());
}

// Checks that the string at `property`, when present, normalises; the shape
// check reports a value that is not a string.
template <Result<std::string> (*kNormalise)(std::string_view)>
void CheckNormalises(simdjson::dom::object object, CheckContext& context, std::string_view property) {
  std::string_view text;
  if (object[property].get(text) == simdjson::SUCCESS) Report(context, property, kNormalise(text).status());
}

void CheckCountry(simdjson::dom::object object, CheckContext& context, std::string_view property) {
  std::string_view text;
  if (object[property].get(text) == simdjson::SUCCESS) {
    Report(context, property, NormaliseCountryCode(text, property).status());
  }
}

void CheckRequiredWith(simdjson::dom::object object, CheckContext& context, std::string_view present,
                       std::string_view needed) {
  if (validation::Has(object, present) && !validation::Has(object, needed)) {
    auto scope = context.Property(present);
    context.Error("dependent-property", std::string(present) + " requires " + std::string(needed));
  }
}

void CheckPhoneNumber(simdjson::dom::object object, CheckContext& context) {
  CheckCountry(object, context, "country");
  std::string_view value;
  if (object["value"].get(value) == simdjson::SUCCESS) {
    Report(context, "value", NormalisePhoneNumber(value, StringOr(object, "country")).status());
  }
}

void CheckBankAccount(simdjson::dom::object object, CheckContext& context) {
  validation::RequireOneOf(object, context, {"iban", "account_number"});
  CheckNormalises<NormaliseIban>(object, context, "iban");
  CheckNormalises<NormaliseBic>(object, context, "bic");
  CheckNormalises<NormaliseAccountNumber>(object, context, "account_number");
}

void CheckWallet(simdjson::dom::object object, CheckContext& context) {
  std::string_view value;
  if (object["value"].get(value) == simdjson::SUCCESS) {
    Report(context, "value", NormaliseWalletAddress(value, StringOr(object, "chain")).status());
  }
}

void CheckVehicle(simdjson::dom::object object, CheckContext& context) {
  validation::RequireOneOf(object, context, {"plate_number", "vin"});
  CheckRequiredWith(object, context, "plate_number", "country");
  CheckNormalises<NormaliseVehiclePlate>(object, context, "plate_number");
  CheckNormalises<NormaliseVin>(object, context, "vin");
  CheckCountry(object, context, "country");
}

void CheckIdentityDocument(simdjson::dom::object object, CheckContext& context) {
  CheckNormalises<NormaliseDocumentNumber>(object, context, "document_number");
  CheckCountry(object, context, "issuing_country");
}

const validation::Vocabulary& DocumentTypeVocabulary() {
  static const validation::Vocabulary* const kVocabulary = [] {
    auto* vocabulary = new validation::Vocabulary{"kenes-identity-document-type-enum", {}};
    for (std::string_view kind : DocumentKinds()) vocabulary->terms.insert(kind);
    return vocabulary;
  }();
  return *kVocabulary;
}

struct TypeTable {
  std::vector<PropertyRule> properties;
  CrossRule rule;
};

// Property tables in the order of kTypes.
std::vector<TypeTable> TypeTables() {
  using validation::ReferenceTo;
  using validation::String;
  return {
      {{{"value", String(), true}, {"country", String()}}, CheckPhoneNumber},
      {{{"iban", String()}, {"bic", String()}, {"account_number", String()}}, CheckBankAccount},
      {{{"value", String(), true}, {"chain", String()}}, CheckWallet},
      {{{"plate_number", String()}, {"country", String()}, {"vin", String()}, {"make", String()}, {"model", String()}},
       CheckVehicle},
      {{{"document_number", String(), true},
        {"document_type", validation::Enum(DocumentTypeVocabulary()), true},
        {"issuing_country", String(), true},
        {"holder_name", String()},
        {"holder_ref", ReferenceTo({"identity"})},
        {"valid_until", validation::Timestamp()}},
       CheckIdentityDocument},
  };
}

Status RegisterAll() {
  std::vector<TypeTable> tables = TypeTables();
  for (size_t i = 0; i < tables.size(); ++i) {
    const KenesScoType& type = kTypes[i];
    validation::TypeDefinition definition = validation::DefineType(type.type, validation::Category::kSco,
                                                                   std::move(tables[i].properties), {tables[i].rule});
    definition.defined_by_extension = true;
    definition.id_contributing_properties.assign(type.id_contributing_properties.begin(),
                                                 type.id_contributing_properties.end());
    KENES_RETURN_IF_ERROR(stix::RegisterType(std::move(definition)));
  }
  return Status::Ok();
}

}  // namespace

std::span<const KenesScoType> KenesScoTypes() { return kTypes; }

Status RegisterKenesScoTypes() {
  static const Status kStatus = RegisterAll();
  return kStatus;
}

}  // namespace kenes::observable
