#include "share/access_label.h"

#include <fmt/format.h>

#include "share/distribution_marking.h"

namespace kenes::share {

Label LabelOf(const stix::Object& object, const LabelDefaults& defaults, std::span<const std::string> group_ids) {
  Label label;
  label.author = object.created_by_ref.empty() ? defaults.author : object.created_by_ref;
  label.tlp = StrictestTlp(object.object_marking_refs).value_or(defaults.tlp);
  label.distribution = DistributionOfMarkings(object.object_marking_refs, group_ids).value_or(defaults.distribution);
  return label;
}

Status CheckLabel(const Label& label) {
  const DistributionKind kind = label.distribution.kind;
  if (kind == DistributionKind::kGroup && label.distribution.group.empty()) {
    return Status::InvalidArgument("a group distribution needs the sharing group's id");
  }
  if (label.tlp == Tlp::kRed && (kind == DistributionKind::kMembers || kind == DistributionKind::kCommunity)) {
    return Status::InvalidArgument(
        fmt::format("TLP:RED goes to named recipients only, so it cannot have distribution '{}': choose "
                    "distribution organisation or a sharing group, or a lower TLP level",
                    DistributionKindName(kind)));
  }
  return Status::Ok();
}

store::AccessLabel ToStoreLabel(const Label& label) {
  return {label.author, static_cast<int>(label.distribution.kind), static_cast<int>(label.tlp),
          label.distribution.group};
}

}  // namespace kenes::share
