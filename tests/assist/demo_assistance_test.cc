// The demo's flood assistance (src/demo/assistance_scenario.h), imported
// into a node as `make run` does and read back through the desk: a request
// by Kazakhstan with offers from at least three other organisations in
// different states, and needs partly met, so the gaps show.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "assist_fixture.h"
#include "demo/demo_generator.h"
#include "ingest/importer.h"

namespace kenes::assist {
namespace {

using DemoAssistanceTest = AssistFixture;

TEST_F(DemoAssistanceTest, TheFloodRequestHasPartlyMetNeeds) {
  demo::DemoGenerator generator({.seed = 1});
  std::string ndjson;
  std::string line;
  while (generator.Next(line)) ndjson += line + "\n";
  ingest::Importer importer(
      store_.get(), {}, [](const ingest::ImportMessage& message) { EXPECT_FALSE(message.is_error) << message.text; });
  ASSERT_TRUE(importer.ImportBuffer(ndjson, "demo").ok());
  ASSERT_TRUE(importer.Finish().ok());

  Result<std::vector<AssistanceRequest>> requests = desk_->ListRequests(operator_, {"open", "flood", "KZ"});
  ASSERT_TRUE(requests.ok()) << requests.status().ToString();
  ASSERT_EQ(requests->size(), 1u);
  EXPECT_FALSE(requests->front().incident_ref.empty());
  Result<RequestView> view = desk_->ReadRequest(operator_, requests->front().id);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_GE(view->request.needs.size(), 4u);
  EXPECT_LE(view->request.needs.size(), 6u);

  std::set<std::string> offerers;
  std::set<std::string> statuses;
  for (const AssistanceOffer& offer : view->offers) {
    offerers.insert(offer.offerer);
    statuses.insert(offer.status);
  }
  EXPECT_GE(offerers.size(), 3u);
  EXPECT_EQ(statuses, (std::set<std::string>{"accepted", "declined", "pledged"}));
  bool partly_met = false;
  bool partly_delivered = false;
  bool open = false;
  for (const LedgerLine& ledger : view->ledger) {
    partly_met |= ledger.accepted > 0 && ledger.gap > 0;
    partly_delivered |= ledger.delivered > 0 && ledger.delivered < ledger.accepted;
    open |= ledger.accepted == 0 && ledger.gap == ledger.needed;
  }
  EXPECT_TRUE(partly_met);
  EXPECT_TRUE(partly_delivered);
  EXPECT_TRUE(open);
}

}  // namespace
}  // namespace kenes::assist
