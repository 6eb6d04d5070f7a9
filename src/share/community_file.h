// Community file: declares a community other than the default one, for
// `kenes init --community FILE`.
//
// A JSON object with one member, "organisations", a list in which parents
// come before their children:
//
//   {"organisations": [
//     {"code": "KZ", "name": "Security Council of the Republic of Kazakhstan",
//      "standing": "member", "country": "KZ",
//      "id": "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b"},
//     {"code": "KZ-FIN", "name": "Financial Monitoring Agency",
//      "standing": "member", "country": "KZ", "parent": "KZ"}]}
//
// code, name and standing are required; id (default: a fresh one), country
// and parent (a code or identity id of an earlier entry) are optional.
// Unknown members are errors, so a typo never goes unnoticed. Thread-safe.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "share/community.h"

namespace kenes::share {

// The organisations declared by `text`; `origin` names it in errors.
Result<std::vector<OrganisationSpec>> ParseCommunityFile(std::string_view text, std::string_view origin);

// Reads and parses the file at `path`. NotFound if it cannot be read.
Result<std::vector<OrganisationSpec>> ReadCommunityFile(const std::filesystem::path& path);

}  // namespace kenes::share
