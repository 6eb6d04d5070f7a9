// The 18 STIX Cyber-observable Objects of STIX 2.1 section 6.
#include <algorithm>
#include <cctype>

#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validation/lexical.h"
#include "stix/validation/sco_extensions.h"
#include "stix/validation/type_registry.h"
#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace {

namespace v = vocabulary;

const ValueCheck* Port() { return Integer(0, 65535); }

void Exclusive(simdjson::dom::object object, CheckContext& context, std::string_view first, std::string_view second) {
  if (Has(object, first) && Has(object, second)) {
    auto scope = context.Property(second);
    context.Error("mutually-exclusive",
                  std::string(first) + " and " + std::string(second) + " must not both be present");
  }
}

void Requires(simdjson::dom::object object, CheckContext& context, std::string_view present, std::string_view needed) {
  if (Has(object, present) && !Has(object, needed)) {
    auto scope = context.Property(present);
    context.Error("dependent-property", std::string(present) + " requires " + std::string(needed));
  }
}

// Section 6.1: exactly one of payload_bin and url; url needs hashes;
// decryption_key needs encryption_algorithm.
void CheckArtifact(simdjson::dom::object object, CheckContext& context) {
  Exclusive(object, context, "payload_bin", "url");
  Requires(object, context, "url", "hashes");
  Requires(object, context, "decryption_key", "encryption_algorithm");
}

// Section 6.6: body only for single-part messages, body_multipart only for multipart ones.
void CheckEmailMessage(simdjson::dom::object object, CheckContext& context) {
  bool is_multipart = false;
  if (object["is_multipart"].get(is_multipart) != simdjson::SUCCESS) return;
  std::string_view wrong = is_multipart ? "body" : "body_multipart";
  if (Has(object, wrong)) {
    auto scope = context.Property(wrong);
    context.Error("dependent-property", std::string(wrong) + " must not be present when is_multipart is " +
                                            (is_multipart ? "true" : "false"));
  }
}

void CheckMimePart(simdjson::dom::object object, CheckContext& context) {
  RequireOneOf(object, context, {"body", "body_raw_ref"});
  Exclusive(object, context, "body", "body_raw_ref");
}

void CheckNetworkTraffic(simdjson::dom::object object, CheckContext& context) {
  RequireOneOf(object, context, {"src_ref", "dst_ref"});
  bool is_active = false;
  if (object["is_active"].get(is_active) == simdjson::SUCCESS && is_active && Has(object, "end")) {
    auto scope = context.Property("end");
    context.Error("dependent-property", "end must not be present while is_active is true");
  }
  CheckOrder(object, context, "start", "end", false);
}

// Section 6.17: some property is present, and the hive is written out in
// full ("HKEY_LOCAL_MACHINE", not "HKLM").
void CheckRegistryKey(simdjson::dom::object object, CheckContext& context) {
  RequireOneOf(object, context, {"key", "values", "modified_time", "creator_user_ref", "number_of_subkeys"});
  std::string_view key;
  if (object["key"].get(key) != simdjson::SUCCESS) return;
  std::string_view hive = key.substr(0, key.find('\\'));
  for (std::string_view short_form : {"HKLM", "HKCU", "HKCR", "HKU", "HKCC"}) {
    if (hive.size() == short_form.size() &&
        std::equal(hive.begin(), hive.end(), short_form.begin(),
                   [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; })) {
      auto scope = context.Property("key");
      context.Error("value-format", Quote(key) + " abbreviates the hive; write it in full (e.g. HKEY_LOCAL_MACHINE)");
      return;
    }
  }
}

}  // namespace

void RegisterScoTypes(TypeRegistry& registry) {
  const auto kSco = Category::kSco;
  RegisterStandardType(registry, "artifact", kSco,
                       {{"mime_type", String()},
                        {"payload_bin", Binary()},
                        {"url", String()},
                        {"hashes", Hashes()},
                        {"encryption_algorithm", Enum(v::EncryptionAlgorithm())},
                        {"decryption_key", String()}},
                       {CheckArtifact, +[](simdjson::dom::object object, CheckContext& context) {
                          RequireOneOf(object, context, {"payload_bin", "url"});
                        }});
  RegisterStandardType(registry, "autonomous-system", kSco,
                       {{"number", Count(), true}, {"name", String()}, {"rir", String()}});
  RegisterStandardType(registry, "directory", kSco,
                       {{"path", String(), true},
                        {"path_enc", String()},
                        {"ctime", Timestamp()},
                        {"mtime", Timestamp()},
                        {"atime", Timestamp()},
                        {"contains_refs", ListOf(ReferenceTo({"file", "directory"}))}});
  RegisterStandardType(registry, "domain-name", kSco,
                       {{"value", Text(IsDomainName, "a domain name (RFC 1034, RFC 5890)"), true},
                        {"resolves_to_refs", ListOf(ReferenceTo({"ipv4-addr", "ipv6-addr", "domain-name"}))}});
  RegisterStandardType(registry, "email-addr", kSco,
                       {{"value", Text(IsEmailAddress, "an email address (RFC 5322 addr-spec)"), true},
                        {"display_name", String()},
                        {"belongs_to_ref", ReferenceTo({"user-account"})}});
  const ObjectShape* mime_part = MakeShape("MIME part",
                                           {{"body", String()},
                                            {"body_raw_ref", ReferenceTo({"artifact", "file"})},
                                            {"content_type", String()},
                                            {"content_disposition", String()}},
                                           {CheckMimePart});
  const ValueCheck* addresses = ListOf(ReferenceTo({"email-addr"}));
  RegisterStandardType(registry, "email-message", kSco,
                       {{"is_multipart", Boolean(), true},
                        {"date", Timestamp()},
                        {"content_type", String()},
                        {"from_ref", ReferenceTo({"email-addr"})},
                        {"sender_ref", ReferenceTo({"email-addr"})},
                        {"to_refs", addresses},
                        {"cc_refs", addresses},
                        {"bcc_refs", addresses},
                        {"message_id", String()},
                        {"subject", String()},
                        {"received_lines", ListOf(String())},
                        {"additional_header_fields", Dictionary()},
                        {"body", String()},
                        {"body_multipart", ListOf(Nested(mime_part))},
                        {"raw_email_ref", ReferenceTo({"artifact"})}},
                       {CheckEmailMessage});
  RegisterStandardType(registry, "file", kSco,
                       {{"hashes", Hashes()},
                        {"size", Count()},
                        {"name", String()},
                        {"name_enc", String()},
                        {"magic_number_hex", Hex()},
                        {"mime_type", String()},
                        {"ctime", Timestamp()},
                        {"mtime", Timestamp()},
                        {"atime", Timestamp()},
                        {"parent_directory_ref", ReferenceTo({"directory"})},
                        {"contains_refs", ListOf(ReferenceToAny(ReferenceTargets::kSco | ReferenceTargets::kCustom))},
                        {"content_ref", ReferenceTo({"artifact"})}},
                       {+[](simdjson::dom::object object, CheckContext& context) {
                         RequireOneOf(object, context, {"hashes", "name"});
                       }},
                       FileExtensions());
  RegisterStandardType(registry, "ipv4-addr", kSco,
                       {{"value", Text(IsIpv4Address, "an IPv4 address or CIDR block"), true},
                        {"resolves_to_refs", ListOf(ReferenceTo({"mac-addr"}))},
                        {"belongs_to_refs", ListOf(ReferenceTo({"autonomous-system"}))}});
  RegisterStandardType(registry, "ipv6-addr", kSco,
                       {{"value", Text(IsIpv6Address, "an IPv6 address or CIDR block"), true},
                        {"resolves_to_refs", ListOf(ReferenceTo({"mac-addr"}))},
                        {"belongs_to_refs", ListOf(ReferenceTo({"autonomous-system"}))}});
  RegisterStandardType(registry, "mac-addr", kSco,
                       {{"value", Text(IsMacAddress, "a lower-case colon-delimited MAC-48 address"), true}});
  RegisterStandardType(registry, "mutex", kSco, {{"name", String(), true}});
  RegisterStandardType(registry, "network-traffic", kSco,
                       {{"start", Timestamp()},
                        {"end", Timestamp()},
                        {"is_active", Boolean()},
                        {"src_ref", ReferenceTo({"ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"})},
                        {"dst_ref", ReferenceTo({"ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"})},
                        {"src_port", Port()},
                        {"dst_port", Port()},
                        {"protocols", ListOf(String()), true},
                        {"src_byte_count", Count()},
                        {"dst_byte_count", Count()},
                        {"src_packets", Count()},
                        {"dst_packets", Count()},
                        {"ipfix", Dictionary()},
                        {"src_payload_ref", ReferenceTo({"artifact"})},
                        {"dst_payload_ref", ReferenceTo({"artifact"})},
                        {"encapsulates_refs", ListOf(ReferenceTo({"network-traffic"}))},
                        {"encapsulated_by_ref", ReferenceTo({"network-traffic"})}},
                       {CheckNetworkTraffic}, NetworkTrafficExtensions());
  RegisterStandardType(
      registry, "process", kSco,
      {{"is_hidden", Boolean()},
       {"pid", Integer()},
       {"created_time", Timestamp()},
       {"cwd", String()},
       {"command_line", String()},
       {"environment_variables", Dictionary()},
       {"opened_connection_refs", ListOf(ReferenceTo({"network-traffic"}))},
       {"creator_user_ref", ReferenceTo({"user-account"})},
       {"image_ref", ReferenceTo({"file"})},
       {"parent_ref", ReferenceTo({"process"})},
       {"child_refs", ListOf(ReferenceTo({"process"}))}},
      {+[](simdjson::dom::object object, CheckContext& context) {
        RequireOneOf(object, context,
                     {"extensions", "is_hidden", "pid", "created_time", "cwd", "command_line", "environment_variables",
                      "opened_connection_refs", "creator_user_ref", "image_ref", "parent_ref", "child_refs"});
      }},
      ProcessExtensions());
  RegisterStandardType(registry, "software", kSco,
                       {{"name", String(), true},
                        {"cpe", Text(IsCpe23, "a CPE 2.3 formatted string")},
                        {"swid", String()},
                        {"languages", ListOf(LanguageTag())},
                        {"vendor", String()},
                        {"version", String()}});
  RegisterStandardType(registry, "url", kSco, {{"value", Text(IsUrl, "a URL (RFC 3986)"), true}});
  RegisterStandardType(
      registry, "user-account", kSco,
      {{"user_id", String()},
       {"credential", String()},
       {"account_login", String()},
       {"account_type", OpenVocabulary(v::AccountType())},
       {"display_name", String()},
       {"is_service_account", Boolean()},
       {"is_privileged", Boolean()},
       {"can_escalate_privs", Boolean()},
       {"is_disabled", Boolean()},
       {"account_created", Timestamp()},
       {"account_expires", Timestamp()},
       {"credential_last_changed", Timestamp()},
       {"account_first_login", Timestamp()},
       {"account_last_login", Timestamp()}},
      {+[](simdjson::dom::object object, CheckContext& context) {
        RequireOneOf(object, context,
                     {"extensions", "user_id", "credential", "account_login", "account_type", "display_name",
                      "is_service_account", "is_privileged", "can_escalate_privs", "is_disabled", "account_created",
                      "account_expires", "credential_last_changed", "account_first_login", "account_last_login"});
      }},
      UserAccountExtensions());
  const ObjectShape* registry_value = MakeShape(
      "registry value", {{"name", String()}, {"data", String()}, {"data_type", Enum(v::WindowsRegistryDatatype())}});
  RegisterStandardType(registry, "windows-registry-key", kSco,
                       {{"key", String()},
                        {"values", ListOf(Nested(registry_value))},
                        {"modified_time", Timestamp()},
                        {"creator_user_ref", ReferenceTo({"user-account"})},
                        {"number_of_subkeys", Count()}},
                       {CheckRegistryKey});
  const ObjectShape* v3_extensions =
      MakeShape("X.509 v3 extensions", {{"basic_constraints", String()},
                                        {"name_constraints", String()},
                                        {"policy_constraints", String()},
                                        {"key_usage", String()},
                                        {"extended_key_usage", String()},
                                        {"subject_key_identifier", String()},
                                        {"authority_key_identifier", String()},
                                        {"subject_alternative_name", String()},
                                        {"issuer_alternative_name", String()},
                                        {"subject_directory_attributes", String()},
                                        {"crl_distribution_points", String()},
                                        {"inhibit_any_policy", String()},
                                        {"private_key_usage_period_not_before", Timestamp()},
                                        {"private_key_usage_period_not_after", Timestamp()},
                                        {"certificate_policies", String()},
                                        {"policy_mappings", String()}});
  RegisterStandardType(registry, "x509-certificate", kSco,
                       {{"is_self_signed", Boolean()},
                        {"hashes", Hashes()},
                        {"version", String()},
                        {"serial_number", String()},
                        {"signature_algorithm", String()},
                        {"issuer", String()},
                        {"validity_not_before", Timestamp()},
                        {"validity_not_after", Timestamp()},
                        {"subject", String()},
                        {"subject_public_key_algorithm", String()},
                        {"subject_public_key_modulus", String()},
                        {"subject_public_key_exponent", Count()},
                        {"x509_v3_extensions", Nested(v3_extensions)}},
                       {+[](simdjson::dom::object object, CheckContext& context) {
                         RequireOneOf(
                             object, context,
                             {"is_self_signed", "hashes", "version", "serial_number", "signature_algorithm", "issuer",
                              "validity_not_before", "validity_not_after", "subject", "subject_public_key_algorithm",
                              "subject_public_key_modulus", "subject_public_key_exponent", "x509_v3_extensions"});
                       }});
}

}  // namespace kenes::stix::validation
