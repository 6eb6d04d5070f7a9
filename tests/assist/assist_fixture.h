// AssistFixture: the default community in a fresh data directory (share's
// CommunityFixture), an AssistanceDesk on it whose notices a test reads
// back, users of Kazakhstan (the requester in most tests), Kyrgyzstan and
// Uzbekistan (members) and the European Union (a partner), and a flood zone
// location Kazakhstan shares with the community.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "assist/assistance_desk.h"
#include "notify/notice.h"
#include "share/community_fixture.h"

namespace kenes::assist {

class AssistFixture : public share::CommunityFixture {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The identity id of organisation `code`.
  std::string OrganisationId(const std::string& code);

  // A flood request by `requester` for 10 pumps (line "pumps") and 4 boats
  // (line "boats"), shared with the community at TLP:GREEN.
  AssistanceRequest PublishFloodRequest(const share::Principal& requester);
  // An offer by `offerer` of `pumps` pumps on `request`, shared as `sharing` says.
  AssistanceOffer PledgePumps(const share::Principal& offerer, const AssistanceRequest& request, int64_t pumps,
                              Sharing sharing = {});

  std::unique_ptr<AssistanceDesk> desk_;
  std::vector<notify::Notice> notices_;
  std::string location_id_;
  share::Principal kazakhstan_;  // analysts
  share::Principal kyrgyzstan_;
  share::Principal uzbekistan_;
  share::Principal european_union_;
  share::Principal kazakh_reader_;
};

}  // namespace kenes::assist
