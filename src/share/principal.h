// Principal: who is acting, once credentials have been checked.
//
// Every request that reaches the community or the store on behalf of a person
// carries one: the user's name, the organisation (STIX identity id) the user
// belongs to, and the user's role. The node operator, running the CLI on the
// node itself without --as, is the admin principal of no organisation.
// Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kenes::share {

// Ordered by power: each role may do what the ones before it may.
enum class Role {
  kReader,    // reads what its organisation may see
  kAnalyst,   // also writes objects authored by its organisation
  kOrgAdmin,  // also manages its own organisation's users, keys and sharing groups
  kAdmin,     // the node: every organisation, the community, the audit log
};

// "reader", "analyst", "org-admin", "admin".
std::string_view RoleName(Role role);
// The inverse of RoleName; nullopt for anything else.
std::optional<Role> ParseRole(std::string_view name);

struct Principal {
  std::string user;          // the user name; kNodeOperator for the operator
  std::string organisation;  // identity--...; empty for the node operator
  Role role = Role::kReader;
  std::string source;  // where the request came from, for the audit log: "cli", "http 192.0.2.7"

  bool IsNodeOperator() const { return user == kNodeOperator; }

  // The name the operator acts under; not a valid user name, so no user can take it.
  static constexpr std::string_view kNodeOperator = "@operator";
};

// The node operator: the admin running the CLI on the node itself.
Principal NodeOperator(std::string source);

}  // namespace kenes::share
