// The authorisation matrix of tests/share/cases (access_matrix.tsv, with
// its community and author relations), re-run through TAXII: for every
// relation and role, no hidden object shows through any endpoint — not in
// pages, `more` and `next`, the X-TAXII-Date-Added headers, manifests,
// versions, per-object reads and deletes (a hidden id answers exactly as an
// unknown one), nor status resources. The outsider relation is left out:
// TAXII users always belong to an organisation of the community.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "share/access_label.h"
#include "share/case_table.h"
#include "share/distribution_marking.h"
#include "share/marking.h"
#include "store/store_fixture.h"
#include "taxii/collections.h"
#include "taxii/resources.h"
#include "taxii/taxii_fixture.h"

namespace kenes::taxii {
namespace {

using Row = share::CaseRow;

// A table of the sharing matrix's cases, and its number of columns.
std::vector<Row> ReadTable(const std::string& name) {
  static const std::map<std::string, size_t> kColumns = {
      {"access_community.tsv", 4}, {"access_relations.tsv", 3}, {"access_matrix.tsv", 8}};
  return share::ReadCaseTable(share::AccessCasesDir() / name, kColumns.at(name));
}

// Every relation of the table whose viewer can be a TAXII user: an outsider
// organisation holds no API key, so its relation is not instantiated.
std::vector<std::string> Relations() {
  std::map<std::string, std::string> standing;
  for (const Row& row : ReadTable("access_community.tsv")) standing[row[0]] = row[1];
  std::vector<std::string> relations;
  for (const Row& row : ReadTable("access_relations.tsv")) {
    if (standing.at(row[2]) != "outsider") relations.push_back(row[0]);
  }
  return relations;
}

const std::vector<std::pair<std::string, share::Role>> kRoles = {{"reader", share::Role::kReader},
                                                                 {"analyst", share::Role::kAnalyst},
                                                                 {"org-admin", share::Role::kOrgAdmin},
                                                                 {"admin", share::Role::kAdmin}};

struct Case {
  std::string id;
  share::Label label;
  bool write_accepted = true;
  std::map<std::string, bool> visible_by_role;
};

class AccessMatrixTest : public TaxiiFixture, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    TaxiiFixture::SetUp();
    const std::string relation = GetParam();
    for (const Row& row : ReadTable("access_relations.tsv")) {
      if (row[0] == relation) author_code_ = row[1], viewer_code_ = row[2];
    }
    ASSERT_FALSE(viewer_code_.empty()) << relation;
    FoundCommunity(ReadTable("access_community.tsv"));
    author_ = community_->FindOrganisation(author_code_)->id;
    viewer_ = community_->FindOrganisation(viewer_code_)->id;

    std::vector<stix::Object> objects;
    std::vector<store::AccessLabel> labels;
    int number = 0;
    for (const Row& row : ReadTable("access_matrix.tsv")) {
      ++number;
      if (row[0] != relation) continue;
      Case matrix_case;
      matrix_case.id = store::TestId("indicator", number);
      std::optional<share::Tlp> tlp = share::ParseTlp(row[1]);
      Result<share::Distribution> distribution = share::ParseDistribution(row[2]);
      ASSERT_TRUE(tlp && distribution.ok()) << row[1] << " " << row[2];
      if (distribution->kind == share::DistributionKind::kGroup) distribution->group = groups_.at(distribution->group);
      matrix_case.label = {author_, *tlp, *distribution};
      matrix_case.write_accepted = row[3] == "ok";
      for (size_t role = 0; role < kRoles.size(); ++role) {
        matrix_case.visible_by_role[kRoles[role].first] = row[4 + role] == "visible";
      }
      // Two versions each; refused labels are stored too (past CheckLabel), as in the share test.
      for (int version : {1, 2}) {
        std::vector<std::string> markings = {std::string(share::TlpMarkingId(*tlp)),
                                             share::DistributionMarkingId(*distribution)};
        stix::Object object = store::MakeSdo(matrix_case.id, store::TestTime(version),
                                             fmt::format(R"(,"created_by_ref":"{}","object_marking_refs":["{}","{}"])",
                                                         author_, markings[0], markings[1]));
        object.created_by_ref = author_;
        object.object_marking_refs = markings;
        objects.push_back(std::move(object));
        labels.push_back(share::ToStoreLabel(matrix_case.label));
      }
      cases_.push_back(std::move(matrix_case));
    }
    ASSERT_EQ(cases_.size(), static_cast<size_t>(share::kTlpLevels * 5));
    Result<std::vector<store::WriteResult>> stored = store_->Put(objects, labels);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    for (const store::WriteResult& result : *stored) date_added_.insert(TaxiiTimestamp(result.date_added));
    author_key_ = AddUserWithKey("author", author_code_, share::Role::kAnalyst);
  }

  // Adds the organisations of the matrix's community that the default one
  // lacks, and its sharing groups.
  void FoundCommunity(const std::vector<Row>& rows) {
    for (const Row& row : rows) {
      if (row[1] == "outsider" || community_->FindOrganisation(row[0]).ok()) continue;
      share::OrganisationSpec spec;
      spec.code = row[0];
      spec.name = "Organisation " + row[0];
      spec.standing = *share::ParseStanding(row[1]);
      if (row[2] != "-") spec.parent = row[2];
      Result<share::Organisation> added = community_->AddOrganisation(operator_, spec);
      ASSERT_TRUE(added.ok()) << added.status().ToString();
    }
    for (const Row& row : rows) {
      for (const std::string& group : share::CaseList(row[3])) {
        if (!groups_.count(group)) {
          Result<share::SharingGroup> added = community_->AddGroup(operator_, group, "KZ");
          ASSERT_TRUE(added.ok()) << added.status().ToString();
          groups_[group] = added->id;
        }
        ASSERT_TRUE(community_->AddGroupMember(operator_, group, row[0]).ok());
      }
    }
  }

  // The expected ids, in order, of the cases `role` sees that `keep` admits.
  std::vector<std::string> Expected(const std::string& role, const std::function<bool(const Case&)>& keep) {
    std::vector<std::string> ids;
    for (const Case& matrix_case : cases_) {
      if (matrix_case.visible_by_role.at(role) && keep(matrix_case)) ids.push_back(matrix_case.id);
    }
    return ids;
  }

  // Every id `key` reads from `target` (a collection's objects or manifest),
  // page by page through `next`, checking each page's `more` and headers.
  std::vector<std::string> Walk(const std::string& target, const std::string& key, int limit) {
    std::vector<std::string> ids;
    std::string next;
    for (int pages = 0; pages < 200; ++pages) {
      Reply page = Get(fmt::format("{}&limit={}{}", target, limit, next.empty() ? "" : "&next=" + next), key);
      EXPECT_EQ(page.status, 200) << target << page.body;
      std::vector<std::string> page_ids = Ids(page.body);
      ids.insert(ids.end(), page_ids.begin(), page_ids.end());
      if (page_ids.empty()) {
        EXPECT_TRUE(page.Header("X-TAXII-Date-Added-First").empty());
      } else {
        // The headers name only visible versions' date_added.
        EXPECT_TRUE(date_added_.count(std::string(page.Header("X-TAXII-Date-Added-First"))));
        EXPECT_TRUE(date_added_.count(std::string(page.Header("X-TAXII-Date-Added-Last"))));
      }
      if (At(page.body, "/more") != "true") break;
      // A hidden version leaves no gap: only the last page is short.
      EXPECT_EQ(page_ids.size(), static_cast<size_t>(limit)) << target;
      next = At(page.body, "/next");
      next = next.substr(1, next.size() - 2);
    }
    return ids;
  }

  std::string author_code_, viewer_code_, author_, viewer_, author_key_;
  std::map<std::string, std::string> groups_;  // name: id
  std::vector<Case> cases_;
  std::set<std::string> date_added_;  // of every matrix version, as TAXII writes it
};

std::vector<std::string> Twice(const std::vector<std::string>& ids) {
  std::vector<std::string> twice;
  for (const std::string& id : ids) twice.insert(twice.end(), {id, id});
  return twice;
}

TEST_P(AccessMatrixTest, NoHiddenObjectShowsThroughAnyEndpoint) {
  const std::string unknown = store::TestId("indicator", 999999);
  for (const auto& [role_name, role] : kRoles) {
    SCOPED_TRACE(fmt::format("{} as {} of {}", GetParam(), role_name, viewer_code_));
    const std::string key = AddUserWithKey(role_name + "-user", viewer_code_, role);
    const std::vector<std::string> visible = Expected(role_name, [](const Case&) { return true; });
    const std::string shared = CollectionPath(CollectionId(CollectionKind::kShared, viewer_));

    // Every read of TLP:AMBER objects is audited, durably: few page sizes keep it quick.
    for (int limit : {1, 7, 100}) {
      EXPECT_EQ(Walk(shared + "manifest/?match[type]=indicator", key, limit), visible) << "limit " << limit;
    }
    for (int limit : {2, 100}) {
      EXPECT_EQ(Walk(shared + "objects/?match[type]=indicator", key, limit), visible) << "limit " << limit;
      EXPECT_EQ(Walk(shared + "objects/?match[type]=indicator&match[version]=all", key, limit + 1), Twice(visible))
          << "limit " << limit + 1;
    }
    for (std::string_view version : {"first", "last", "first,last", "2026-01-01T00:00:01.000Z"}) {
      EXPECT_EQ(Walk(fmt::format("{}manifest/?match[type]=indicator&match[version]={}", shared, version), key, 3),
                version == "first,last" ? Twice(visible) : visible)
          << version;
    }

    // One object at a time: a hidden id answers exactly like an unknown one.
    auto unknown_answer = [&](const std::string& path, const std::string& id) {
      Reply reply = Send(path == "DELETE" ? "DELETE" : "GET",
                         shared + "objects/" + unknown + "/" + (path == "versions" ? "versions/" : ""), key);
      std::string body = reply.body;
      for (size_t at = body.find(unknown); at != std::string::npos; at = body.find(unknown)) {
        body.replace(at, unknown.size(), id);
      }
      return std::make_pair(reply.status, body);
    };
    for (const Case& matrix_case : cases_) {
      const bool seen = matrix_case.visible_by_role.at(role_name);
      const std::string object = shared + "objects/" + matrix_case.id + "/";
      SCOPED_TRACE(fmt::format("{} {} {}", matrix_case.id, share::TlpName(matrix_case.label.tlp),
                               share::DistributionText(matrix_case.label.distribution)));
      Reply read = Get(object, key);
      Reply versions = Get(object + "versions/", key);
      Reply listed = Get(shared + "objects/?match[id]=" + matrix_case.id, key);
      Reply deleted = Delete(object, key);
      if (seen) {
        EXPECT_EQ(read.status, 200);
        EXPECT_EQ(Strings(versions.body, "versions").size(), 2u);
        EXPECT_EQ(Ids(listed.body), std::vector<std::string>{matrix_case.id});
        EXPECT_EQ(deleted.status, 403);  // the shared collection is read-only
      } else {
        EXPECT_EQ(std::make_pair(read.status, read.body), unknown_answer("object", matrix_case.id));
        EXPECT_EQ(std::make_pair(versions.status, versions.body), unknown_answer("versions", matrix_case.id));
        EXPECT_EQ(std::make_pair(deleted.status, deleted.body), unknown_answer("DELETE", matrix_case.id));
        EXPECT_EQ(listed.body, R"({"more":false})");
        EXPECT_TRUE(listed.Header("X-TAXII-Date-Added-First").empty());
      }
    }

    // The organisation's own collection, and each of its groups'.
    EXPECT_EQ(
        Walk(CollectionPath(CollectionId(CollectionKind::kOwn, viewer_), "objects/?match[type]=indicator"), key, 2),
        Expected(role_name, [&](const Case& c) { return c.label.author == viewer_; }));
    for (const auto& [name, group] : groups_) {
      Reply collection = Get(CollectionPath(CollectionId(CollectionKind::kGroup, group)), key);
      if (collection.status == 404) continue;
      ASSERT_EQ(collection.status, 200) << collection.body;
      EXPECT_EQ(
          Walk(CollectionPath(CollectionId(CollectionKind::kGroup, group), "objects/?match[type]=indicator"), key, 2),
          Expected(role_name, [&](const Case& c) { return c.label.distribution.group == group; }))
          << "group " << name;
    }
  }
}

TEST_P(AccessMatrixTest, PostsAreRefusedTheLabelsTheTableRefuses) {
  // The author's analyst POSTs an object with each cell's markings: the
  // status resource lists exactly the refused labels as failures.
  std::vector<std::string> objects;
  std::vector<std::string> accepted, refused;
  int number = 500000;
  for (const Case& matrix_case : cases_) {
    const std::string id = store::TestId("indicator", ++number);
    objects.push_back(
        Indicator(id, "2026-01-01T00:00:01.000Z",
                  fmt::format(R"(,"object_marking_refs":["{}","{}"])", share::TlpMarkingId(matrix_case.label.tlp),
                              share::DistributionMarkingId(matrix_case.label.distribution))));
    (matrix_case.write_accepted ? accepted : refused).push_back(id);
  }
  Reply posted =
      Post(CollectionPath(CollectionId(CollectionKind::kOwn, author_), "objects/"), author_key_, Envelope(objects));
  ASSERT_EQ(posted.status, 202) << posted.body;
  EXPECT_EQ(Ids(posted.body, "successes"), accepted);
  EXPECT_EQ(Ids(posted.body, "failures"), refused);
  for (size_t i = 0; i < refused.size(); ++i) {
    EXPECT_NE(At(posted.body, fmt::format("/failures/{}/message", i)).find("TLP:RED"), std::string::npos)
        << posted.body;
  }
}

TEST_P(AccessMatrixTest, StatusResourcesStayWithTheirOrganisation) {
  Reply posted = Post(CollectionPath(CollectionId(CollectionKind::kOwn, author_), "objects/"), author_key_,
                      Envelope({Indicator(store::TestId("indicator", 777777), "2026-01-01T00:00:01.000Z")}));
  ASSERT_EQ(posted.status, 202) << posted.body;
  std::string id = At(posted.body, "/id");
  const std::string status = fmt::format("{}status/{}/", Service::kApiRoot, id.substr(1, id.size() - 2));
  const std::string unknown = fmt::format("{}status/{}/", Service::kApiRoot, "00000000-0000-4000-8000-000000000000");
  for (const auto& [role_name, role] : kRoles) {
    const std::string key = AddUserWithKey(role_name + "-user", viewer_code_, role);
    Reply read = Get(status, key);
    if (author_ == viewer_ || role == share::Role::kAdmin) {
      EXPECT_EQ(read.status, 200) << role_name;
    } else {
      Reply none = Get(unknown, key);
      EXPECT_EQ(read.status, 404) << role_name;
      EXPECT_EQ(At(read.body, "/title"), At(none.body, "/title"));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Relations, AccessMatrixTest, ::testing::ValuesIn(Relations()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace kenes::taxii
