#include "share/access_viewer.h"

#include <algorithm>

namespace kenes::share {
namespace {

CommunityPlace PlaceOf(const Organisation& organisation, const std::vector<SharingGroup>& groups) {
  CommunityPlace place;
  place.member = organisation.standing == Standing::kMember;
  place.partner = organisation.standing == Standing::kPartner;
  for (const SharingGroup& group : groups) {
    if (std::find(group.members.begin(), group.members.end(), organisation.id) != group.members.end()) {
      place.groups.push_back(group.id);
    }
  }
  return place;
}

}  // namespace

Result<ViewerFacts> ViewerFactsOf(Community& community, std::string_view organisation) {
  Result<Organisation> found = community.FindOrganisation(organisation);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kNotFound && organisation.starts_with("identity--")) {
      return ViewerFacts{std::string(organisation), {}, std::nullopt};
    }
    return found.status();
  }
  KENES_ASSIGN_OR_RETURN(std::vector<SharingGroup> groups, community.Groups(NodeOperator("access")));
  ViewerFacts facts{found->id, PlaceOf(*found, groups), std::nullopt};
  if (!found->parent.empty()) {
    KENES_ASSIGN_OR_RETURN(Organisation parent, community.FindOrganisation(found->parent));
    facts.parent = PlaceOf(parent, groups);
  }
  return facts;
}

Result<std::optional<store::Viewer>> StoreViewerOf(Community& community, const Principal& principal) {
  if (principal.role == Role::kAdmin) return std::optional<store::Viewer>();
  KENES_ASSIGN_OR_RETURN(ViewerFacts facts, ViewerFactsOf(community, principal.organisation));
  return StoreViewerFor(principal, facts);
}

Result<std::vector<std::string>> SharingGroupIds(Community& community) {
  KENES_ASSIGN_OR_RETURN(std::vector<SharingGroup> groups, community.Groups(NodeOperator("access")));
  std::vector<std::string> ids;
  for (const SharingGroup& group : groups) ids.push_back(group.id);
  return ids;
}

}  // namespace kenes::share
