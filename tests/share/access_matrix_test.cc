// The authorisation matrix: every role x author relation x TLP level x
// distribution, read back through every read path of the store (latest,
// version, versions, list pages with cursors, latest-only lists, counts),
// and asked of the decision function. Expected results come from
// cases/access_matrix.tsv; the community and the relations it refers to
// from cases/access_community.tsv and cases/access_relations.tsv.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "share/access_policy.h"
#include "share/case_table.h"
#include "stix/sco_id.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store_fixture.h"

namespace kenes::share {
namespace {

using Row = CaseRow;

std::vector<Row> ReadTable(const std::string& name, size_t columns) {
  return ReadCaseTable(AccessCasesDir() / name, columns);
}

std::string OrganisationId(const std::string& code) { return "identity--" + stix::UuidV5(code); }

CommunityPlace PlaceOf(const Row& organisation) {
  CommunityPlace place;
  place.member = organisation[1] == "member";
  place.partner = organisation[1] == "partner";
  place.groups = CaseList(organisation[3]);
  return place;
}

// The community facts of each organisation code, from access_community.tsv.
std::map<std::string, ViewerFacts> ReadCommunity() {
  std::map<std::string, Row> rows;
  for (Row& row : ReadTable("access_community.tsv", 4)) rows[row[0]] = row;
  std::map<std::string, ViewerFacts> facts;
  for (const auto& [code, row] : rows) {
    ViewerFacts& viewer = facts[code];
    viewer.organisation = OrganisationId(code);
    viewer.place = PlaceOf(row);
    if (row[2] != "-") viewer.parent = PlaceOf(rows.at(row[2]));
  }
  return facts;
}

const std::vector<std::pair<std::string, Role>> kRoles = {
    {"reader", Role::kReader}, {"analyst", Role::kAnalyst}, {"org-admin", Role::kOrgAdmin}, {"admin", Role::kAdmin}};

// One cell of the matrix: an object of the relation's author with this label.
struct Case {
  std::string relation;
  Label label;
  bool write_accepted = true;
  std::map<std::string, bool> visible_by_role;
  std::string id;
};

std::string Describe(const Case& matrix_case) {
  return fmt::format("{} {} {} ({})", matrix_case.relation, TlpName(matrix_case.label.tlp),
                     DistributionText(matrix_case.label.distribution), matrix_case.id);
}

class AccessMatrixTest : public store::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    community_ = ReadCommunity();
    for (const Row& row : ReadTable("access_relations.tsv", 3)) relations_[row[0]] = {row[1], row[2]};
    int number = 0;
    for (const Row& row : ReadTable("access_matrix.tsv", 8)) {
      Case matrix_case;
      matrix_case.relation = row[0];
      std::optional<Tlp> tlp = ParseTlp(row[1]);
      Result<Distribution> distribution = ParseDistribution(row[2]);
      ASSERT_TRUE(tlp && distribution.ok()) << row[1] << " " << row[2];
      ASSERT_TRUE(relations_.count(row[0])) << row[0];
      matrix_case.label = {OrganisationId(relations_[row[0]].first), *tlp, *distribution};
      matrix_case.write_accepted = row[3] == "ok";
      for (size_t role = 0; role < kRoles.size(); ++role) {
        matrix_case.visible_by_role[kRoles[role].first] = row[4 + role] == "visible";
      }
      matrix_case.id = store::TestId("indicator", ++number);
      cases_.push_back(std::move(matrix_case));
    }
    ASSERT_EQ(cases_.size(), relations_.size() * kTlpLevels * 5);
  }

  std::map<std::string, ViewerFacts> community_;
  std::map<std::string, std::pair<std::string, std::string>> relations_;  // relation: author code, viewer code
  std::vector<Case> cases_;
};

// The ids a viewer sees by paging through the list, checking each page.
std::vector<std::string> ListAll(store::Store& store, store::ListQuery query, const std::string& context) {
  std::vector<std::string> ids;
  for (int pages = 0; pages < 1000; ++pages) {
    Result<store::Page> page = store.List(query);
    EXPECT_TRUE(page.ok()) << context << page.status().ToString();
    if (!page.ok()) break;
    for (const store::StoredVersion& version : page->versions) ids.push_back(version.id);
    // A page is short only at the end: a hidden version leaves no gap.
    if (!page->more) break;
    EXPECT_EQ(page->versions.size(), query.limit) << context;
    query.cursor = page->cursor;
  }
  return ids;
}

TEST_F(AccessMatrixTest, WritersAreRefusedTheLabelsTheTableRefuses) {
  for (const Case& matrix_case : cases_) {
    Status status = CheckLabel(matrix_case.label);
    EXPECT_EQ(status.ok(), matrix_case.write_accepted)
        << Describe(matrix_case) << ": " << status.ToString();
    if (!status.ok()) {
      EXPECT_NE(status.message().find("TLP:RED"), std::string::npos) << status.message();
    }
  }
}

TEST_F(AccessMatrixTest, DecisionAgreesWithTheTable) {
  for (const Case& matrix_case : cases_) {
    const ViewerFacts& viewer = community_.at(relations_[matrix_case.relation].second);
    EXPECT_EQ(MayView(viewer, matrix_case.label), matrix_case.visible_by_role.at("reader"))
        << Describe(matrix_case);
  }
}

TEST_F(AccessMatrixTest, EveryReadPathAgreesWithTheTable) {
  // One store per relation, holding that relation's cases only, so that
  // what its viewer sees is exactly what the table says for them.
  for (const auto& [relation, organisations] : relations_) {
    std::vector<const Case*> relation_cases;
    for (const Case& matrix_case : cases_) {
      if (matrix_case.relation == relation) relation_cases.push_back(&matrix_case);
    }
    std::filesystem::remove(path());
    std::unique_ptr<store::Store> store = Open();
    std::vector<stix::Object> objects;
    std::vector<store::AccessLabel> labels;
    for (const Case* matrix_case : relation_cases) {
      objects.push_back(store::MakeSdo(matrix_case->id, store::TestTime(1)));
      // Refused labels too: stored past CheckLabel, they must stay the author's.
      labels.push_back(ToStoreLabel(matrix_case->label));
    }
    ASSERT_TRUE(store->Put(objects, labels).ok());

    const ViewerFacts& facts = community_.at(organisations.second);
    for (const auto& [role_name, role] : kRoles) {
      const std::string context = fmt::format("{} as {}: ", relation, role_name);
      Principal principal{"someone", facts.organisation, role, "test"};
      std::optional<store::Viewer> viewer = StoreViewerFor(principal, facts);
      const store::Viewer* filter = viewer ? &*viewer : nullptr;
      std::vector<std::string> expected;
      for (const Case* matrix_case : relation_cases) {
        const bool visible = matrix_case->visible_by_role.at(role_name);
        if (visible) expected.push_back(matrix_case->id);
        const std::string where = context + Describe(*matrix_case);
        const std::string not_found = "no object " + matrix_case->id;
        Result<store::StoredVersion> latest = store->Latest(matrix_case->id, filter);
        EXPECT_EQ(latest.ok(), visible) << where;
        EXPECT_EQ(latest.ok() ? not_found : latest.status().message(), not_found) << where;
        Result<std::vector<store::StoredVersion>> versions = store->Versions(matrix_case->id, filter);
        EXPECT_EQ(versions.ok(), visible) << where;
        EXPECT_EQ(versions.ok() ? not_found : versions.status().message(), not_found) << where;
        EXPECT_EQ(store->Version(matrix_case->id, store::TestTime(1), filter).ok(), visible) << where;
      }
      for (size_t limit : {1, 2, 7, 100}) {
        store::ListQuery query;
        query.viewer = viewer;
        query.limit = limit;
        EXPECT_EQ(ListAll(*store, query, context), expected) << context << "limit " << limit;
        query.versions.last = true;
        query.types = {"indicator"};
        EXPECT_EQ(ListAll(*store, query, context), expected) << context << "latest only, limit " << limit;
      }
      Result<store::Counts> counts = store->Count(filter);
      ASSERT_TRUE(counts.ok());
      EXPECT_EQ(counts->versions, static_cast<int64_t>(expected.size())) << context;
      EXPECT_EQ(counts->objects, static_cast<int64_t>(expected.size())) << context;
    }
  }
}

}  // namespace
}  // namespace kenes::share
