// The sharing matrix of tests/share/cases re-run through the REST API: for
// every author relation, TLP level, distribution and role, an object is seen
// exactly when the table says — by id, versions and graph, in search pages
// (every page size, with cursors; by type, TLP and full text), and among the
// links and graph of an object that names them all — and a hidden object
// never shows, not even its id.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "rest/object_json.h"
#include "rest/rest_node.h"
#include "share/access_label.h"
#include "stix/reader.h"
#include "stix/sco_id.h"

namespace kenes::rest {
namespace {

using Row = std::vector<std::string>;

// The case data the share tests use, read in place.
const std::filesystem::path kShareCases =
    std::filesystem::path(__FILE__).parent_path().parent_path() / "share" / "cases";

// The tab-separated fields of each line of a case file that is not a comment or blank.
std::vector<Row> CaseRows(std::string_view file) {
  std::ifstream in(kShareCases / file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_FALSE(text.empty()) << "cannot read " << (kShareCases / file);
  std::vector<Row> rows;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::string_view line = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    if (line.empty() || line.front() == '#') continue;
    Row& row = rows.emplace_back();
    for (size_t tab; (tab = line.find('\t')) != std::string_view::npos; line.remove_prefix(tab + 1)) {
      row.emplace_back(line.substr(0, tab));
    }
    row.emplace_back(line);
  }
  return rows;
}

// The organisation ids the share tests give each code.
std::string OrganisationId(std::string_view code) { return "identity--" + stix::UuidV5(code); }

const std::string kRoles[] = {"reader", "analyst", "org-admin", "admin"};

struct Case {
  std::string id;
  std::string relationship_id;  // the viewer's relationship from this case to the hub
  share::Tlp tlp = share::Tlp::kClear;
  std::map<std::string, bool, std::less<>> visible;  // by role
};

std::vector<std::string> RelationNames() {
  std::vector<std::string> names;
  for (const Row& row : CaseRows("access_relations.tsv")) names.push_back(row[0]);
  return names;
}

stix::Object ObjectOf(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element element;
  EXPECT_EQ(parser.parse(padded).get(element), simdjson::SUCCESS) << json;
  Result<stix::Object> object = stix::ObjectFromJson(element, json);
  EXPECT_TRUE(object.ok()) << json;
  return object.ok() ? *object : stix::Object{};
}

class RestAccessMatrixTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::map<std::string, Row> organisations;
    std::vector<share::OrganisationSpec> specs;
    for (const Row& row : CaseRows("access_community.tsv")) {
      organisations[row[0]] = row;
      // An outsider is no organisation of the community: it only ever authors or reads.
      if (row[1] == "outsider") continue;
      specs.push_back({OrganisationId(row[0]), row[0], row[0], *share::ParseStanding(row[1]), "",
                       row[2] == "-" ? "" : OrganisationId(row[2])});
    }
    node_ = std::make_unique<RestNode>(specs);
    FoundGroups(organisations);

    for (const Row& row : CaseRows("access_relations.tsv")) {
      if (row[0] == GetParam()) {
        author_ = row[1];
        viewer_ = row[2];
      }
    }
    ASSERT_FALSE(author_.empty()) << GetParam();
    StoreCases();
    for (const std::string& role : kRoles) {
      std::string name = fmt::format("{}.{}", viewer_, role);
      std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
      share::Role parsed = *share::ParseRole(role);
      users_[role] = organisations.at(viewer_)[1] == "outsider" ? node_->AddOutsider(OrganisationId(viewer_), parsed)
                                                                : node_->AddUser(name, viewer_, parsed);
    }
  }

  // The sharing groups of access_community.tsv, owned by their first member.
  void FoundGroups(const std::map<std::string, Row>& organisations) {
    share::Principal node_operator = share::NodeOperator("test");
    for (const auto& [code, row] : organisations) {
      if (row[3] == "-") continue;
      for (std::string_view rest = row[3]; !rest.empty();) {
        std::string group(rest.substr(0, rest.find(',')));
        rest.remove_prefix(std::min(rest.size(), group.size() + 1));
        if (!group_ids_.contains(group)) {
          Result<share::SharingGroup> added = node_->community().AddGroup(node_operator, group, code);
          ASSERT_TRUE(added.ok()) << added.status().ToString();
          group_ids_[group] = added->id;
        }
        ASSERT_TRUE(node_->community().AddGroupMember(node_operator, group, code).ok());
      }
    }
  }

  // This relation's cases, by the author, each named by the viewer's hub report and relationship.
  void StoreCases() {
    const std::string author = OrganisationId(author_);
    const std::string viewer = OrganisationId(viewer_);
    const std::string hub = "report--00000000-0000-4000-8000-000000000999";
    std::vector<stix::Object> objects;
    std::vector<store::AccessLabel> labels;
    const store::AccessLabel viewer_own = share::ToStoreLabel({viewer, share::Tlp::kClear, {}});
    int number = 0;
    for (const Row& row : CaseRows("access_matrix.tsv")) {
      if (row[0] != GetParam()) continue;
      Case matrix_case;
      ++number;
      matrix_case.id = fmt::format("indicator--00000000-0000-4000-8000-{:012d}", number);
      matrix_case.relationship_id = fmt::format("relationship--00000000-0000-4000-8000-{:012d}", number);
      matrix_case.tlp = *share::ParseTlp(row[1]);
      std::string distribution = row[2].starts_with("group:") ? "group:" + group_ids_.at(row[2].substr(6)) : row[2];
      for (size_t role = 0; role < std::size(kRoles); ++role) {
        matrix_case.visible[kRoles[role]] = row[4 + role] == "visible";
      }
      objects.push_back(ObjectOf(fmt::format(
          R"({{"type":"indicator","spec_version":"2.1","id":"{}","created":"2026-01-01T00:00:00.000Z",)"
          R"("modified":"2026-01-01T00:00:00.000Z","created_by_ref":"{}","name":"matrix case {}",)"
          R"("pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z",)"
          R"("object_marking_refs":["{}"],"x_kenes_hub_ref":"{}"}})",
          matrix_case.id, author, number, share::TlpMarkingId(matrix_case.tlp), hub)));
      // Refused labels too, stored past CheckLabel: they must stay the author's.
      labels.push_back(share::ToStoreLabel({author, matrix_case.tlp, *share::ParseDistribution(distribution)}));
      objects.push_back(ObjectOf(
          fmt::format(R"({{"type":"relationship","spec_version":"2.1","id":"{}","created":"2026-01-01T00:00:00.000Z",)"
                      R"("modified":"2026-01-01T00:00:00.000Z","created_by_ref":"{}","relationship_type":"related-to",)"
                      R"("source_ref":"{}","target_ref":"{}"}})",
                      matrix_case.relationship_id, viewer, matrix_case.id, hub)));
      labels.push_back(viewer_own);
      cases_.push_back(std::move(matrix_case));
    }
    std::string refs;
    for (const Case& matrix_case : cases_) refs += fmt::format("{}\"{}\"", refs.empty() ? "" : ",", matrix_case.id);
    objects.push_back(ObjectOf(fmt::format(
        R"({{"type":"report","spec_version":"2.1","id":"{}","created":"2026-01-01T00:00:00.000Z",)"
        R"("modified":"2026-01-01T00:00:00.000Z","created_by_ref":"{}","name":"hub","published":"2026-01-01T00:00:00Z",)"
        R"("object_refs":[{}]}})",
        hub, viewer, refs)));
    labels.push_back(viewer_own);
    hub_ = hub;
    Result<std::vector<store::WriteResult>> stored = node_->store().Put(objects, labels);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    ASSERT_EQ(cases_.size(), share::kTlpLevels * 5u);
  }

  // The ids of every page of a search, checking that only the last page is short.
  std::vector<std::string> SearchAll(const TestUser& user, const std::string& query, size_t limit) {
    std::vector<std::string> ids;
    std::string target = fmt::format("/api/v1/objects?{}&limit={}", query, limit);
    for (int pages = 0; pages < 100; ++pages) {
      http::Response response = node_->Get(user, target);
      EXPECT_EQ(response.status, 200) << target << ": " << response.body;
      JsonBody body(response.body);
      std::vector<std::string> page = body.Strings("/objects", "/id");
      ids.insert(ids.end(), page.begin(), page.end());
      bool more = false;
      EXPECT_EQ(body.root()["more"].get(more), simdjson::SUCCESS) << response.body;
      if (!more) break;
      EXPECT_EQ(page.size(), limit) << target;
      target = fmt::format("/api/v1/objects?{}&limit={}&cursor={}", query, limit, QueryEscape(body.String("/next")));
    }
    return ids;
  }

  std::unique_ptr<RestNode> node_;
  std::map<std::string, std::string> group_ids_;  // by the case files' group names
  std::string author_;
  std::string viewer_;
  std::string hub_;
  std::vector<Case> cases_;
  std::map<std::string, TestUser, std::less<>> users_;  // by role
};

TEST_P(RestAccessMatrixTest, EveryEndpointShowsWhatTheTableSays) {
  const std::string unknown = "indicator--00000000-0000-4000-8000-000000009999";
  for (const std::string& role : kRoles) {
    const TestUser& user = users_.at(role);
    const std::string context = fmt::format("{} as {}: ", GetParam(), role);
    std::vector<std::string> expected;
    std::vector<const Case*> hidden;
    for (const Case& matrix_case : cases_) {
      if (matrix_case.visible.at(role)) {
        expected.push_back(matrix_case.id);
      } else {
        hidden.push_back(&matrix_case);
      }
    }

    for (const Case& matrix_case : cases_) {
      const bool visible = matrix_case.visible.at(role);
      for (std::string_view suffix : {"", "/versions", "/graph"}) {
        http::Response response = node_->Get(user, fmt::format("/api/v1/objects/{}{}", matrix_case.id, suffix));
        EXPECT_EQ(response.status, visible ? 200 : 404) << context << matrix_case.id << suffix << response.body;
        if (visible) continue;
        http::Response unknown_response = node_->Get(user, fmt::format("/api/v1/objects/{}{}", unknown, suffix));
        std::string normalised = response.body;
        if (size_t at = normalised.find(matrix_case.id); at != std::string::npos) {
          normalised.replace(at, matrix_case.id.size(), unknown);
        }
        EXPECT_EQ(normalised, unknown_response.body) << context << "a hidden id reads unlike an unknown one";
      }
    }

    for (size_t limit : {1, 2, 7, 100}) {
      EXPECT_EQ(SearchAll(user, "type=indicator", limit), expected) << context << "limit " << limit;
    }
    EXPECT_EQ(SearchAll(user, "q=matrix", 100), expected) << context << "full text";
    http::Response faceted = node_->Get(user, "/api/v1/objects?type=indicator&limit=1&facets=true");
    int64_t counted = -1;
    EXPECT_EQ(JsonBody(faceted.body).root().at_pointer("/facets/type/indicator").get(counted),
              expected.empty() ? simdjson::NO_SUCH_FIELD : simdjson::SUCCESS)
        << context << faceted.body;
    EXPECT_EQ(counted, expected.empty() ? -1 : static_cast<int64_t>(expected.size())) << context << "facets";
    for (int level = 0; level < share::kTlpLevels; ++level) {
      std::vector<std::string> at_level;
      for (const Case& matrix_case : cases_) {
        if (matrix_case.visible.at(role) && static_cast<int>(matrix_case.tlp) == level)
          at_level.push_back(matrix_case.id);
      }
      std::string tlp = TlpParameterName(static_cast<share::Tlp>(level));
      EXPECT_EQ(SearchAll(user, "type=indicator&tlp=" + tlp, 3), at_level) << context << "tlp " << tlp;
    }

    // The hub names every case three ways: its object_refs, the case's own
    // reference back, and the viewer's relationship from the case.
    http::Response hub = node_->Get(user, "/api/v1/objects/" + hub_);
    ASSERT_EQ(hub.status, 200) << context << hub.body;
    std::vector<std::string> linked = JsonBody(hub.body).Strings("/links", "/other/object/id");
    std::multiset<std::string> linked_cases(linked.begin(), linked.end());
    for (const Case& matrix_case : cases_) {
      EXPECT_EQ(linked_cases.count(matrix_case.id), matrix_case.visible.at(role) ? 3u : 0u)
          << context << "links to " << matrix_case.id;
    }
    for (std::string_view depth : {"1", "2"}) {
      http::Response graph = node_->Get(user, fmt::format("/api/v1/objects/{}/graph?depth={}", hub_, depth));
      ASSERT_EQ(graph.status, 200) << context << graph.body;
      std::vector<std::string> nodes = JsonBody(graph.body).Strings("/nodes", "/id");
      std::vector<std::string> expected_nodes = {hub_};
      expected_nodes.insert(expected_nodes.end(), expected.begin(), expected.end());
      std::sort(nodes.begin(), nodes.end());
      std::sort(expected_nodes.begin(), expected_nodes.end());
      EXPECT_EQ(nodes, expected_nodes) << context << "graph depth " << depth;
      for (const Case* matrix_case : hidden) {
        EXPECT_EQ(graph.body.find(matrix_case->id), std::string::npos) << context << "graph names " << matrix_case->id;
        EXPECT_EQ(hub.body.find(matrix_case->relationship_id), std::string::npos)
            << context << "a link goes to hidden " << matrix_case->id;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Relations, RestAccessMatrixTest, ::testing::ValuesIn(RelationNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace kenes::rest
