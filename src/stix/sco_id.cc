#include "stix/sco_id.h"

#include <openssl/evp.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "base/json_text.h"
#include "stix/canonical_json.h"
#include "stix/random_id.h"
#include "stix/validation/type_registry.h"

namespace kenes::stix {
namespace {

struct ScoType {
  std::string_view type;
  std::span<const std::string_view> contributing;
};

// STIX 2.1 section 6, "ID Contributing Properties" of each object.
constexpr std::string_view kArtifact[] = {"hashes", "payload_bin"};
constexpr std::string_view kAutonomousSystem[] = {"number"};
constexpr std::string_view kDirectory[] = {"path"};
constexpr std::string_view kValue[] = {"value"};
constexpr std::string_view kEmailMessage[] = {"from_ref", "subject", "body"};
constexpr std::string_view kFile[] = {"hashes", "name", "extensions", "parent_directory_ref"};
constexpr std::string_view kMutex[] = {"name"};
constexpr std::string_view kNetworkTraffic[] = {"start",    "end",      "src_ref",   "dst_ref",
                                                "src_port", "dst_port", "protocols", "extensions"};
constexpr std::string_view kSoftware[] = {"name", "cpe", "swid", "vendor", "version"};
constexpr std::string_view kUserAccount[] = {"account_type", "user_id", "account_login"};
constexpr std::string_view kWindowsRegistryKey[] = {"key", "values"};
constexpr std::string_view kX509Certificate[] = {"hashes", "serial_number"};

constexpr ScoType kScoTypes[] = {
    {"artifact", kArtifact},
    {"autonomous-system", kAutonomousSystem},
    {"directory", kDirectory},
    {"domain-name", kValue},
    {"email-addr", kValue},
    {"email-message", kEmailMessage},
    {"file", kFile},
    {"ipv4-addr", kValue},
    {"ipv6-addr", kValue},
    {"mac-addr", kValue},
    {"mutex", kMutex},
    {"network-traffic", kNetworkTraffic},
    {"process", {}},  // always a UUIDv4: a process has no stable identity
    {"software", kSoftware},
    {"url", kValue},
    {"user-account", kUserAccount},
    {"windows-registry-key", kWindowsRegistryKey},
    {"x509-certificate", kX509Certificate},
};

// The contributing properties of a standard SCO type, else of an SCO type
// registered by extension; nullopt for other types.
std::optional<std::span<const std::string_view>> ContributingPropertiesOf(std::string_view type) {
  for (const ScoType& sco_type : kScoTypes) {
    if (sco_type.type == type) return sco_type.contributing;
  }
  const validation::TypeDefinition* definition = validation::TypeRegistry::Global().Find(type);
  if (definition != nullptr && definition->category == validation::Category::kSco &&
      !definition->id_contributing_properties.empty()) {
    return std::span<const std::string_view>(definition->id_contributing_properties);
  }
  return std::nullopt;
}

// The one hash that contributes to an id, as a canonical one-member object.
Result<std::string> PreferredHashJson(simdjson::dom::element hashes) {
  simdjson::dom::object object;
  if (hashes.get_object().get(object) != simdjson::SUCCESS || object.size() == 0) {
    return Status::InvalidArgument("\"hashes\" must be a non-empty object");
  }
  static constexpr std::string_view kPreference[] = {"MD5", "SHA-1", "SHA-256", "SHA-512"};
  std::string_view chosen_name;
  simdjson::dom::element chosen_value;
  for (std::string_view algorithm : kPreference) {
    if (object.at_key(algorithm).get(chosen_value) == simdjson::SUCCESS) {
      chosen_name = algorithm;
      break;
    }
  }
  if (chosen_name.empty()) {
    auto first = *object.begin();
    chosen_name = first.key;
    chosen_value = first.value;
  }
  std::string out = "{";
  AppendJsonString(out, chosen_name);
  out += ':';
  KENES_RETURN_IF_ERROR(AppendCanonicalJson(chosen_value, out));
  out += '}';
  return out;
}

}  // namespace

std::string FormatUuid(const UuidBytes& uuid) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (size_t i = 0; i < uuid.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[uuid[i] >> 4];
    out += kHex[uuid[i] & 0xf];
  }
  return out;
}

std::string UuidV5(std::string_view name, const UuidBytes& namespace_id) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  EVP_DigestInit_ex(context, EVP_sha1(), nullptr);
  EVP_DigestUpdate(context, namespace_id.data(), namespace_id.size());
  EVP_DigestUpdate(context, name.data(), name.size());
  EVP_DigestFinal_ex(context, digest, &digest_length);
  EVP_MD_CTX_free(context);
  UuidBytes uuid;
  std::copy_n(digest, uuid.size(), uuid.begin());
  uuid[6] = (uuid[6] & 0x0f) | 0x50;
  uuid[8] = (uuid[8] & 0x3f) | 0x80;
  return FormatUuid(uuid);
}

std::string UuidV4FromBytes(UuidBytes random_bytes) {
  random_bytes[6] = (random_bytes[6] & 0x0f) | 0x40;
  random_bytes[8] = (random_bytes[8] & 0x3f) | 0x80;
  return FormatUuid(random_bytes);
}

bool IsScoType(std::string_view type) { return ContributingPropertiesOf(type).has_value(); }

std::span<const std::string_view> IdContributingProperties(std::string_view type) {
  return ContributingPropertiesOf(type).value_or(std::span<const std::string_view>());
}

Result<std::string> IdContributingJson(simdjson::dom::element sco) {
  simdjson::dom::object object;
  std::string_view type;
  if (sco.get_object().get(object) != simdjson::SUCCESS || object["type"].get_string().get(type) != simdjson::SUCCESS) {
    return Status::InvalidArgument("an SCO must be a JSON object with a string \"type\"");
  }
  std::optional<std::span<const std::string_view>> contributing = ContributingPropertiesOf(type);
  if (!contributing) {
    return Status::InvalidArgument("\"" + std::string(type) + "\" is not a cyber observable type");
  }
  // Property names are ASCII, so sorting them bytewise is the JCS order.
  std::vector<std::string_view> present;
  for (std::string_view name : *contributing) {
    if (object.at_key(name).error() == simdjson::SUCCESS) present.push_back(name);
  }
  if (present.empty()) return std::string();
  std::sort(present.begin(), present.end());
  std::string out = "{";
  for (std::string_view name : present) {
    if (out.size() > 1) out += ',';
    AppendJsonString(out, name);
    out += ':';
    simdjson::dom::element value = object.at_key(name).value_unsafe();
    if (name == "hashes") {
      KENES_ASSIGN_OR_RETURN(std::string hash_json, PreferredHashJson(value));
      out += hash_json;
    } else {
      KENES_RETURN_IF_ERROR(AppendCanonicalJson(value, out));
    }
  }
  out += '}';
  return out;
}

Result<std::string> ScoId(simdjson::dom::element sco) {
  KENES_ASSIGN_OR_RETURN(std::string contributing, IdContributingJson(sco));
  std::string_view type = sco["type"].get_string().value_unsafe();
  if (contributing.empty()) return RandomId(type);
  return std::string(type) + "--" + UuidV5(contributing);
}

}  // namespace kenes::stix
