// `kenes incident|task|note` as a script uses them: ids on standard output,
// refusals on standard error with exit 1, bad usage with exit 2.
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kenes_process_fixture.h"

namespace kenes::cli {
namespace {

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

class IncidentCommandTest : public KenesProcessTest {
 protected:
  void SetUp() override {
    KenesProcessTest::SetUp();
    ASSERT_EQ(Kenes("init").exit_code, 0);
    for (const char* user : {"user add kz --org KZ --role analyst", "user add uz --org UZ --role analyst",
                             "user add tj --org TJ --role analyst", "user add kzr --org KZ --role reader"}) {
      Outcome added = Kenes(user);
      ASSERT_EQ(added.exit_code, 0) << added.err;
    }
  }

  // Runs `args` and returns what it printed, expecting success.
  std::string Ok(const std::string& args) {
    Outcome outcome = Kenes(args);
    EXPECT_EQ(outcome.exit_code, 0) << args << ": " << outcome.err;
    return Trimmed(outcome.out);
  }
};

TEST_F(IncidentCommandTest, AResponseFromTheCommandLine) {
  const std::string incident =
      Ok("--as kz incident create 'Heroin route' --severity high --affects UZ --affects TJ --criticality 70");
  ASSERT_EQ(incident.rfind("incident--", 0), 0u) << incident;
  const std::string plan = Ok("--as kz incident plan " + incident + " 'Close the route'");
  ASSERT_EQ(plan.rfind("course-of-action--", 0), 0u) << plan;
  const std::string first = Ok("--as kz task add " + plan +
                               " 'Check lorries' --responsible UZ --priority 80 "
                               "--due 2030-01-01T00:00:00Z");
  const std::string second =
      Ok("--as kz task add " + plan + " 'Arrest the courier' --responsible UZ --depends-on " + first);
  ASSERT_EQ(second.rfind("task--", 0), 0u) << second;

  EXPECT_NE(Ok("--as uz task list").find(first), std::string::npos);
  Outcome blocked = Kenes("--as uz task move " + second + " ongoing");
  EXPECT_EQ(blocked.exit_code, 1);
  EXPECT_NE(blocked.err.find("depends on"), std::string::npos) << blocked.err;
  EXPECT_NE(Ok("--as uz task move " + first + " ongoing").find("ongoing"), std::string::npos);
  EXPECT_NE(Ok("--as uz task move " + first + " successful").find("successful"), std::string::npos);
  Ok("--as uz task move " + second + " ongoing");

  const std::string history = Ok("--as kz task history " + first);
  EXPECT_NE(history.find("pending  by KZ"), std::string::npos) << history;
  EXPECT_NE(history.find("successful  by UZ"), std::string::npos) << history;

  const std::string note = Ok("--as kz note add " + incident + " 'Close the post at night' --abstract Decision");
  EXPECT_EQ(note.rfind("note--", 0), 0u) << note;
  const std::string timeline = Ok("--as kz incident timeline " + incident);
  EXPECT_NE(timeline.find(note), std::string::npos) << timeline;

  EXPECT_NE(Ok("--as kz incident update " + incident + " --status open").find(" open "), std::string::npos);
  const std::string shown = Ok("--as kz incident show " + incident);
  EXPECT_NE(shown.find(plan), std::string::npos) << shown;
  EXPECT_NE(shown.find(second), std::string::npos) << shown;
  EXPECT_NE(Ok("--as kz incident list --status open").find(incident), std::string::npos);
}

TEST_F(IncidentCommandTest, ChangesReachTheInboxesOfTheOrganisationsConcerned) {
  const std::string incident = Ok("--as kz incident create 'Heroin route' --affects UZ --distribution community");
  const std::string plan = Ok("--as kz incident plan " + incident + " 'Close the route' --distribution community");
  const std::string task = Ok("--as kz task add " + plan + " 'Check lorries' --responsible UZ");
  Ok("--as uz task move " + task + " ongoing");
  Ok("--as uz task list");  // reads record nothing

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "data" / "notify.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT kind, object_id FROM notices ORDER BY notice_id", -1, &statement, nullptr),
            SQLITE_OK);
  std::vector<std::string> recorded;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    recorded.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))) + " " +
                       reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  auto has = [&](const std::string& entry) {
    return std::find(recorded.begin(), recorded.end(), entry) != recorded.end();
  };
  EXPECT_TRUE(has("incident.created " + incident));
  EXPECT_TRUE(has("task.assigned " + task));
  EXPECT_TRUE(has("task.updated " + task));
}

TEST_F(IncidentCommandTest, RefusalsAndBadUsage) {
  const std::string incident = Ok("--as kz incident create 'Route'");
  const std::string plan = Ok("--as kz incident plan " + incident + " Plan");
  const std::string task = Ok("--as kz task add " + plan + " Check --responsible UZ");

  Outcome reader = Kenes("--as kzr incident create 'by a reader'");
  EXPECT_EQ(reader.exit_code, 1);
  EXPECT_NE(reader.err.find("reader"), std::string::npos) << reader.err;
  Outcome not_responsible = Kenes("--as kz task move " + task + " ongoing");
  EXPECT_EQ(not_responsible.exit_code, 1);
  EXPECT_NE(not_responsible.err.find("responsible"), std::string::npos) << not_responsible.err;
  Outcome reassign = Kenes("--as uz task reassign " + task + " TJ");
  EXPECT_EQ(reassign.exit_code, 1);
  Outcome hidden = Kenes("--as tj incident show " + incident);
  EXPECT_EQ(hidden.exit_code, 1);
  EXPECT_NE(hidden.err.find("no incident"), std::string::npos) << hidden.err;

  EXPECT_EQ(Kenes("--as uz task move " + task + " finished").exit_code, 2);
  EXPECT_EQ(Kenes("--as kz task add " + plan + " Late --responsible UZ --due tomorrow").exit_code, 2);
  EXPECT_EQ(Kenes("--as kz incident create X --criticality 170").exit_code, 2);
  Ok("--as kz task move " + task + " cancelled");
  Outcome final_move = Kenes("--as uz task move " + task + " ongoing");
  EXPECT_EQ(final_move.exit_code, 1);
  EXPECT_NE(final_move.err.find("final"), std::string::npos) << final_move.err;
}

}  // namespace
}  // namespace kenes::cli
