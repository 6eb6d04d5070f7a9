#include "share/organisation_identity.h"

#include "base/json_text.h"

namespace kenes::share {
namespace {

// The shipped objects never change once released: a change is a new version
// with a later modified time.
constexpr std::string_view kShippedTime = "2026-11-29T00:00:00.000Z";

void AppendProperty(std::string& out, std::string_view name, std::string_view value) {
  out += ',';
  AppendJsonString(out, name);
  out += ':';
  AppendJsonString(out, value);
}

}  // namespace

std::string KenesIdentityJson() {
  std::string out = R"({"type":"identity","spec_version":"2.1")";
  AppendProperty(out, "id", kKenesIdentityId);
  AppendProperty(out, "created", kShippedTime);
  AppendProperty(out, "modified", kShippedTime);
  AppendProperty(out, "name", "Kenes");
  AppendProperty(out, "description",
                 "The Kenes intelligence-sharing platform, author of the STIX extensions it ships.");
  AppendProperty(out, "identity_class", "system");
  out += '}';
  return out;
}

std::string OrganisationExtensionJson() {
  std::string out = R"({"type":"extension-definition","spec_version":"2.1")";
  AppendProperty(out, "id", kOrganisationExtensionId);
  AppendProperty(out, "created_by_ref", kKenesIdentityId);
  AppendProperty(out, "created", kShippedTime);
  AppendProperty(out, "modified", kShippedTime);
  AppendProperty(out, "name", "Kenes organisation");
  AppendProperty(out, "description",
                 "An organisation's place in a Kenes community, on its identity object (identity_class organization).");
  AppendProperty(out, "schema",
                 "Properties: standing (required; \"member\" or \"partner\"), country (optional; ISO 3166-1 alpha-2, "
                 "EU, or a user-assigned code), parent_ref (optional; the identity of the organisation this one sits "
                 "under, e.g. a national agency under its security council).");
  AppendProperty(out, "version", "1.0.0");
  out += R"(,"extension_types":["property-extension"]})";
  return out;
}

std::string OrganisationIdentityJson(const Organisation& organisation) {
  std::string out = R"({"type":"identity","spec_version":"2.1")";
  AppendProperty(out, "id", organisation.id);
  AppendProperty(out, "created", FormatTimestamp(organisation.created, 3));
  AppendProperty(out, "modified", FormatTimestamp(organisation.modified, 3));
  AppendProperty(out, "name", organisation.name);
  AppendProperty(out, "identity_class", "organization");
  out += R"(,"extensions":{)";
  AppendJsonString(out, kOrganisationExtensionId);
  out += R"(:{"extension_type":"property-extension")";
  AppendProperty(out, "standing", StandingName(organisation.standing));
  if (!organisation.country.empty()) AppendProperty(out, "country", organisation.country);
  if (!organisation.parent.empty()) AppendProperty(out, "parent_ref", organisation.parent);
  out += "}}}";
  return out;
}

}  // namespace kenes::share
