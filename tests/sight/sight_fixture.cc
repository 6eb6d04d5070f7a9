#include "sight_fixture.h"

#include <fmt/format.h>

#include "share/access_policy.h"
#include "share/access_viewer.h"
#include "share/default_community.h"
#include "share/write_labeller.h"
#include "stix/reader.h"
#include "stix/sco_id.h"
#include "store/sqlite/sqlite_store.h"
#include "support/import_lines.h"

namespace kenes::sight {

void SightFixture::SetUp() {
  directory_ =
      std::filesystem::temp_directory_path() / ("kenes-sight-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(directory_);
  std::filesystem::create_directories(directory_);
  store::SqliteStoreOptions options;
  options.clock = &clock_;
  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(directory_ / "kenes.db", options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(store).value();
  Result<std::unique_ptr<share::Community>> community =
      share::Community::Open(share::Community::FileIn(directory_), *store_, clock_);
  ASSERT_TRUE(community.ok()) << community.status().ToString();
  community_ = std::move(community).value();
  Result<size_t> founded = community_->Found(share::NodeOperator("test"), share::DefaultCommunity());
  ASSERT_TRUE(founded.ok()) << founded.status().ToString();
  clock_.Set(*ParseTimestamp("2026-06-01T00:00:00Z"));
  HuntOptions hunt;
  hunt.clock = &clock_;
  hunter_ = std::make_unique<Hunter>(*store_, *community_, hunt);
}

void SightFixture::TearDown() {
  hunter_.reset();
  community_.reset();
  store_.reset();
  std::filesystem::remove_all(directory_);
}

std::string SightFixture::Org(const std::string& code) {
  Result<share::Organisation> organisation = community_->FindOrganisation(code);
  EXPECT_TRUE(organisation.ok()) << code;
  return organisation.ok() ? organisation->id : "";
}

void SightFixture::Import(const std::vector<std::string>& objects, share::Tlp tlp, share::DistributionKind distribution,
                          size_t batch_size) {
  share::Principal actor = share::NodeOperator("test");
  share::LabelDefaults defaults{"", tlp, {distribution, ""}};
  Result<share::WriteLabel> labeller = share::WriteLabeller(*store_, *community_, actor, defaults);
  ASSERT_TRUE(labeller.ok()) << labeller.status().ToString();
  ingest::ImportOptions options;
  options.label = std::move(labeller).value();
  options.batch_size = batch_size;
  options.on_batch = [this](const ingest::StoredBatch& batch) {
    lasts_.push_back(batch.last);
    Status hunted = hunter_->Observe(batch);
    EXPECT_TRUE(hunted.ok()) << hunted.ToString();
  };
  ingest::ImportTotals totals;
  const std::vector<std::string> errors = test::ImportLines(*store_, std::move(options), objects, &totals);
  EXPECT_TRUE(errors.empty()) << fmt::format("{}", fmt::join(errors, "\n"));
  EXPECT_TRUE(totals.AllAccepted());
}

std::vector<store::StoredVersion> SightFixture::Sightings() {
  store::ListQuery query;
  query.types = {"sighting"};
  query.versions.last = true;
  Result<store::Page> page = store_->List(query);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? page->versions : std::vector<store::StoredVersion>{};
}

store::Viewer SightFixture::ViewerOf(const std::string& code) {
  Result<share::ViewerFacts> facts = share::ViewerFactsOf(*community_, code);
  EXPECT_TRUE(facts.ok()) << facts.status().ToString();
  return share::StoreViewer(facts.ok() ? *facts : share::ViewerFacts{});
}

std::vector<std::string> SightFixture::SightingsSeenBy(const std::string& code) {
  store::ListQuery query;
  query.types = {"sighting"};
  query.versions.last = true;
  query.viewer = ViewerOf(code);
  Result<store::Page> page = store_->List(query);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  std::vector<std::string> ids;
  if (page.ok()) {
    for (const store::StoredVersion& version : page->versions) ids.push_back(version.id);
  }
  return ids;
}

std::string AddressId(const std::string& value) {
  return "ipv4-addr--" + stix::UuidV5(fmt::format(R"({{"value":"{}"}})", value));
}

std::string Address(const std::string& value) {
  return fmt::format(R"({{"type":"ipv4-addr","spec_version":"2.1","id":"{}","value":"{}"}})", AddressId(value), value);
}

Result<stix::Object> ParsedObject(const std::string& json) {
  // The parser must outlive nothing: ObjectFromJson copies what it keeps.
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  if (parser.parse(json).get(element) != simdjson::SUCCESS) return Status::InvalidArgument("not JSON");
  return stix::ObjectFromJson(element, json);
}

std::string TestObjectId(const std::string& type, int number) {
  return fmt::format("{}--6f1c2a3b-4d5e-4f60-8a7b-{:012d}", type, number);
}

std::string Indicator(const std::string& id, const std::string& author, const std::string& pattern,
                      const std::string& extra) {
  return fmt::format(
      R"({{"type":"indicator","spec_version":"2.1","id":"{}","created_by_ref":"{}","created":"2026-05-01T00:00:00.000Z",)"
      R"("modified":"2026-05-01T00:00:00.000Z","name":"test indicator","pattern":"{}","pattern_type":"stix",)"
      R"("valid_from":"2026-05-01T00:00:00Z"{}}})",
      id, author, pattern, extra);
}

std::string ObservedData(const std::string& id, const std::string& author, const std::vector<std::string>& refs,
                         const std::string& when) {
  return fmt::format(
      R"({{"type":"observed-data","spec_version":"2.1","id":"{}","created_by_ref":"{}","created":"{}",)"
      R"("modified":"{}","first_observed":"{}","last_observed":"{}","number_observed":3,"object_refs":["{}"]}})",
      id, author, when, when, when, when, fmt::join(refs, "\",\""));
}

}  // namespace kenes::sight
