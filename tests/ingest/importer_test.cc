#include "ingest/importer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/sqlite/sqlite_store.h"

namespace kenes::ingest {
namespace {

namespace fs = std::filesystem;

std::string Identity(int number, const char* modified = "2026-03-01T08:00:00.000Z") {
  char text[512];
  std::snprintf(text, sizeof text,
                R"({"type":"identity","spec_version":"2.1","id":"identity--6a9e4a1c-3f8b-4d2e-9c71-0b5f2d8e%04d",)"
                R"("created":"2026-03-01T08:00:00.000Z","modified":"%s","name":"Org %d","identity_class":"organization"})",
                number, modified, number);
  return text;
}

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("kenes-importer-" + std::to_string(::getpid()) + ".db");
    fs::remove(path_);
    auto opened = store::OpenSqliteStore(path_, store::SqliteStoreOptions{});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_.string() + suffix);
  }

  Importer MakeImporter(size_t batch_size, bool with_store = true) {
    ImportOptions options;
    options.batch_size = batch_size;
    return Importer(with_store ? store_.get() : nullptr, options,
                    [this](const ImportMessage& message) { (message.is_error ? errors_ : warnings_).push_back(message.text); });
  }

  fs::path path_;
  std::unique_ptr<store::Store> store_;
  std::vector<std::string> errors_;
  std::vector<std::string> warnings_;
};

TEST_F(ImporterTest, StoresAcrossBatchBoundaries) {
  std::string input;
  for (int i = 0; i < 7; ++i) input += Identity(i) + "\n";
  Importer importer = MakeImporter(3);
  ASSERT_TRUE(importer.ImportBuffer(input, "feed.ndjson").ok());
  // Full batches are stored while the next is read, so some may still be in flight.
  EXPECT_LE(importer.totals().stored, 6u);
  EXPECT_EQ(importer.totals().stored % 3, 0u);
  ASSERT_TRUE(importer.Finish().ok());
  EXPECT_EQ(importer.totals().stored, 7u);
  EXPECT_TRUE(importer.totals().AllAccepted());
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(store_->Count()->objects, 7);
}

TEST_F(ImporterTest, BadObjectsDoNotSinkGoodOnes) {
  std::string input = Identity(1) + "\n{\"type\":\"identity\"\n" +
                      R"({"type":"identity","spec_version":"2.1","id":"identity--nope","created":"2026-03-01T08:00:00.000Z","modified":"2026-03-01T08:00:00.000Z","name":"x"})" +
                      "\n" + Identity(2) + "\n";
  Importer importer = MakeImporter(100);
  ASSERT_TRUE(importer.ImportBuffer(input, "feed.ndjson").ok());
  ASSERT_TRUE(importer.Finish().ok());
  EXPECT_EQ(importer.totals().read, 4u);
  EXPECT_EQ(importer.totals().stored, 2u);
  EXPECT_EQ(importer.totals().invalid, 2u);
  ASSERT_GE(errors_.size(), 2u);
  EXPECT_EQ(errors_[0].rfind("feed.ndjson: line 2: malformed JSON", 0), 0u) << errors_[0];
  EXPECT_EQ(errors_[1].rfind("feed.ndjson: line 3: identity--nope $.id", 0), 0u) << errors_[1];
}

TEST_F(ImporterTest, ReportsWhatTheStoreRefuses) {
  Importer first = MakeImporter(10);
  ASSERT_TRUE(first.ImportBuffer(Identity(1), "a.json").ok());
  ASSERT_TRUE(first.Finish().ok());
  // Same id and modified, different content: a conflict, not a silent overwrite.
  std::string changed = Identity(1);
  changed.replace(changed.find("Org 1"), 5, "Org X");
  Importer second = MakeImporter(10);
  ASSERT_TRUE(second.ImportBuffer(changed + "\n" + Identity(1) + "\n", "b.json").ok());
  ASSERT_TRUE(second.Finish().ok());
  EXPECT_EQ(second.totals().refused, 1u);
  EXPECT_EQ(second.totals().duplicates, 1u);
  EXPECT_FALSE(second.totals().AllAccepted());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("not stored (conflict)"), std::string::npos) << errors_[0];
}

TEST_F(ImporterTest, WithoutAStoreOnlyValidates) {
  Importer importer = MakeImporter(1, /*with_store=*/false);
  ASSERT_TRUE(importer.ImportBuffer(Identity(1), "x.json").ok());
  ASSERT_TRUE(importer.Finish().ok());
  EXPECT_EQ(importer.totals().read, 1u);
  EXPECT_EQ(importer.totals().stored, 0u);
  EXPECT_EQ(store_->Count()->objects, 0);
}

TEST_F(ImporterTest, MalformedDocumentIsAnError) {
  Importer importer = MakeImporter(1);
  Status status = importer.ImportBuffer("[{\"type\": ", "broken.json");
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message().rfind("broken.json: malformed JSON", 0), 0u) << status.message();
}

}  // namespace
}  // namespace kenes::ingest
