#include "stix/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace kenes::stix {
namespace {

struct Collected {
  std::vector<std::string> texts;
  std::vector<std::string> errors;
  std::vector<size_t> lines;
  std::vector<std::string> bundle_versions;
  size_t bundles = 0;

  ReadCallbacks Callbacks() {
    ReadCallbacks callbacks;
    callbacks.object = [this](ReadItem& item) {
      if (item.status.ok()) {
        texts.emplace_back(item.text);
        lines.push_back(item.line);
        bundle_versions.push_back(item.bundle_spec_version);
      } else {
        errors.push_back(item.status.message());
      }
    };
    callbacks.bundle = [this](simdjson::dom::element, std::string_view) { ++bundles; };
    return callbacks;
  }
};

constexpr char kIdentity[] =
    R"({"type":"identity","spec_version":"2.1","id":"identity--5b3e2f0c-5a4d-4c8f-9a6e-1c2d3e4f5a6b",)"
    R"("created":"2026-01-01T00:00:00.000Z","modified":"2026-01-02T00:00:00.000Z","name":"KZ"})";

TEST(Reader, KeepsOriginalTextOfSingleObject) {
  std::string input = std::string("\n  ") + kIdentity + "\n";
  Collected collected;
  Reader reader;
  ASSERT_TRUE(reader.ReadBuffer(input, collected.Callbacks()).ok());
  ASSERT_EQ(collected.texts.size(), 1u);
  EXPECT_EQ(collected.texts[0], kIdentity);
}

TEST(Reader, SplitsBundleIntoOriginalTexts) {
  std::string input = R"({"type": "bundle", "id": "bundle--5b3e2f0c-5a4d-4c8f-9a6e-1c2d3e4f5a6b", "objects": [
      {"type": "ipv4-addr",  "value": "192.0.2.1", "id": "ipv4-addr--1"},
      )" + std::string(kIdentity) + "]}";
  Collected collected;
  Reader reader;
  ASSERT_TRUE(reader.ReadBuffer(input, collected.Callbacks()).ok());
  EXPECT_EQ(collected.bundles, 1u);
  ASSERT_EQ(collected.texts.size(), 2u);
  EXPECT_EQ(collected.texts[0], R"({"type": "ipv4-addr",  "value": "192.0.2.1", "id": "ipv4-addr--1"})");
  EXPECT_EQ(collected.texts[1], kIdentity);
}

TEST(Reader, RemembersStix20BundleVersion) {
  std::string input = R"({"type":"bundle","id":"bundle--1","spec_version":"2.0","objects":[)" +
                      std::string(kIdentity) + "]}";
  Collected collected;
  Reader reader;
  ASSERT_TRUE(reader.ReadBuffer(input, collected.Callbacks()).ok());
  ASSERT_EQ(collected.bundle_versions.size(), 1u);
  EXPECT_EQ(collected.bundle_versions[0], "2.0");
}

TEST(Reader, ReadsArraysAndReportsNonObjects) {
  std::string input = std::string("[") + kIdentity + ", 42, " + kIdentity + "]";
  Collected collected;
  Reader reader;
  ASSERT_TRUE(reader.ReadBuffer(input, collected.Callbacks()).ok());
  EXPECT_EQ(collected.texts.size(), 2u);
  ASSERT_EQ(collected.errors.size(), 1u);
  EXPECT_EQ(collected.errors[0], "not a JSON object");
}

TEST(Reader, NdjsonReportsBadLinesAndKeepsGoodOnes) {
  std::string input = std::string(kIdentity) + "\n{\"type\": oops}\n\n" + kIdentity + "\n";
  Collected collected;
  Reader reader;
  ASSERT_TRUE(reader.ReadBuffer(input, collected.Callbacks()).ok());
  ASSERT_EQ(collected.texts.size(), 2u);
  EXPECT_EQ(collected.lines, (std::vector<size_t>{1, 4}));
  ASSERT_EQ(collected.errors.size(), 1u);
  EXPECT_NE(collected.errors[0].find("malformed JSON"), std::string::npos);
}

TEST(Reader, MalformedDocumentIsAnError) {
  Collected collected;
  Reader reader;
  Status status = reader.ReadBuffer("{\"type\": \"bundle\", ", collected.Callbacks());
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reader.ReadBuffer("   ", collected.Callbacks()).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reader.ReadBuffer("\"text\"", collected.Callbacks()).code(), StatusCode::kInvalidArgument);
}

TEST(Reader, StreamsLargeNdjsonFilesAcrossChunks) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  constexpr size_t kLines = 40000;  // about 9 MB: more than one read chunk
  for (size_t i = 0; i < kLines; ++i) std::fprintf(file, "%s\n", kIdentity);
  std::rewind(file);
  Collected collected;
  size_t last_progress = 0;
  ReadCallbacks callbacks = collected.Callbacks();
  callbacks.progress = [&](size_t bytes) { last_progress = bytes; };
  Reader reader;
  ASSERT_TRUE(reader.ReadFile(file, callbacks).ok());
  std::fclose(file);
  ASSERT_EQ(collected.texts.size(), kLines);
  EXPECT_TRUE(collected.errors.empty());
  EXPECT_EQ(collected.lines.back(), kLines);
  for (const std::string& text : collected.texts) ASSERT_EQ(text, kIdentity);
  EXPECT_EQ(last_progress, kLines * (sizeof(kIdentity)));
}

TEST(ObjectFromJson, ExtractsSummary) {
  simdjson::dom::parser parser;
  std::string text = R"({"type":"indicator","id":"indicator--1","created":"2026-01-01T00:00:00Z",)"
                     R"("modified":"2026-01-03T00:00:00.5Z","created_by_ref":"identity--2","revoked":true,)"
                     R"("object_marking_refs":["marking-definition--3"]})";
  auto parsed = parser.parse(text);
  ASSERT_EQ(parsed.error(), simdjson::SUCCESS);
  Result<Object> object = ObjectFromJson(parsed.value(), text);
  ASSERT_TRUE(object.ok()) << object.status().ToString();
  EXPECT_EQ(object->id, "indicator--1");
  EXPECT_EQ(object->type, "indicator");
  EXPECT_EQ(object->spec_version, "2.1");
  EXPECT_EQ(object->created_by_ref, "identity--2");
  EXPECT_TRUE(object->revoked);
  EXPECT_EQ(object->object_marking_refs, std::vector<std::string>{"marking-definition--3"});
  ASSERT_TRUE(object->modified);
  EXPECT_EQ(object->modified->nanoseconds, 500000000);
  EXPECT_EQ(object->VersionTimestamp(), object->modified);
  EXPECT_EQ(object->json, text);

  auto no_id = parser.parse(std::string(R"({"type":"indicator"})"));
  EXPECT_FALSE(ObjectFromJson(no_id.value(), "{}").ok());
}

}  // namespace
}  // namespace kenes::stix
