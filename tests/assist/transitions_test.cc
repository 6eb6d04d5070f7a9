// The request and offer state machines as data (cases/transitions.tsv):
// every allowed and refused transition, with who tries it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "assist_fixture.h"

namespace kenes::assist {
namespace {

struct Transition {
  std::string request;  // open, closed
  std::string offer;    // none, pledged, accepted, declined, withdrawn, delivered
  std::string action;
  std::string actor;
  std::string outcome;  // ok or a StatusCode name
  std::string then;
  int line = 0;
};

std::vector<Transition> ReadTransitions() {
  std::ifstream file(KENES_ASSIST_CASES_DIR "/transitions.tsv");
  std::vector<Transition> transitions;
  std::string text;
  int line = 0;
  while (std::getline(file, text)) {
    ++line;
    if (text.empty() || text[0] == '#') continue;
    std::istringstream fields(text);
    Transition transition;
    std::getline(fields, transition.request, '\t');
    std::getline(fields, transition.offer, '\t');
    std::getline(fields, transition.action, '\t');
    std::getline(fields, transition.actor, '\t');
    std::getline(fields, transition.outcome, '\t');
    std::getline(fields, transition.then, '\t');
    transition.line = line;
    transitions.push_back(transition);
  }
  return transitions;
}

std::string OutcomeOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kPermissionDenied: return "PermissionDenied";
    case StatusCode::kFailedPrecondition: return "FailedPrecondition";
    case StatusCode::kInvalidArgument: return "InvalidArgument";
    case StatusCode::kNotFound: return "NotFound";
    default: return status.ToString();
  }
}

class TransitionTest : public AssistFixture, public ::testing::WithParamInterface<Transition> {
 protected:
  share::Principal Actor(const std::string& name) {
    if (name == "requester") return kazakhstan_;
    if (name == "offerer") return kyrgyzstan_;
    if (name == "third") return uzbekistan_;
    if (name == "partner") return european_union_;
    if (name == "reader") return kazakh_reader_;
    return operator_;
  }

  // The offer brought to `state` by its parties.
  AssistanceOffer Prepare(const AssistanceRequest& request, const std::string& state) {
    AssistanceOffer offer = PledgePumps(kyrgyzstan_, request, 5);
    Result<AssistanceOffer> moved = offer;
    if (state == "accepted" || state == "delivered") moved = desk_->Accept(kazakhstan_, offer.id);
    if (state == "delivered" && moved.ok()) moved = desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", {}, 2}});
    if (state == "declined") moved = desk_->Decline(kazakhstan_, offer.id);
    if (state == "withdrawn") moved = desk_->Withdraw(kyrgyzstan_, offer.id);
    EXPECT_TRUE(moved.ok()) << moved.status().ToString();
    return moved.ok() ? *moved : offer;
  }
};

TEST_P(TransitionTest, FollowsTheTable) {
  const Transition& row = GetParam();
  SCOPED_TRACE("transitions.tsv line " + std::to_string(row.line));
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  AssistanceOffer offer;
  if (row.offer != "none") offer = Prepare(request, row.offer);
  if (row.request == "closed") {
    ASSERT_TRUE(desk_->Close(kazakhstan_, request.id).ok());
  }

  const share::Principal actor = Actor(row.actor);
  Status status;
  std::string state;
  auto take = [&](const auto& result, auto field) {
    status = result.status();
    if (result.ok()) state = (*result).*field;
  };
  if (row.action == "pledge") {
    take(desk_->Pledge(actor, {request.id, {{"pumps", 3, "unit", ""}}, {}}), &AssistanceOffer::status);
  } else if (row.action == "close") {
    take(desk_->Close(actor, request.id), &AssistanceRequest::status);
  } else if (row.action == "accept") {
    take(desk_->Accept(actor, offer.id), &AssistanceOffer::status);
  } else if (row.action == "decline") {
    take(desk_->Decline(actor, offer.id), &AssistanceOffer::status);
  } else if (row.action == "withdraw") {
    take(desk_->Withdraw(actor, offer.id), &AssistanceOffer::status);
  } else if (row.action == "dispatch") {
    take(desk_->Progress(actor, offer.id, {{"pumps", 3, {}}}), &AssistanceOffer::status);
  } else if (row.action == "deliver") {
    take(desk_->Progress(actor, offer.id, {{"pumps", {}, 4}}), &AssistanceOffer::status);
  } else {
    FAIL() << "unknown action " << row.action;
  }
  EXPECT_EQ(OutcomeOf(status), row.outcome) << status.ToString();
  if (row.outcome == "ok") {
    EXPECT_EQ(state, row.then);
  } else {
    EXPECT_FALSE(status.message().empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Table, TransitionTest, ::testing::ValuesIn(ReadTransitions()),
                         [](const ::testing::TestParamInfo<Transition>& info) {
                           return "line" + std::to_string(info.param.line);
                         });

}  // namespace
}  // namespace kenes::assist
