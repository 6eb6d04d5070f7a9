#include "share/principal.h"

#include <array>
#include <utility>

namespace kenes::share {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoleNames = {{
    {Role::kReader, "reader"},
    {Role::kAnalyst, "analyst"},
    {Role::kOrgAdmin, "org-admin"},
    {Role::kAdmin, "admin"},
}};

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [candidate, name] : kRoleNames) {
    if (candidate == role) return name;
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [role, candidate] : kRoleNames) {
    if (candidate == name) return role;
  }
  return std::nullopt;
}

Principal NodeOperator(std::string source) {
  return Principal{std::string(Principal::kNodeOperator), "", Role::kAdmin, std::move(source)};
}

}  // namespace kenes::share
