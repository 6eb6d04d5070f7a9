// End-to-end tests of `kenes incident report`: the demo incident's report on
// standard output and in a file, as the node operator and as a user of a
// state, and the errors for an unknown incident and an unwritable file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "demo/demo_generator.h"
#include "kenes_process_fixture.h"

namespace {

namespace fs = std::filesystem;

using IncidentReportCommand = kenes::cli::KenesProcessTest;
using Ran = kenes::cli::Outcome;

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The demo as NDJSON, with the ids of its drug-trafficking and flood incidents.
std::string DemoLines(std::string& incident_id, std::string& flood_id) {
  kenes::demo::DemoGenerator generator({.seed = 1});
  std::string lines;
  std::string json;
  while (generator.Next(json)) {
    if (json.starts_with(R"({"type":"incident")")) {
      size_t at = json.find(R"("id":")") + 6;
      std::string id = json.substr(at, json.find('"', at) - at);
      if (Has(json, "Heroin consignment")) incident_id = id;
      if (Has(json, "Spring flood")) flood_id = id;
    }
    lines += json + "\n";
  }
  return lines;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class IncidentReport : public IncidentReportCommand {
 protected:
  void SetUp() override {
    IncidentReportCommand::SetUp();
    ASSERT_EQ(Kenes("init").exit_code, 0);
    Ran imported = Kenes("import --quiet --distribution community -", DemoLines(incident_, flood_));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    ASSERT_FALSE(incident_.empty());
    ASSERT_FALSE(flood_.empty());
  }

  std::string incident_;
  std::string flood_;
};

TEST_F(IncidentReport, WritesTheDemoIncidentToStandardOutput) {
  Ran report = Kenes("incident report " + incident_);
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_TRUE(report.out.starts_with("<!DOCTYPE html>"));
  EXPECT_TRUE(Has(report.out, "Heroin consignment on the Panj–Batken–Kordai route (synthetic)"));
  EXPECT_TRUE(Has(report.out, "Secondary inspection of rail freight at Kordai (synthetic)"));
  EXPECT_TRUE(Has(report.out, "Rendered for <strong>the node operator</strong>"));
  EXPECT_TRUE(Has(report.out, "whatever the sharing rules"));
  EXPECT_TRUE(Has(report.out, "No open assistance gaps.")) << "no assistance request names this incident";
}

TEST_F(IncidentReport, ShowsTheOpenGapsOfTheAssistanceRequestsNamingTheIncident) {
  Ran report = Kenes("incident report " + flood_);
  ASSERT_EQ(report.exit_code, 0) << report.err;
  size_t section = report.out.find("Open assistance gaps");
  ASSERT_NE(section, std::string::npos);
  std::string gaps = report.out.substr(section, report.out.find("</section>", section) - section);
  EXPECT_TRUE(Has(gaps, "<td>pump</td>")) << gaps;
  EXPECT_TRUE(Has(gaps, "Kazakhstan")) << gaps;
  EXPECT_FALSE(Has(gaps, "No open assistance gaps.")) << gaps;
}

TEST_F(IncidentReport, ActsAsTheUsersOrganisationAndWritesAFile) {
  ASSERT_EQ(Kenes("user add kg.reader --org KG --role reader").exit_code, 0);
  fs::path file = dir_ / "report.html";
  Ran report = Kenes("--as kg.reader incident report " + incident_ + " --output " + file.string());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_TRUE(report.out.empty());
  std::string html = ReadFile(file);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_TRUE(Has(html, "shows only what")) << html.substr(html.size() - 600);
  EXPECT_FALSE(Has(html, "the node operator"));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_FALSE(entry.path().string().ends_with(".tmp")) << "no temporary file is left behind";
  }
}

TEST_F(IncidentReport, UnknownIncidentsAndUnwritableFilesFail) {
  Ran unknown = Kenes("incident report incident--00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(Has(unknown.err, "no incident incident--00000000-0000-4000-8000-000000000000")) << unknown.err;
  EXPECT_TRUE(unknown.out.empty());

  fs::path nowhere = dir_ / "missing-directory" / "report.html";
  Ran unwritable = Kenes("incident report " + incident_ + " --output " + nowhere.string());
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_TRUE(Has(unwritable.err, "cannot write")) << unwritable.err;
  EXPECT_FALSE(fs::exists(nowhere));

  Ran missing_id = Kenes("incident report");
  EXPECT_EQ(missing_id.exit_code, 2);
}

}  // namespace
