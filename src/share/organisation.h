// Organisation: one organisation of the community, as this node knows it.
//
// Each organisation is a STIX identity (identity_class "organization") that
// travels with the data it authors; the Kenes attributes below ride in that
// identity as a property extension (organisation_identity.h). The code is a
// short handle unique on this node, used on the command line ("KZ",
// "KZ-FIN"); it stays local.
//
// Country: an ISO 3166-1 alpha-2 code, or none. Bodies that are not one
// country (the GCC, the African Union) have none. "EU" is accepted because
// ISO 3166/MA exceptionally reserves it for the European Union, and the
// user-assigned codes (AA, QM-QZ, XA-XZ, ZZ) are accepted so a community can
// give such bodies a code of its own.
//
// Plain value types; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/timestamp.h"
#include "share/marking.h"

namespace kenes::share {

enum class Standing {
  kMember,   // a member state's organisation
  kPartner,  // a partner of the community (Central Asia Plus)
};

// "member", "partner".
std::string_view StandingName(Standing standing);
std::optional<Standing> ParseStanding(std::string_view name);

struct Organisation {
  std::string id;    // identity--<uuid>
  std::string code;  // local handle, unique on the node (case-insensitive)
  std::string name;
  Standing standing = Standing::kMember;
  std::string country;  // ISO 3166-1 alpha-2 (see above), or empty
  std::string parent;   // identity id of the organisation this one sits under, or empty
  Tlp default_tlp = Tlp::kAmber;  // for what its users write without a TLP marking; local to this node
  Timestamp created;    // of the identity's first version
  Timestamp modified;   // of the identity's current version
};

// InvalidArgument unless `country` is empty or a code the rule above accepts.
Status CheckCountryCode(std::string_view country);

// InvalidArgument unless `code` is 1-32 letters, digits or '-', starting with a letter.
Status CheckOrganisationCode(std::string_view code);

}  // namespace kenes::share
