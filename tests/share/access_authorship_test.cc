// Authorship: users write as their own organisation, only creators version
// their objects, and spoofing attempts are refused (cases as a table), also
// against what the store already holds.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "share/access_authorship.h"
#include "share/access_policy.h"
#include "share/distribution_marking.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store_fixture.h"

namespace kenes::share {
namespace {

const std::string kKz = "identity--11111111-1111-4111-8111-111111111111";
const std::string kKg = "identity--22222222-2222-4222-8222-222222222222";

struct WriteCase {
  const char* name;
  Role role;
  const char* created_by_ref;            // what the client sent; "" for none
  std::optional<std::string> stored_creator;
  std::vector<std::string> markings;
  bool observable = false;               // an SCO rather than an indicator
  StatusCode expected = StatusCode::kOk;
  const char* expected_author = "";      // the label's and (for SDOs) the stored created_by_ref
};

const std::vector<std::string> kRedToMembers = {std::string(TlpMarkingId(Tlp::kRed)),
                                                DistributionMarkingId({DistributionKind::kMembers, ""})};
const std::vector<std::string> kGreenToCommunity = {std::string(TlpMarkingId(Tlp::kGreen)),
                                                    DistributionMarkingId({DistributionKind::kCommunity, ""})};

// Every case's writer belongs to KZ.
const WriteCase kWriteCases[] = {
    {"analyst, no author: the node sets it", Role::kAnalyst, "", std::nullopt, {}, false, StatusCode::kOk, "KZ"},
    {"analyst names its own organisation", Role::kAnalyst, "KZ", std::nullopt, {}, false, StatusCode::kOk, "KZ"},
    {"analyst names another organisation", Role::kAnalyst, "KG", std::nullopt, {}, false,
     StatusCode::kPermissionDenied, ""},
    {"org-admin versions another's object", Role::kOrgAdmin, "", kKg, kGreenToCommunity, false,
     StatusCode::kPermissionDenied, ""},
    {"analyst versions another's object as it", Role::kAnalyst, "KG", kKg, {}, false,
     StatusCode::kPermissionDenied, ""},
    {"analyst versions an object with no named creator", Role::kAnalyst, "", std::string(), {}, false,
     StatusCode::kPermissionDenied, ""},
    {"analyst versions its own object", Role::kAnalyst, "KZ", kKz, {}, false, StatusCode::kOk, "KZ"},
    {"reader writes", Role::kReader, "", std::nullopt, {}, false, StatusCode::kPermissionDenied, ""},
    {"analyst labels RED for all members", Role::kAnalyst, "", std::nullopt, kRedToMembers, false,
     StatusCode::kInvalidArgument, ""},
    {"analyst writes an observable", Role::kAnalyst, "", std::nullopt, {}, true, StatusCode::kOk, "KZ"},
    {"admin imports a partner's object", Role::kAdmin, "KG", kKg, {}, false, StatusCode::kOk, "KG"},
    {"admin imports RED for all members", Role::kAdmin, "KG", std::nullopt, kRedToMembers, false,
     StatusCode::kInvalidArgument, ""},
};

std::string Organisation(std::string_view code) { return code == "KZ" ? kKz : code == "KG" ? kKg : ""; }

stix::Object MakeObject(const WriteCase& write_case) {
  const std::string author = Organisation(write_case.created_by_ref);
  stix::Object object =
      write_case.observable
          ? store::MakeSco(store::TestId("ipv4-addr", 1), "192.0.2.1")
          : store::MakeSdo(store::TestId("indicator", 1), store::TestTime(1),
                           author.empty() ? "" : ",\"created_by_ref\":\"" + author + "\"");
  object.created_by_ref = author;
  object.object_marking_refs = write_case.markings;
  return object;
}

TEST(AccessAuthorshipTest, WritesFollowTheAuthorshipRules) {
  const LabelDefaults defaults{"", Tlp::kAmber, {DistributionKind::kMembers, ""}};
  for (const WriteCase& write_case : kWriteCases) {
    Principal principal{"writer", kKz, write_case.role, "test"};
    stix::Object object = MakeObject(write_case);
    const std::string sent_json = object.json;
    Result<AuthorisedWrite> write = AuthoriseWrite(principal, object, write_case.stored_creator, defaults, {});
    ASSERT_EQ(write.ok() ? StatusCode::kOk : write.status().code(), write_case.expected)
        << write_case.name << ": " << write.status().ToString();
    if (!write.ok()) continue;
    const std::string author = Organisation(write_case.expected_author);
    EXPECT_EQ(write->label.author, author) << write_case.name;
    if (write_case.observable) {
      EXPECT_EQ(write->object.json.find("created_by_ref"), std::string::npos) << write_case.name;
    } else {
      EXPECT_EQ(write->object.created_by_ref, author) << write_case.name;
      EXPECT_NE(write->object.json.find("\"created_by_ref\":\"" + author + "\""), std::string::npos)
          << write_case.name << ": " << write->object.json;
    }
    if (write_case.role == Role::kAdmin) {
      EXPECT_EQ(write->object.json, sent_json) << write_case.name << ": bulk imports keep the producer's text";
    } else {
      // Users' objects carry their sharing decision in their own markings, to travel with them.
      EXPECT_EQ(StrictestTlp(write->object.object_marking_refs), write->label.tlp) << write_case.name;
      EXPECT_EQ(DistributionOfMarkings(write->object.object_marking_refs, {}), write->label.distribution)
          << write_case.name;
      if (write_case.markings.empty()) {
        EXPECT_NE(write->object.json.find(DistributionMarkingId(write->label.distribution)), std::string::npos)
            << write_case.name << ": " << write->object.json;
      }
    }
  }
}

TEST(AccessAuthorshipTest, UnmarkedWritesTakeTheDefaults) {
  Principal analyst{"writer", kKz, Role::kAnalyst, "test"};
  const LabelDefaults defaults{kKg, Tlp::kGreen, {DistributionKind::kCommunity, ""}};
  Result<AuthorisedWrite> write = AuthoriseWrite(
      analyst, store::MakeSdo(store::TestId("indicator", 1), store::TestTime(1)), std::nullopt, defaults, {});
  ASSERT_TRUE(write.ok());
  EXPECT_EQ(write->label, (Label{kKz, Tlp::kGreen, {DistributionKind::kCommunity, ""}}));
}

using AccessSpoofingTest = store::StoreFixture;

// KZ stores a TLP:RED object for itself; a KG analyst then sends a new
// version without the RED marking, shared with the community. Refused, and
// KG still cannot see the object.
TEST_F(AccessSpoofingTest, AnotherOrganisationCannotVersionAwayAMarking) {
  std::unique_ptr<store::Store> store = Open();
  const LabelDefaults defaults{"", Tlp::kAmber, {DistributionKind::kOrganisation, ""}};
  stix::Object original = store::MakeSdo(store::TestId("indicator", 1), store::TestTime(1));
  original.object_marking_refs = {std::string(TlpMarkingId(Tlp::kRed))};
  Result<AuthorisedWrite> first =
      AuthoriseWrite({"kz-analyst", kKz, Role::kAnalyst, "test"}, original, std::nullopt, defaults, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  std::vector<store::AccessLabel> labels = {ToStoreLabel(first->label)};
  ASSERT_TRUE(store->Put(std::span(&first->object, 1), labels).ok());

  stix::Object spoof = store::MakeSdo(store::TestId("indicator", 1), store::TestTime(2));
  spoof.object_marking_refs = kGreenToCommunity;
  // The writer asks the store, unfiltered, who created the object.
  Result<store::StoredVersion> stored = store->Latest(spoof.id);
  ASSERT_TRUE(stored.ok());
  Result<AuthorisedWrite> second =
      AuthoriseWrite({"kg-analyst", kKg, Role::kAnalyst, "test"}, spoof, stored->created_by_ref, defaults, {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(second.status().message().find("only its creator"), std::string::npos) << second.status().message();

  store::Viewer kg = StoreViewer({kKg, {true, false, {}}, std::nullopt});
  EXPECT_EQ(store->Latest(spoof.id, &kg).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->Count()->versions, 1);
}

}  // namespace
}  // namespace kenes::share
