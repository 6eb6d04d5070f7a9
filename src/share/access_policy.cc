#include "share/access_policy.h"

#include <algorithm>
#include <array>

namespace kenes::share {
namespace {

// Who beyond the author may see a version (the header's table).
enum class Reach {
  kAuthorOnly,             // refused labels, and distribution organisation
  kRecipients,             // the recipient organisations themselves
  kRecipientsAndChildren,  // and the organisations whose parent is one
};

// kRules[tlp][distribution kind], kinds in DistributionKind's order:
// organisation, group, members, community.
constexpr Reach A = Reach::kAuthorOnly, R = Reach::kRecipients, C = Reach::kRecipientsAndChildren;
constexpr std::array<std::array<Reach, kDistributionKinds>, kTlpLevels> kRules = {{
    /* CLEAR        */ {A, C, C, C},
    /* GREEN        */ {A, C, C, C},
    /* AMBER        */ {A, C, C, C},
    /* AMBER+STRICT */ {A, R, R, R},
    /* RED          */ {A, R, A, A},  // members and community: refused by CheckLabel
}};

bool IsRecipient(const CommunityPlace& place, const Distribution& distribution) {
  switch (distribution.kind) {
    case DistributionKind::kOrganisation:
      return false;
    case DistributionKind::kGroup:
      return std::find(place.groups.begin(), place.groups.end(), distribution.group) != place.groups.end();
    case DistributionKind::kMembers:
      return place.member;
    case DistributionKind::kCommunity:
      return place.member || place.partner;
  }
  return false;
}

}  // namespace

bool MayView(const ViewerFacts& viewer, const Label& label) {
  if (!viewer.organisation.empty() && viewer.organisation == label.author) return true;
  switch (kRules[static_cast<size_t>(label.tlp)][static_cast<size_t>(label.distribution.kind)]) {
    case Reach::kAuthorOnly:
      return false;
    case Reach::kRecipients:
      return IsRecipient(viewer.place, label.distribution);
    case Reach::kRecipientsAndChildren:
      return IsRecipient(viewer.place, label.distribution) ||
             (viewer.parent && IsRecipient(*viewer.parent, label.distribution));
  }
  return false;
}

store::Viewer StoreViewer(const ViewerFacts& viewer) {
  store::Viewer filter;
  filter.author = viewer.organisation;
  // Every distribution the viewer could receive: the fixed kinds, and the
  // groups it or its parent belongs to (no other group names it).
  std::vector<Distribution> candidates;
  for (DistributionKind kind :
       {DistributionKind::kOrganisation, DistributionKind::kMembers, DistributionKind::kCommunity}) {
    candidates.push_back({kind, ""});
  }
  std::vector<std::string> groups = viewer.place.groups;
  if (viewer.parent) groups.insert(groups.end(), viewer.parent->groups.begin(), viewer.parent->groups.end());
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  for (std::string& group : groups) candidates.push_back({DistributionKind::kGroup, std::move(group)});

  for (const Distribution& distribution : candidates) {
    // No author (so MayView's own-version rule never fires): the grant must
    // hold for the versions of any other organisation.
    Label label{"", Tlp::kClear, distribution};
    store::AccessGrant grant;
    for (int tlp = 0; tlp < kTlpLevels; ++tlp) {
      label.tlp = static_cast<Tlp>(tlp);
      if (MayView(viewer, label)) grant.levels |= 1u << tlp;
    }
    if (grant.levels == 0) continue;
    store::AccessLabel key = ToStoreLabel(label);
    grant.audience = key.audience;
    grant.group = key.group;
    filter.grants.push_back(std::move(grant));
  }
  if (!viewer.organisation.empty()) {
    filter.grants.push_back({kAddressedAudience, (1u << kTlpLevels) - 1, viewer.organisation});
  }
  return filter;
}

store::AccessLabel AddressedLabel(std::string author, std::string recipient, Tlp tlp) {
  return {std::move(author), kAddressedAudience, static_cast<int>(tlp), std::move(recipient)};
}

std::optional<store::Viewer> StoreViewerFor(const Principal& principal, const ViewerFacts& viewer) {
  if (principal.role == Role::kAdmin) return std::nullopt;
  return StoreViewer(viewer);
}

}  // namespace kenes::share
