#include "notify/audience.h"

#include <algorithm>
#include <optional>

namespace kenes::notify {

Result<bool> Audience::MaySee(std::string_view organisation, std::string_view object_id) {
  share::Principal reader;
  reader.organisation = std::string(organisation);
  reader.role = share::Role::kReader;  // what the organisation may see, whoever of it reads
  KENES_ASSIGN_OR_RETURN(std::optional<store::Viewer> viewer, viewers_.ViewerOf(reader));
  Result<store::StoredVersion> latest = store_.Latest(object_id, viewer ? &*viewer : nullptr);
  if (latest.ok()) return true;
  if (latest.status().code() == StatusCode::kNotFound) return false;
  return latest.status();
}

Result<std::vector<std::string>> Audience::Of(const Notice& notice) {
  std::vector<std::string> candidates = notice.organisations;
  if (candidates.empty()) {
    KENES_ASSIGN_OR_RETURN(std::vector<share::Organisation> organisations, community_.Organisations());
    for (share::Organisation& organisation : organisations) candidates.push_back(std::move(organisation.id));
  }
  std::vector<std::string> audience;
  for (std::string& candidate : candidates) {
    if (candidate.empty() || std::find(audience.begin(), audience.end(), candidate) != audience.end()) continue;
    KENES_ASSIGN_OR_RETURN(bool may_see, MaySee(candidate, notice.object_id));
    if (may_see) audience.push_back(std::move(candidate));
  }
  return audience;
}

}  // namespace kenes::notify
