// Observable: what Kenes correlates across borders. Councils describe the
// same phone, wallet or domain in different spellings ("8 701 123 45 67",
// "+7 (701) 123-45-67"); this subsystem reduces each cyber observable (SCO)
// to its correlation keys, a kind and a canonical value
// (("phone-number", "+77011234567")), so an index can map equal keys to the
// objects that carry them.
//
// Types and their keys (kinds in quotes; see each normaliser's header for
// the canonical form):
//   ipv4-addr, ipv6-addr, domain-name, url, email-addr  value -> the type's name
//   autonomous-system     number -> "autonomous-system" ("64500")
//   user-account          "user-account" (account_type:user_id) and
//                         "user-account-login" (account_type:account_login)
//   file, artifact, x509-certificate   each hash -> "hash:SHA-256", ...
//   phone-number          value (national forms read in `country`) -> "phone-number"
//   bank-account          iban -> "iban"; account_number -> "bank-account-number"
//   cryptocurrency-wallet value (rules of `chain`) -> "cryptocurrency-wallet"
//   vehicle               country:plate_number -> "vehicle"; vin -> "vehicle-vin"
//   identity-document     issuing_country:document_type:document_number -> "identity-document"
// The last five are Kenes' own SCO types (kenes_sco_types.h), named as
// OpenCTI names them where it has them (phone-number, bank-account,
// cryptocurrency-wallet) and in the same style where it does not.
//
// A malformed value is an InvalidArgument naming the property and what is
// wrong, never a silently missing key. Types that are not observables, and
// observables with none of their key properties, have no keys.
//
// Stateless functions; any thread may call them at once.
#pragma once

#include <simdjson.h>

#include <string>
#include <vector>

#include "base/status.h"
#include "stix/object.h"

namespace kenes::observable {

struct CorrelationKey {
  std::string kind;   // "phone-number", "hash:SHA-256", ...
  std::string value;  // canonical text
  bool operator==(const CorrelationKey&) const = default;
};

// The keys of one STIX object, in the order of its properties' table.
Result<std::vector<CorrelationKey>> KeysOf(simdjson::dom::element object);

// The same for a parsed object, read from its original JSON text.
Result<std::vector<CorrelationKey>> KeysOf(const stix::Object& object);

// The key of one value of a key kind made of a single value (ipv4-addr,
// ipv6-addr, domain-name, url, email-addr, phone-number in international
// form, iban, bank-account-number, cryptocurrency-wallet, vehicle-vin), for
// looking a value up: a search for "+7 701 123-45-67" finds the objects of
// ("phone-number", "+77011234567"). InvalidArgument for a malformed value
// or another kind.
Result<CorrelationKey> KeyOfValue(std::string_view kind, std::string_view text);

}  // namespace kenes::observable
