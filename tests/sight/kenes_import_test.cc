// Automatic sightings end to end: `kenes import` as three organisations'
// users, and who then sees the sighting.
#include <gtest/gtest.h>

#include <string>

#include "cli/kenes_process_fixture.h"

namespace {

using SightingsThroughImport = kenes::cli::KenesProcessTest;
using kenes::cli::Outcome;

constexpr char kIndicator[] =
    R"({"type":"indicator","spec_version":"2.1","id":"indicator--9a4c1f2e-7b3d-4e5f-8a6b-1c2d3e4f5a60",)"
    R"("created":"2026-05-01T00:00:00.000Z","modified":"2026-05-01T00:00:00.000Z","name":"C2 address",)"
    R"("pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix","valid_from":"2026-05-01T00:00:00Z"})";

constexpr char kAddress[] = R"({"type":"ipv4-addr","spec_version":"2.1","value":"198.51.100.7"})";

constexpr char kObservation[] =
    R"({"type":"observed-data","spec_version":"2.1","id":"observed-data--9a4c1f2e-7b3d-4e5f-8a6b-1c2d3e4f5a61",)"
    R"("created":"2026-05-20T10:00:00.000Z","modified":"2026-05-20T10:00:00.000Z",)"
    R"("first_observed":"2026-05-20T10:00:00Z","last_observed":"2026-05-20T10:00:00Z","number_observed":1,)"
    R"("object_refs":["ipv4-addr--12592121-be4c-5a93-a813-5a5af16e50db"]})";

TEST_F(SightingsThroughImport, AnObservationOfAnotherOrganisationsIndicatorIsSightedForBothOnly) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  for (const char* user : {"kz-analyst --org KZ --role analyst", "kg-analyst --org KG --role analyst",
                           "tj-reader --org TJ --role reader"}) {
    ASSERT_EQ(Kenes(std::string("user add ") + user).exit_code, 0) << user;
  }
  Outcome indicator = Kenes("--as kz-analyst import --distribution community -", kIndicator);
  ASSERT_EQ(indicator.exit_code, 0) << indicator.err;

  Outcome observed = Kenes("--as kg-analyst import --assign-ids -", std::string(kAddress) + "\n" + kObservation);
  ASSERT_EQ(observed.exit_code, 0) << observed.err;
  EXPECT_NE(observed.out.find("sightings: 1 new, 0 already stored"), std::string::npos) << observed.out;

  // Again, without the address: an observable has no author, so no user may write it a second time.
  Outcome again = Kenes("--as kg-analyst import -", kObservation);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("sightings: 0 new, 1 already stored"), std::string::npos) << again.out;

  Outcome author = Kenes("--as kz-analyst export --type sighting");
  ASSERT_EQ(author.exit_code, 0) << author.err;
  EXPECT_NE(author.out.find("\"sighting_of_ref\":\"indicator--9a4c1f2e-7b3d-4e5f-8a6b-1c2d3e4f5a60\""),
            std::string::npos)
      << author.out;
  EXPECT_NE(Kenes("--as kg-analyst export --type sighting").out.find("\"type\":\"sighting\""), std::string::npos);
  Outcome third = Kenes("--as tj-reader export --type sighting");
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(third.out.find("\"type\":\"sighting\""), std::string::npos) << third.out;
}

}  // namespace
