// RespondFixture: a community (share::CommunityFixture) with a response desk
// whose notices a test reads, and users of three organisations: Kazakhstan
// runs the response (owner), Uzbekistan is given tasks (responsible),
// Tajikistan stands aside (other); plus a Kazakh reader.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "notify/notice.h"
#include "respond/reminder_ledger.h"
#include "respond/response_desk.h"
#include "share/community_fixture.h"

namespace kenes::respond {

class RespondFixture : public share::CommunityFixture {
 protected:
  void SetUp() override;
  void TearDown() override;

  // `principal` acting, with the viewer of what its organisation may see.
  Actor As(const share::Principal& principal);
  std::string IdOf(const std::string& code);

  // An incident of KZ (distribution organisation: only KZ sees it unless granted).
  Incident MakeIncident(const std::string& name = "Heroin route through the Fergana valley");
  ResponsePlan MakePlan(const Incident& incident, Sharing sharing = {});
  Task MakeTask(const ResponsePlan& plan, const std::string& responsible, std::vector<std::string> depends_on = {});

  // The notices of `kind` published so far.
  std::vector<notify::Notice> NoticesOf(const std::string& kind) const;

  std::unique_ptr<ReminderLedger> ledger_;
  std::vector<notify::Notice> notices_;
  std::unique_ptr<ResponseDesk> desk_;
  share::Principal kz_, uz_, tj_, kz_reader_;

 private:
  std::vector<std::unique_ptr<store::Viewer>> viewers_;  // kept alive for the Actors handed out
};

}  // namespace kenes::respond
