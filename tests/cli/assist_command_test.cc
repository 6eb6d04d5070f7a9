// `kenes assist ...` run as a person or script would: a request, offers
// from two states, acceptance, delivery and the ledger in `show`; refused
// transitions exit 1 naming the rule, bad usage exits 2.
#include <gtest/gtest.h>

#include <string>

#include "kenes_process_fixture.h"

namespace kenes::cli {
namespace {

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

class AssistCommandTest : public KenesProcessTest {
 protected:
  void SetUp() override {
    KenesProcessTest::SetUp();
    ASSERT_EQ(Kenes("init").exit_code, 0);
    for (const char* user : {"kz-analyst --org KZ", "kg-analyst --org KG", "uz-analyst --org UZ"}) {
      Outcome added = Kenes(std::string("user add ") + user + " --role analyst");
      ASSERT_EQ(added.exit_code, 0) << added.err;
    }
    std::string location =
        File("location.json", R"({"type":"location","spec_version":"2.1",)"
                              R"("id":"location--3f9d7a8e-5b1c-4e2a-9d6f-7c8b9a0e1f23",)"
                              R"("created":"2026-04-01T00:00:00.000Z","modified":"2026-04-01T00:00:00.000Z",)"
                              R"("name":"Atyrau Region flood zone","latitude":47.11,"longitude":51.92})");
    Outcome imported = Kenes("--as kz-analyst import -q --tlp green --distribution community " + location);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
};

TEST_F(AssistCommandTest, RequestOfferAcceptDeliverShow) {
  Outcome request = Kenes(
      "--as kz-analyst assist request --name 'Ural flood' --hazard flood "
      "--location location--3f9d7a8e-5b1c-4e2a-9d6f-7c8b9a0e1f23 --need pump:20:unit:critical:pumps "
      "--need boat:6:unit:high:boats");
  ASSERT_EQ(request.exit_code, 0) << request.err;
  const std::string request_id = FirstLine(request.out);
  ASSERT_TRUE(request_id.starts_with("assistance-request--")) << request.out;

  Outcome offer = Kenes("--as kg-analyst assist offer " + request_id + " --line 'pumps:8:mobile units'");
  ASSERT_EQ(offer.exit_code, 0) << offer.err;
  const std::string offer_id = FirstLine(offer.out);
  Outcome declined_offer = Kenes("--as uz-analyst assist offer " + request_id + " --line boats:2");
  ASSERT_EQ(declined_offer.exit_code, 0) << declined_offer.err;

  Outcome refused = Kenes("--as kg-analyst assist accept " + offer_id);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("only the requester"), std::string::npos) << refused.err;

  ASSERT_EQ(Kenes("--as kz-analyst assist accept " + offer_id).exit_code, 0);
  ASSERT_EQ(Kenes("--as kz-analyst assist decline " + FirstLine(declined_offer.out)).exit_code, 0);
  Outcome over = Kenes("--as kg-analyst assist deliver " + offer_id + " --delivered pumps:9");
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_NE(over.err.find("more than the 8 accepted"), std::string::npos) << over.err;
  Outcome delivered = Kenes("--as kg-analyst assist deliver " + offer_id + " --dispatched pumps:8 --delivered pumps:3");
  ASSERT_EQ(delivered.exit_code, 0) << delivered.err;

  Outcome show = Kenes("--as kz-analyst assist show " + request_id);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  // line, item, unit, priority, needed, pledged, accepted, dispatched, delivered, gap
  EXPECT_NE(show.out.find("pumps        pump               unit       critical      20        8         8           8"
                          "          3     12"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("2 offer(s)"), std::string::npos) << show.out;

  Outcome listed = Kenes("--as uz-analyst assist list --status open --requester KZ");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find(request_id), std::string::npos);
  ASSERT_EQ(Kenes("--as kz-analyst assist close " + request_id).exit_code, 0);
  Outcome late = Kenes("--as uz-analyst assist offer " + request_id + " --line boats:1");
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_NE(late.err.find("takes no more offers"), std::string::npos) << late.err;
}

TEST_F(AssistCommandTest, BadUsageExits2) {
  Outcome bad = Kenes(
      "--as kz-analyst assist request --name x --hazard flood "
      "--location location--3f9d7a8e-5b1c-4e2a-9d6f-7c8b9a0e1f23 --need pump-twenty");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("ITEM:QUANTITY:UNIT"), std::string::npos) << bad.err;
  EXPECT_EQ(Kenes("--as nobody assist list").exit_code, 2);
  Outcome operator_request = Kenes(
      "assist request --name x --hazard flood --location location--3f9d7a8e-5b1c-4e2a-9d6f-7c8b9a0e1f23 "
      "--need pump:1:unit");
  EXPECT_EQ(operator_request.exit_code, 1);
  EXPECT_NE(operator_request.err.find("no organisation"), std::string::npos) << operator_request.err;
}

}  // namespace
}  // namespace kenes::cli
