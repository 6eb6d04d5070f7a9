// DetailDesk: who may ask and decide (a table of callers), approval shares
// the object with the requester through the store's access filter and is
// audited, a decline shares nothing, a decided request stays decided.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "correlate/alert_fixture.h"
#include "share/access_viewer.h"

namespace kenes::correlate {
namespace {

class DetailDeskTest : public AlertFixture {
 protected:
  void SetUp() override {
    AlertFixture::SetUp();
    // KG's object is its own only: KZ learns that KG holds a match, nothing more.
    kz_object_ = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
    kg_object_ = StoreIndicator(2, kKyrgyzstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
    ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", {kz_object_, kKazakhstan}, {{kg_object_, kKyrgyzstan}})}).ok());
    AlertFilter filter;
    filter.organisation = kKazakhstan;
    kz_alert_ = alerts_->List(filter)->at(0).id;
    kz_analyst_ = AddUser("kz-analyst", "KZ", share::Role::kAnalyst);
    kg_analyst_ = AddUser("kg-analyst", "KG", share::Role::kAnalyst);
  }

  // Whether `principal`'s organisation reads `id` through the store's filter.
  bool Reads(const share::Principal& principal, const std::string& id) {
    Result<std::optional<store::Viewer>> viewer = share::StoreViewerOf(*community_, principal);
    EXPECT_TRUE(viewer.ok());
    return store_->Latest(id, viewer->has_value() ? &**viewer : nullptr).ok();
  }

  std::vector<share::AuditEntry> Audited(const std::string& action) {
    share::AuditFilter filter;
    filter.action = action;
    return community_->audit().Show(filter).value();
  }

  std::string kz_object_, kg_object_;
  int64_t kz_alert_ = 0;
  share::Principal kz_analyst_, kg_analyst_;
};

TEST_F(DetailDeskTest, ApprovalSharesTheObjectAndIsAudited) {
  ASSERT_FALSE(Reads(kz_analyst_, kg_object_));
  Result<DetailRequest> asked = desk_->Ask(kz_analyst_, kz_alert_, "the address hit our border service");
  ASSERT_TRUE(asked.ok()) << asked.status().ToString();
  EXPECT_EQ(asked->state, RequestState::kPending);
  EXPECT_EQ(asked->holder, kKyrgyzstan);
  EXPECT_EQ(asked->object_id, kg_object_);
  EXPECT_EQ(desk_->List(kg_analyst_)->size(), 1u);  // incoming
  EXPECT_EQ(desk_->List(kz_analyst_)->size(), 1u);  // outgoing

  Result<DetailRequest> approved = desk_->Approve(kg_analyst_, asked->id);
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->state, RequestState::kApproved);
  EXPECT_EQ(approved->decided_by, "kg-analyst");
  EXPECT_TRUE(Reads(kz_analyst_, kg_object_));
  EXPECT_FALSE(Reads(AddUser("eu-analyst", "EU", share::Role::kAnalyst), kg_object_));

  std::vector<share::AuditEntry> created = Audited("detail-request.create");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].actor, "kz-analyst");
  EXPECT_EQ(created[0].target, kg_object_);
  std::vector<share::AuditEntry> approvals = Audited("detail-request.approve");
  ASSERT_EQ(approvals.size(), 1u);
  EXPECT_EQ(approvals[0].actor, "kg-analyst");
  EXPECT_EQ(approvals[0].outcome, "ok");
  EXPECT_NE(approvals[0].detail.find(kKazakhstan), std::string::npos) << approvals[0].detail;

  EXPECT_EQ(desk_->Approve(kg_analyst_, asked->id).status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(desk_->Decline(kg_analyst_, asked->id).status().code(), StatusCode::kAlreadyExists);
  // Approved: nothing more to ask about this alert.
  EXPECT_EQ(desk_->Ask(kz_analyst_, kz_alert_, "again").status().code(), StatusCode::kAlreadyExists);
}

TEST_F(DetailDeskTest, DeclineSharesNothingAndMayBeAskedAgain) {
  Result<DetailRequest> asked = desk_->Ask(kz_analyst_, kz_alert_, "the address hit our border service");
  ASSERT_TRUE(asked.ok()) << asked.status().ToString();
  EXPECT_EQ(desk_->Ask(kz_analyst_, kz_alert_, "twice").status().code(), StatusCode::kAlreadyExists);
  Result<DetailRequest> declined = desk_->Decline(kg_analyst_, asked->id);
  ASSERT_TRUE(declined.ok()) << declined.status().ToString();
  EXPECT_EQ(declined->state, RequestState::kDeclined);
  EXPECT_FALSE(Reads(kz_analyst_, kg_object_));
  EXPECT_EQ(Audited("detail-request.decline").size(), 1u);
  EXPECT_TRUE(Audited("detail-request.approve").empty());
  EXPECT_TRUE(desk_->Ask(kz_analyst_, kz_alert_, "new evidence: the same address in a second case").ok());
}

// Who may do what: each caller's answer to asking about KZ's alert, and to
// deciding on KZ's pending request to KG.
struct PermissionCase {
  std::string code;
  share::Role role;
  StatusCode ask;
  StatusCode decide;
};

class DetailDeskPermissionTest : public DetailDeskTest, public ::testing::WithParamInterface<PermissionCase> {};

TEST_P(DetailDeskPermissionTest, AnswersEachCaller) {
  const PermissionCase& c = GetParam();
  share::Principal caller = AddUser("caller", c.code, c.role);
  Result<DetailRequest> asked = desk_->Ask(caller, kz_alert_, "why");
  EXPECT_EQ(asked.status().code(), c.ask) << asked.status().ToString();
  Result<DetailRequest> pending =
      asked.ok() ? asked : desk_->Ask(kz_analyst_, kz_alert_, "the address hit our border service");
  ASSERT_TRUE(pending.ok()) << pending.status().ToString();
  Result<DetailRequest> decided = desk_->Decline(caller, pending->id);
  EXPECT_EQ(decided.status().code(), c.decide) << decided.status().ToString();
  if (c.decide == StatusCode::kNotFound) {
    // Not a party: told nothing, in the words of an unknown request.
    EXPECT_EQ(decided.status().message(), fmt::format("no request for details {}", pending->id));
    EXPECT_TRUE(desk_->List(caller)->empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Callers, DetailDeskPermissionTest,
    ::testing::Values(PermissionCase{"KZ", share::Role::kReader, StatusCode::kPermissionDenied,
                                     StatusCode::kPermissionDenied},
                      PermissionCase{"KZ", share::Role::kAnalyst, StatusCode::kOk, StatusCode::kPermissionDenied},
                      PermissionCase{"KZ", share::Role::kOrgAdmin, StatusCode::kOk, StatusCode::kPermissionDenied},
                      PermissionCase{"KG", share::Role::kReader, StatusCode::kNotFound, StatusCode::kPermissionDenied},
                      PermissionCase{"KG", share::Role::kAnalyst, StatusCode::kNotFound, StatusCode::kOk},
                      PermissionCase{"KG", share::Role::kOrgAdmin, StatusCode::kNotFound, StatusCode::kOk},
                      PermissionCase{"EU", share::Role::kAnalyst, StatusCode::kNotFound, StatusCode::kNotFound},
                      PermissionCase{"EU", share::Role::kOrgAdmin, StatusCode::kNotFound, StatusCode::kNotFound}),
    [](const ::testing::TestParamInfo<PermissionCase>& info) {
      std::string role(share::RoleName(info.param.role));
      std::erase(role, '-');
      return info.param.code + "_" + role;
    });

TEST_F(DetailDeskTest, AReasonIsRequired) {
  EXPECT_EQ(desk_->Ask(kz_analyst_, kz_alert_, "  ").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Ask(kz_analyst_, kz_alert_, std::string(5000, 'x')).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kenes::correlate
