// SharingOption: the --tlp and --distribution options of the commands that
// write (incident, task, note, assist), read into the sharing their desk
// takes (respond::Sharing, assist::Sharing: an optional TLP and an optional
// distribution; unset means the organisation's default).
//
// Pure function; single-threaded like the CLI.
#pragma once

#include <string>

#include "base/status.h"
#include "share/distribution.h"
#include "share/marking.h"

namespace kenes::cli {

// InvalidArgument naming the option when `tlp` or `distribution` is not one Kenes knows; empty: unset.
template <typename Sharing>
Result<Sharing> SharingOf(const std::string& tlp, const std::string& distribution) {
  Sharing sharing;
  if (!tlp.empty()) {
    sharing.tlp = share::ParseTlp(tlp);
    if (!sharing.tlp) return Status::InvalidArgument("--tlp must be clear, green, amber, amber+strict or red");
  }
  if (!distribution.empty()) {
    KENES_ASSIGN_OR_RETURN(sharing.distribution, share::ParseDistribution(distribution));
  }
  return sharing;
}

}  // namespace kenes::cli
