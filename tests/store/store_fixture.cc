#include "store_fixture.h"

#include <fmt/format.h>
#include <stdlib.h>

namespace kenes::store {

std::string TestId(std::string_view type, int number) {
  return fmt::format("{}--00000000-0000-4000-8000-{:012d}", type, number);
}

Timestamp TestTime(int seconds, int milliseconds) {
  Timestamp time = *ParseTimestamp("2026-01-01T00:00:00Z");
  time.seconds += seconds;
  time.nanoseconds = milliseconds * 1'000'000;
  time.fraction_digits = 3;
  return time;
}

stix::Object MakeSdo(std::string id, const Timestamp& modified, std::string extra_json) {
  stix::Object object;
  object.type = id.substr(0, id.find("--"));
  object.id = std::move(id);
  object.spec_version = "2.1";
  object.created = TestTime(0);
  object.modified = modified;
  object.json = fmt::format(R"({{"type":"{}","spec_version":"2.1","id":"{}","created":"{}","modified":"{}"{}}})",
                            object.type, object.id, FormatTimestamp(*object.created, 3),
                            FormatTimestamp(modified, modified.fraction_digits), extra_json);
  return object;
}

stix::Object MakeSco(std::string id, std::string value) {
  stix::Object object;
  object.type = id.substr(0, id.find("--"));
  object.id = std::move(id);
  object.spec_version = "2.1";
  object.json = fmt::format(R"({{"type":"{}","spec_version":"2.1","id":"{}","value":"{}"}})", object.type,
                            object.id, value);
  return object;
}

std::string VersionName(const StoredVersion& version) {
  if (!version.version) return version.id;
  return fmt::format("{}@{}", version.id, version.version->seconds - TestTime(0).seconds);
}

std::string VersionName(std::string_view type, int number, std::optional<int> seconds) {
  return seconds ? fmt::format("{}@{}", TestId(type, number), *seconds) : TestId(type, number);
}

std::vector<std::string> ListNames(Store& store, ListQuery query) {
  std::vector<std::string> names;
  for (;;) {
    Result<Page> page = store.List(query);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) return names;
    for (const StoredVersion& version : page->versions) names.push_back(VersionName(version));
    if (!page->more) return names;
    query.cursor = page->cursor;
  }
}

void StoreFixture::SetUp() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kenes-store-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  directory_ = pattern;
}

void StoreFixture::TearDown() { std::filesystem::remove_all(directory_); }

std::unique_ptr<Store> StoreFixture::Open(SqliteStoreOptions options) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path(), options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

std::vector<WriteResult> StoreFixture::PutAll(Store& store, const std::vector<stix::Object>& objects,
                                              const std::vector<AccessLabel>& labels) {
  Result<std::vector<WriteResult>> results = store.Put(objects, labels);
  EXPECT_TRUE(results.ok()) << results.status().ToString();
  if (!results.ok()) return {};
  EXPECT_EQ(results->size(), objects.size());
  return std::move(results).value();
}

}  // namespace kenes::store
