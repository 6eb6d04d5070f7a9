// StoreFixture: a fresh store file per test, and objects made to order.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace kenes::store {

// A clock the test moves by hand, to play clock steps backwards.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_(start) {}
  Timestamp Now() override { return now_; }
  void Set(Timestamp now) { now_ = now; }

 private:
  Timestamp now_;
};

// "indicator--<uuid>" for a small number, so tests read well.
std::string TestId(std::string_view type, int number);

// The timestamp "2026-01-01T00:00:<seconds>Z" plus `milliseconds`.
Timestamp TestTime(int seconds, int milliseconds = 0);

// One version of an SDO, with JSON text written from its properties.
stix::Object MakeSdo(std::string id, const Timestamp& modified, std::string extra_json = "");

// An SCO (no created/modified) with the given value.
stix::Object MakeSco(std::string id, std::string value);

// "<id>@<seconds>" for an SDO version at TestTime(seconds), "<id>" for an
// SCO: how tests name the versions they expect.
std::string VersionName(const StoredVersion& version);
std::string VersionName(std::string_view type, int number, std::optional<int> seconds = std::nullopt);

// Every page of `query`, in order, by VersionName; fails the test on an error.
std::vector<std::string> ListNames(Store& store, ListQuery query);

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Opens (or reopens) the store at path().
  std::unique_ptr<Store> Open(SqliteStoreOptions options = {});

  // Puts and returns the outcomes, failing the test if the batch fails.
  std::vector<WriteResult> PutAll(Store& store, const std::vector<stix::Object>& objects,
                                  const std::vector<AccessLabel>& labels = {});

  std::filesystem::path path() const { return directory_ / "kenes.db"; }

 private:
  std::filesystem::path directory_;
};

}  // namespace kenes::store
