// The TAXII 2.1 conformance suite: every endpoint, parameter, header and
// error of the specification, as cases in cases/conformance.tsv run against
// a node seeded here, plus the flows a single request cannot show (paging
// with next, POST then read back, DELETE, audit).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "share/audit_log.h"
#include "share/case_table.h"
#include "share/distribution_marking.h"
#include "share/marking.h"
#include "taxii/collections.h"
#include "taxii/media_types.h"
#include "taxii/taxii_fixture.h"

namespace kenes::taxii {
namespace {

const std::filesystem::path kCasesDir = std::filesystem::path(__FILE__).parent_path() / "cases";

std::vector<std::string> Split(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  while (true) {
    size_t at = text.find(separator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + separator.size());
  }
  return parts;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

constexpr std::string_view kA1 = "2026-01-01T00:00:01.000Z";
constexpr std::string_view kA2 = "2026-01-01T00:00:02.000Z";
constexpr std::string_view kA3 = "2026-01-01T00:00:03.000Z";

class ConformanceTest : public TaxiiFixture {
 protected:
  void SetUp() override {
    options_.max_content_length = 64 << 10;
    TaxiiFixture::SetUp();
    keys_["reader"] = AddUserWithKey("reader", "KZ", share::Role::kReader);
    keys_["analyst"] = AddUserWithKey("analyst", "KZ", share::Role::kAnalyst);
    keys_["kg"] = AddUserWithKey("kg", "KG", share::Role::kAnalyst);
    keys_["tj"] = AddUserWithKey("tj", "TJ", share::Role::kAnalyst);
    keys_["admin"] = AddUserWithKey("admin", "KZ", share::Role::kAdmin);
    Result<share::SharingGroup> group = community_->AddGroup(operator_, "G", "KZ");
    ASSERT_TRUE(group.ok()) << group.status().ToString();
    group_ = *group;
    ASSERT_TRUE(community_->AddGroupMember(operator_, "G", "KZ").ok());
    ASSERT_TRUE(community_->AddGroupMember(operator_, "G", "KG").ok());
    kz_ = community_->FindOrganisation("KZ")->id;
    kg_ = community_->FindOrganisation("KG")->id;
    tj_ = community_->FindOrganisation("TJ")->id;

    Reply posted = Post(CollectionPath(Own(kz_), "objects/"), keys_["analyst"],
                        Envelope({Indicator(a_, kA1), Indicator(a_, kA2), Indicator(a_, kA3),
                                  Indicator(b_, "2026-01-02T00:00:00.000Z")}));
    ASSERT_EQ(posted.status, 202) << posted.body;
    status_id_ = At(posted.body, "/id");
    status_id_ = status_id_.substr(1, status_id_.size() - 2);
    ASSERT_EQ(Post(CollectionPath(CollectionId(CollectionKind::kGroup, group_.id), "objects/"), keys_["analyst"],
                   Envelope({Indicator(c_, kA1)}))
                  .status,
              202);
    std::string members = fmt::format(R"(,"object_marking_refs":["{}"])",
                                      share::DistributionMarkingId({share::DistributionKind::kMembers, ""}));
    ASSERT_EQ(Post(CollectionPath(Own(kg_), "objects/"), keys_["kg"], Envelope({Indicator(d_, kA1, members)})).status,
              202);
    ASSERT_EQ(Post(CollectionPath(Own(tj_), "objects/"), keys_["tj"], Envelope({Indicator(e_, kA1)})).status, 202);
  }

  static std::string Own(const std::string& organisation) { return CollectionId(CollectionKind::kOwn, organisation); }

  // The organisation of a user of keys_.
  std::string OrganisationOf(const std::string& user) {
    if (user == "kg") return kg_;
    if (user == "tj") return tj_;
    return kz_;
  }

  std::string Resolve(std::string text, const std::string& user) {
    const std::string organisation = OrganisationOf(user);
    const std::map<std::string, std::string> values = {
        {"{root}", std::string(Service::kApiRoot)},
        {"{shared}", CollectionId(CollectionKind::kShared, organisation)},
        {"{own}", Own(organisation)},
        {"{group}", CollectionId(CollectionKind::kGroup, group_.id)},
        {"{all}", CollectionId(CollectionKind::kAll, "")},
        {"{kz-own}", Own(kz_)},
        {"{kg-own}", Own(kg_)},
        {"{a}", a_},
        {"{b}", b_},
        {"{c}", c_},
        {"{d}", d_},
        {"{e}", e_},
        {"{unknown}", "indicator--99999999-9999-4999-8999-999999999999"},
        {"{a1}", std::string(kA1)},
        {"{a2}", std::string(kA2)},
        {"{a3}", std::string(kA3)},
        {"{status}", status_id_},
        {"{big}", Envelope({Indicator(b_, kA1, fmt::format(R"(,"description":"{}")", std::string(70 << 10, 'x')))})},
        {"{huge}", Envelope({Indicator(b_, kA1, fmt::format(R"(,"description":"{}")", std::string(2 << 20, 'x')))})},
    };
    for (const auto& [name, value] : values) {
      for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size())) {
        text.replace(at, name.size(), value);
      }
    }
    return text;
  }

  std::map<std::string, std::string> keys_;
  share::SharingGroup group_;
  std::string kz_, kg_, tj_;
  std::string status_id_;
  const std::string a_ = "indicator--0000000a-0000-4000-8000-000000000000";
  const std::string b_ = "indicator--0000000b-0000-4000-8000-000000000000";
  const std::string c_ = "indicator--0000000c-0000-4000-8000-000000000000";
  const std::string d_ = "indicator--0000000d-0000-4000-8000-000000000000";
  const std::string e_ = "indicator--0000000e-0000-4000-8000-000000000000";
};

void Check(const Reply& reply, std::string_view check, std::string_view where) {
  SCOPED_TRACE(fmt::format("{}: {}", where, check));
  size_t colon = check.find(':');
  ASSERT_NE(colon, std::string_view::npos);
  std::string_view kind = check.substr(0, colon);
  std::string_view argument = check.substr(colon + 1);
  if (kind == "at") {
    size_t equals = argument.find('=');
    EXPECT_EQ(At(reply.body, argument.substr(0, equals)), argument.substr(equals + 1)) << reply.body;
  } else if (kind == "ids" || kind == "cids") {
    EXPECT_EQ(Join(Ids(reply.body, kind == "ids" ? "objects" : "collections")), argument) << reply.body;
  } else if (kind == "has") {
    EXPECT_NE(reply.body.find(argument), std::string::npos) << reply.body;
  } else if (kind == "header") {
    size_t equals = argument.find('=');
    if (equals == std::string_view::npos) {
      EXPECT_FALSE(reply.Header(argument).empty()) << argument;
    } else {
      EXPECT_EQ(reply.Header(argument.substr(0, equals)), argument.substr(equals + 1));
    }
  } else if (kind == "noheader") {
    EXPECT_TRUE(reply.Header(argument).empty()) << reply.Header(argument);
  } else {
    ADD_FAILURE() << "unknown check " << kind;
  }
}

TEST_F(ConformanceTest, EveryCaseOfTheTable) {
  int cases = 0;
  for (const share::CaseRow& row : share::ReadCaseTable(kCasesDir / "conformance.tsv", 8)) {
    const std::string& name = row[0];
    const std::string& user = row[1];
    SCOPED_TRACE(name);
    ++cases;
    http::Fields headers;
    if (row[4] != "-") {
      for (const std::string& header : Split(row[4], " | ")) {
        size_t colon = header.find(':');
        std::string value = header.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        headers.emplace_back(header.substr(0, colon), value);
      }
    }
    bool has_content_type = false;
    for (const auto& [header, value] : headers) has_content_type |= header == "Content-Type";
    if (row[2] == "POST" && !has_content_type) headers.emplace_back("Content-Type", std::string(kTaxiiMediaType));
    std::string key = user == "-" ? "" : user == "bogus" ? "kenes_0000000000000000_bogus" : keys_.at(user);
    Reply reply = Send(row[2], Resolve(row[3], user), key, headers, row[5] == "-" ? "" : Resolve(row[5], user));
    EXPECT_EQ(reply.status, std::stoi(row[6])) << reply.body;
    if (reply.status >= 400) {
      EXPECT_EQ(reply.Header("Content-Type"), kTaxiiMediaType);
      EXPECT_EQ(At(reply.body, "/http_status"), fmt::format("\"{}\"", reply.status)) << reply.body;
      EXPECT_NE(At(reply.body, "/title"), "<missing>") << reply.body;
    } else if (row[2] != "DELETE") {
      EXPECT_EQ(reply.Header("Content-Type"), kTaxiiMediaType);
    }
    if (!row[7].empty()) {
      for (const std::string& check : Split(Resolve(row[7], user), " | ")) Check(reply, check, name);
    }
  }
  EXPECT_GT(cases, 100);
}

TEST_F(ConformanceTest, NextWalksEveryPageOnce) {
  const std::string shared = CollectionPath(CollectionId(CollectionKind::kShared, kz_), "objects/");
  for (std::string_view version : {"last", "all"}) {
    std::vector<std::string> all =
        Ids(Get(fmt::format("{}?match[type]=indicator&match[version]={}", shared, version), keys_["analyst"]).body);
    for (int limit : {1, 2, 3}) {
      std::vector<std::string> walked;
      std::string next;
      std::string last_date_added;
      for (int pages = 0; pages < 20; ++pages) {
        std::string target = fmt::format("{}?match[type]=indicator&match[version]={}&limit={}", shared, version, limit);
        if (!next.empty()) target += "&next=" + next;
        Reply page = Get(target, keys_["analyst"]);
        ASSERT_EQ(page.status, 200) << page.body;
        std::vector<std::string> ids = Ids(page.body);
        walked.insert(walked.end(), ids.begin(), ids.end());
        // The headers bound the page, and pages follow each other.
        EXPECT_LE(page.Header("X-TAXII-Date-Added-First"), page.Header("X-TAXII-Date-Added-Last"));
        EXPECT_GT(std::string(page.Header("X-TAXII-Date-Added-First")), last_date_added);
        last_date_added = page.Header("X-TAXII-Date-Added-Last");
        if (At(page.body, "/more") == "false") {
          EXPECT_EQ(At(page.body, "/next"), "<missing>");
          break;
        }
        EXPECT_EQ(ids.size(), static_cast<size_t>(limit));
        next = At(page.body, "/next");
        next = next.substr(1, next.size() - 2);
      }
      EXPECT_EQ(walked, all) << "limit " << limit << " version " << version;
    }
  }
}

TEST_F(ConformanceTest, ManifestAgreesWithObjectsAndHeaders) {
  const std::string own = CollectionPath(Own(kz_));
  Reply objects = Get(own + "objects/?match[version]=all", keys_["analyst"]);
  Reply manifest = Get(own + "manifest/?match[version]=all", keys_["analyst"]);
  ASSERT_EQ(objects.status, 200);
  ASSERT_EQ(manifest.status, 200);
  EXPECT_EQ(Ids(objects.body), Ids(manifest.body));
  EXPECT_EQ(objects.Header("X-TAXII-Date-Added-First"), manifest.Header("X-TAXII-Date-Added-First"));
  EXPECT_EQ(objects.Header("X-TAXII-Date-Added-Last"), manifest.Header("X-TAXII-Date-Added-Last"));
  EXPECT_EQ(At(manifest.body, "/objects/0/date_added"),
            fmt::format("\"{}\"", manifest.Header("X-TAXII-Date-Added-First")));
  EXPECT_EQ(At(manifest.body, "/objects/4/date_added"),
            fmt::format("\"{}\"", manifest.Header("X-TAXII-Date-Added-Last")));
  // added_after the first version's date_added leaves it out.
  Reply after = Get(
      fmt::format("{}manifest/?match[version]=all&added_after={}", own, manifest.Header("X-TAXII-Date-Added-First")),
      keys_["analyst"]);
  EXPECT_EQ(Join(Ids(after.body)), fmt::format("{},{},{},{}", a_, a_, b_, c_));
}

TEST_F(ConformanceTest, PostedObjectsAreTheOrganisationsWithItsDefaults) {
  Reply object = Get(CollectionPath(Own(kz_), "objects/" + a_ + "/"), keys_["analyst"]);
  ASSERT_EQ(object.status, 200);
  EXPECT_EQ(At(object.body, "/objects/0/created_by_ref"), fmt::format("\"{}\"", kz_));
  // The organisation's default TLP (amber) and the CLI's default distribution (organisation).
  std::string markings = At(object.body, "/objects/0/object_marking_refs");
  EXPECT_NE(markings.find(share::TlpMarkingId(share::Tlp::kAmber)), std::string::npos) << markings;
  EXPECT_NE(markings.find(share::DistributionMarkingId({share::DistributionKind::kOrganisation, ""})),
            std::string::npos)
      << markings;
  Reply grouped =
      Get(CollectionPath(CollectionId(CollectionKind::kGroup, group_.id), "objects/" + c_ + "/"), keys_["kg"]);
  ASSERT_EQ(grouped.status, 200) << grouped.body;
  EXPECT_NE(At(grouped.body, "/objects/0/object_marking_refs")
                .find(share::DistributionMarkingId({share::DistributionKind::kGroup, group_.id})),
            std::string::npos);
}

TEST_F(ConformanceTest, ABadObjectNeverSinksTheGoodOnes) {
  const std::string bad_id = "indicator--0000000f-0000-4000-8000-000000000000";
  std::string no_pattern = Indicator(bad_id, kA1);
  no_pattern.replace(no_pattern.find("\"pattern\":"), 10, "\"patern\":");
  const std::string other = "indicator--00000010-0000-4000-8000-000000000000";
  // Someone else's object: the sharing rules refuse it.
  std::string as_kg = Indicator(other, kA1, fmt::format(R"(,"created_by_ref":"{}")", kg_));
  std::string good = Indicator("indicator--00000011-0000-4000-8000-000000000000", kA1);
  stored_reports_.clear();
  Reply posted = Post(CollectionPath(Own(kz_), "objects/"), keys_["analyst"],
                      Envelope({no_pattern, good, "42", as_kg, Indicator(a_, kA1)}));
  ASSERT_EQ(posted.status, 202) << posted.body;
  EXPECT_EQ(At(posted.body, "/status"), "\"complete\"");
  EXPECT_EQ(At(posted.body, "/total_count"), "5");
  EXPECT_EQ(At(posted.body, "/success_count"), "2");
  EXPECT_EQ(At(posted.body, "/failure_count"), "3");
  EXPECT_EQ(At(posted.body, "/pending_count"), "0");
  EXPECT_EQ(Join(Ids(posted.body, "successes")), "indicator--00000011-0000-4000-8000-000000000000," + a_);
  EXPECT_EQ(At(posted.body, "/successes/1/message"), "\"already stored\"");
  EXPECT_EQ(Join(Ids(posted.body, "failures")), fmt::format("{},,{}", bad_id, other));
  EXPECT_EQ(At(posted.body, "/failures/0/version"), fmt::format("\"{}\"", kA1));
  EXPECT_NE(At(posted.body, "/failures/0/message").find("pattern"), std::string::npos) << posted.body;
  EXPECT_NE(At(posted.body, "/failures/2/message"), "<missing>");
  EXPECT_EQ(stored_reports_, std::vector<size_t>{1});
  // The status reads back the same.
  std::string id = At(posted.body, "/id");
  Reply status = Get(fmt::format("{}status/{}/", Service::kApiRoot, id.substr(1, id.size() - 2)), keys_["reader"]);
  EXPECT_EQ(status.body, posted.body);
  // Written to the audit log.
  Result<std::vector<share::AuditEntry>> entries = community_->audit().Show({"analyst", "object.write", {}, {}});
  ASSERT_TRUE(entries.ok());
  ASSERT_FALSE(entries->empty());
  EXPECT_EQ(entries->back().target, Own(kz_));
  EXPECT_EQ(entries->back().outcome, "failed");
  EXPECT_NE(entries->back().detail.find("5 read, 1 stored, 1 already stored, 2 invalid, 1 refused"), std::string::npos)
      << entries->back().detail;
}

TEST_F(ConformanceTest, ObservablesHaveTheirDateAddedAsVersion) {
  const std::string ip =
      R"({"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"})";
  Reply posted = Post(CollectionPath(Own(kz_), "objects/"), keys_["analyst"], Envelope({ip}));
  ASSERT_EQ(posted.status, 202) << posted.body;
  ASSERT_EQ(At(posted.body, "/success_count"), "1") << posted.body;
  Reply manifest = Get(CollectionPath(Own(kz_), "manifest/?match[type]=ipv4-addr"), keys_["analyst"]);
  ASSERT_EQ(Ids(manifest.body).size(), 1u) << manifest.body;
  EXPECT_EQ(At(manifest.body, "/objects/0/version"), At(manifest.body, "/objects/0/date_added"));
  EXPECT_EQ(At(posted.body, "/successes/0/version"), At(manifest.body, "/objects/0/date_added"));
}

TEST_F(ConformanceTest, DeleteRemovesOnlyTheSelectedOwnVersions) {
  const std::string object = CollectionPath(Own(kz_), "objects/" + a_ + "/");
  Reply removed = Delete(object + "?match[version]=first", keys_["analyst"]);
  EXPECT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(Strings(Get(object + "versions/", keys_["analyst"]).body, "versions"),
            (std::vector<std::string>{std::string(kA2), std::string(kA3)}));
  // Every remaining version by default.
  EXPECT_EQ(Delete(object, keys_["analyst"]).status, 200);
  EXPECT_EQ(Get(object, keys_["analyst"]).status, 404);
  EXPECT_EQ(Delete(object, keys_["analyst"]).status, 404);
  // Each delete that removed something is told (the hunter and the correlation index forget), the refused one not.
  EXPECT_EQ(deleted_reports_, (std::vector<std::string>{a_, a_}));
  // An admin deletes another organisation's object.
  EXPECT_EQ(
      Delete(CollectionPath(CollectionId(CollectionKind::kAll, ""), "objects/" + e_ + "/"), keys_["admin"]).status,
      200);
  EXPECT_EQ(Get(CollectionPath(Own(tj_), "objects/" + e_ + "/"), keys_["tj"]).status, 404);
  Result<std::vector<share::AuditEntry>> entries = community_->audit().Show({"", "object.delete", {}, {}});
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ(entries->front().target, a_);
  EXPECT_EQ(entries->front().outcome, "ok");
}

TEST_F(ConformanceTest, ReadsOfAmberObjectsAreAuditedFirst) {
  Result<std::vector<share::AuditEntry>> before = community_->audit().Show({"reader", "object.read", {}, {}});
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->empty());
  ASSERT_EQ(Get(CollectionPath(Own(kz_), "objects/"), keys_["reader"]).status, 200);
  // A manifest carries no object: nothing to audit.
  ASSERT_EQ(Get(CollectionPath(Own(kz_), "manifest/"), keys_["reader"]).status, 200);
  Result<std::vector<share::AuditEntry>> after = community_->audit().Show({"reader", "object.read", {}, {}});
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_NE(after->front().detail.find(a_), std::string::npos) << after->front().detail;
  EXPECT_NE(after->front().detail.find(b_), std::string::npos) << after->front().detail;
}

TEST_F(ConformanceTest, LeavingAGroupTakesEffectAtOnce) {
  const std::string shared = CollectionPath(CollectionId(CollectionKind::kShared, kg_), "objects/?match[id]=" + c_);
  const std::string group = CollectionPath(CollectionId(CollectionKind::kGroup, group_.id));
  ASSERT_EQ(Ids(Get(shared, keys_["kg"]).body), std::vector<std::string>{c_});
  ASSERT_EQ(Get(group, keys_["kg"]).status, 200);
  ASSERT_TRUE(community_->RemoveGroupMember(operator_, "G", "KG").ok());
  EXPECT_EQ(Ids(Get(shared, keys_["kg"]).body), std::vector<std::string>{});
  EXPECT_EQ(Get(group, keys_["kg"]).status, 404);
}

}  // namespace
}  // namespace kenes::taxii
