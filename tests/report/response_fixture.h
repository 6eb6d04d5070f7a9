// ResponseFixture: the default community in a temporary node
// (share::CommunityFixture) with an incident, its response plan, tasks and
// notes made to order in the joint response representation, stored through
// the real importer with the sharing labels a test chooses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "share/community_fixture.h"
#include "share/distribution.h"
#include "share/marking.h"
#include "store/store.h"

namespace kenes::respond {

// One task to write: its version texts differ in outcome and who changed it.
struct TaskSpec {
  std::string id;
  std::string name;
  std::string responsible;  // organisation code
  std::string outcome;
  std::string due;  // STIX timestamp; empty: none
  std::vector<std::string> depends_on;
  std::string changed_by;  // organisation code; empty: the plan owner
  std::string modified = "2026-05-02T00:00:00.000Z";
};

class ResponseFixture : public share::CommunityFixture {
 protected:
  // The identity id of organisation `code` (KZ, KG, EU...).
  std::string Org(const std::string& code);

  // Imports `objects` as `author`'s with `tlp` and `distribution`; fails the test when one is refused.
  void Import(const std::string& author, const std::vector<std::string>& objects, share::Tlp tlp,
              share::DistributionKind distribution);

  // JSON texts in the joint response representation.
  std::string Incident(const std::string& id, const std::string& owner, const std::string& name,
                       const std::string& status, const std::string& severity, const std::vector<std::string>& affected,
                       const std::string& modified);
  std::string Plan(const std::string& id, const std::string& owner, const std::string& incident,
                   const std::string& name);
  std::string Task(const TaskSpec& task, const std::string& owner, const std::string& plan,
                   const std::string& incident);
  std::string Note(const std::string& id, const std::string& author, const std::string& content,
                   const std::vector<std::string>& about);
  std::string Relationship(const std::string& id, const std::string& author, const std::string& type,
                           const std::string& source, const std::string& target);
  std::string ThreatActor(const std::string& id, const std::string& author, const std::string& name);

  // What a user of organisation `code` may see.
  store::Viewer ViewerOf(const std::string& code);
};

// "type--00000000-0000-4000-8000-<number as 12 digits>".
std::string TestId(const std::string& type, int number);

}  // namespace kenes::respond
