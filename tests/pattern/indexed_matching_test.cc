// The cross-check of the indicator index against the matcher: on random patterns and random
// observations (seeded), evaluating only the index's candidates finds exactly the patterns that
// evaluating every pattern finds, and every observation a match uses lists the pattern among its
// candidates.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "pattern/indicator_index.h"
#include "pattern/matcher.h"
#include "pattern/pattern.h"

namespace kenes::pattern {
namespace {

// Few types, properties and values, so that comparisons often hold and often nearly hold.
class Generator {
 public:
  explicit Generator(uint32_t seed) : random_(seed) {}

  std::string PatternText() { return ObservationExpression(2); }

  // A JSON array of 1-3 observed-data objects, in the 2.1 form (object_refs and the observables
  // beside them) or the 2.0 form (embedded objects), each with 1-3 observables.
  std::string ObservationsJson() {
    std::string json = "[";
    const int count = Pick(1, 3);
    for (int i = 0; i < count; ++i) {
      if (i > 0) json += ", ";
      json += ObservedData(i);
    }
    return json + "]";
  }

 private:
  int Pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool Chance(int percent) { return Pick(1, 100) <= percent; }
  template <typename T>
  const T& OneOf(const std::vector<T>& items) { return items[static_cast<size_t>(Pick(0, static_cast<int>(items.size()) - 1))]; }

  std::string ObservationExpression(int depth) {
    if (depth == 0 || Chance(50)) {
      std::string text = "[" + ComparisonExpression(2) + "]";
      if (Chance(15)) text += " WITHIN " + std::to_string(Pick(1, 3) * 30) + " SECONDS";
      if (Chance(5)) text += " REPEATS 2 TIMES";
      return text;
    }
    static const std::vector<std::string> kOperators = {" AND ", " OR ", " FOLLOWEDBY "};
    std::string text = "(" + ObservationExpression(depth - 1) + OneOf(kOperators) + ObservationExpression(depth - 1) + ")";
    if (Chance(20)) text += " WITHIN " + std::to_string(Pick(1, 3) * 30) + " SECONDS";
    return text;
  }

  std::string ComparisonExpression(int depth) {
    if (depth == 0 || Chance(55)) return Comparison();
    return "(" + ComparisonExpression(depth - 1) + (Chance(50) ? " AND " : " OR ") + ComparisonExpression(depth - 1) + ")";
  }

  std::string StringLiteral() { return "'" + OneOf(kPatternStrings) + "'"; }
  std::string Literal() {
    switch (Pick(0, 5)) {
      case 0: return std::to_string(Pick(0, 3));
      case 1: return Chance(50) ? "2.0" : "2.5";
      case 2: return Chance(50) ? "true" : "false";
      case 3: return "h'7631'";  // the bytes of 'v1'
      default: return StringLiteral();
    }
  }

  std::string OrderableLiteral() {
    switch (Pick(0, 2)) {
      case 0: return std::to_string(Pick(0, 3));
      case 1: return "2.5";
      default: return StringLiteral();
    }
  }

  std::string Comparison() {
    static const std::vector<std::string> kPaths = {
        "x-a:name", "x-a:size", "x-a:flag", "x-a:tags[*]", "x-a:tags[0]", "x-a:tags[-1]", "x-a:inner.name",
        "x-a:inner.'odd key'", "x-a:item_ref.name", "x-a:item_refs[*].name", "x-a:item_refs.name", "x-a:blob_hex",
        "x-b:name", "x-b:size", "file:hashes.'SHA-256'", "file:name", "network-traffic:dst_ref.value",
        "network-traffic:dst_port"};
    if (Chance(8)) {
      return "ipv4-addr:value " + std::string(Chance(20) ? "NOT " : "") + "ISSUBSET '10.0." + std::to_string(Pick(0, 1)) +
             ".0/" + OneOf<std::string>({"24", "16", "25"}) + "'";
    }
    const std::string path = OneOf(kPaths);
    const std::string negation = Chance(12) ? "NOT " : "";
    switch (Pick(0, 11)) {
      case 0: return path + " " + negation + "!= " + Literal();
      case 1: return path + " " + negation + (Chance(50) ? "< " : ">= ") + OrderableLiteral();
      case 2: return path + " " + negation + "LIKE '" + OneOf<std::string>({"v%", "%1", "Kv%", "%v_"}) + "'";
      case 3: return path + " " + negation + "MATCHES '" + OneOf<std::string>({"^v[0-2]", "0\\\\.0\\\\.", "Kv1", "(v1|w1)$"}) + "'";
      case 4: return "EXISTS " + path;
      case 5:
      case 6: {
        std::string values = Literal();
        const bool numbers = values[0] >= '0' && values[0] <= '9';
        for (int i = Pick(0, 2); i > 0; --i) values += ", " + (numbers ? std::to_string(Pick(0, 3)) : StringLiteral());
        if (values[0] == 't' || values[0] == 'f' || values[0] == 'h') values = StringLiteral();
        return path + " " + negation + "IN (" + values + ")";
      }
      default: return path + " " + negation + "= " + Literal();
    }
  }

  std::string Value() {
    switch (Pick(0, 9)) {
      case 0: return std::to_string(Pick(0, 3));
      case 1: return Chance(50) ? "2.0" : "2.5";
      case 2: return Chance(50) ? "true" : "1";
      case 3: return "null";
      case 4: return "[\"" + OneOf(kStrings) + "\", \"" + OneOf(kStrings) + "\"]";
      case 5: return "{\"name\": \"" + OneOf(kStrings) + "\"}";
      default: return "\"" + OneOf(kStrings) + "\"";
    }
  }

  // An observable with an id unique in the set; `refs` are ids of observables it may point at.
  std::string Observable(const std::string& id, const std::vector<std::string>& refs) {
    static const std::vector<std::string> kTypes = {"x-a", "x-a", "x-b", "file", "network-traffic", "ipv4-addr"};
    const std::string type = OneOf(kTypes);
    std::string json = "{\"type\": \"" + type + "\", \"id\": \"" + id + "\"";
    const auto property = [&](const std::string& name, const std::string& value) {
      if (Chance(85)) json += ", \"" + name + "\": " + value;
    };
    const auto reference = [&]() { return refs.empty() ? std::string("\"nowhere\"") : "\"" + OneOf(refs) + "\""; };
    if (type == "ipv4-addr") {
      // Mostly addresses; sometimes a block, or what inet_aton reads oddly or not at all.
      const std::string address = "10.0." + std::to_string(Pick(0, 2)) + "." + std::to_string(Pick(0, 255));
      property("value", "\"" + OneOf<std::string>({address, address, address, "10.0.0.0/23", "10.1", "nowhere"}) + "\"");
    } else if (type == "file") {
      property("hashes", "{\"SHA-256\": " + Value() + "}");
      property("name", Value());
    } else if (type == "network-traffic") {
      property("dst_ref", reference());
      property("dst_port", Value());
    } else {
      property("name", Value());
      property("size", Value());
      property("flag", Value());
      property("tags", "[" + Value() + ", " + Value() + "]");
      property("inner", "{\"name\": " + Value() + ", \"odd key\": " + Value() + "}");
      property("item_ref", reference());
      property("item_refs", "[" + reference() + ", " + reference() + "]");
      property("blob_hex", Chance(50) ? "\"7631\"" : "\"7632\"");
    }
    return json + "}";
  }

  std::string ObservedData(int number) {
    const std::string time = "2020-01-01T00:0" + std::to_string(Pick(0, 3)) + ":00Z";
    const int count = Pick(1, 3);
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) ids.push_back("x--" + std::to_string(number) + "-" + std::to_string(i));
    const bool embedded = Chance(30);
    std::string observables;
    std::string refs;
    for (int i = 0; i < count; ++i) {
      // Embedded objects refer to each other by their keys; objects of the 2.1 form by id.
      const std::string key = embedded ? std::to_string(i) : ids[static_cast<size_t>(i)];
      std::vector<std::string> targets;
      for (int j = 0; j < count; ++j) targets.push_back(embedded ? std::to_string(j) : ids[static_cast<size_t>(j)]);
      const std::string object = Observable(key, targets);
      if (embedded) {
        observables += (i ? ", \"" : "\"") + key + "\": " + object;
      } else {
        observables += ", " + object;
        refs += (i ? ", \"" : "\"") + key + "\"";
      }
    }
    std::string head = "{\"type\": \"observed-data\", \"id\": \"observed-data--" + std::to_string(number) +
                       "\", \"first_observed\": \"" + time + "\", \"last_observed\": \"" + time + "\", \"number_observed\": 1";
    if (embedded) return head + ", \"objects\": {" + observables + "}}";
    return head + ", \"object_refs\": [" + refs + "]}" + observables;
  }

  // Observed strings (JSON text) include one with a final newline, which LIKE's end allows, and one
  // with a Kelvin sign, which NFC makes a K.
  inline static const std::vector<std::string> kStrings = {"v0", "v1", "v2", "w1", "10.0.0.1", "Kv1", "v1\\n", "\u212Av1"};
  inline static const std::vector<std::string> kPatternStrings = {"v0", "v1", "v2", "w1", "10.0.0.1", "Kv1", "\u212Av1"};
  std::mt19937 random_;
};

struct Indicator {
  IndicatorIndex::Handle handle;
  Matcher matcher;
};

bool Matches(const Matcher& matcher, const ObservationSet& set, std::vector<size_t>* observations) {
  Result<std::optional<Match>> match = matcher.Evaluate(set);
  if (!match.ok() || !match->has_value()) return false;
  *observations = (*match)->observations;
  return true;
}

void CrossCheck(uint32_t seed, int pattern_count, int set_count) {
  Generator generator(seed);
  std::vector<Indicator> indicators;
  IndicatorIndex index;
  for (int i = 0; i < pattern_count; ++i) {
    const std::string text = generator.PatternText();
    Result<Pattern> parsed = Parse(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
    Result<Matcher> matcher = Matcher::Create(*parsed);
    if (!matcher.ok()) continue;
    index.Add(static_cast<IndicatorIndex::Handle>(i), *parsed);
    indicators.push_back({static_cast<IndicatorIndex::Handle>(i), std::move(matcher).value()});
  }
  // Revoked indicators leave the index; the rest must still be found.
  std::set<IndicatorIndex::Handle> removed;
  for (size_t i = 0; i < indicators.size(); i += 10) {
    index.Remove(indicators[i].handle);
    removed.insert(indicators[i].handle);
  }
  ASSERT_GT(indicators.size(), static_cast<size_t>(pattern_count) * 9 / 10);

  size_t sightings = 0;
  size_t candidates_evaluated = 0;
  for (int s = 0; s < set_count; ++s) {
    const std::string json = generator.ObservationsJson();
    ObservationSet set;
    const Status added = set.AddJson(json);
    ASSERT_TRUE(added.ok()) << json << ": " << added.ToString();
    std::vector<std::vector<IndicatorIndex::Handle>> candidates(set.observed_data().size());
    std::vector<IndicatorIndex::Handle> all_candidates;
    for (size_t o = 0; o < candidates.size(); ++o) {
      index.Candidates(set, o, &candidates[o]);
      std::vector<IndicatorIndex::Handle> sorted = candidates[o];
      std::sort(sorted.begin(), sorted.end());
      ASSERT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "a candidate listed twice";
      all_candidates.insert(all_candidates.end(), sorted.begin(), sorted.end());
    }
    std::sort(all_candidates.begin(), all_candidates.end());
    all_candidates.erase(std::unique(all_candidates.begin(), all_candidates.end()), all_candidates.end());
    candidates_evaluated += all_candidates.size();

    for (const Indicator& indicator : indicators) {
      if (removed.count(indicator.handle) != 0) {
        ASSERT_FALSE(std::binary_search(all_candidates.begin(), all_candidates.end(), indicator.handle));
        continue;
      }
      std::vector<size_t> used;
      const bool matches = Matches(indicator.matcher, set, &used);
      const bool candidate = std::binary_search(all_candidates.begin(), all_candidates.end(), indicator.handle);
      if (!matches) continue;
      // Then evaluating the candidates only finds it too (and finds nothing more: it evaluates the same).
      ASSERT_TRUE(candidate) << ToPatternText(indicator.matcher.pattern()) << "\n" << json;
      ++sightings;
      for (size_t o : used) {
        const auto& listed = candidates[o];
        ASSERT_NE(std::find(listed.begin(), listed.end(), indicator.handle), listed.end())
            << "observation " << o << " takes part in a match but does not list the pattern: "
            << ToPatternText(indicator.matcher.pattern()) << "\n" << json;
      }
    }
  }
  // The check means something only if matches happen and the index leaves most patterns out.
  EXPECT_GT(sightings, static_cast<size_t>(set_count) / 4);
  EXPECT_LT(candidates_evaluated, static_cast<size_t>(set_count) * indicators.size() * 7 / 10);
  ::testing::Test::RecordProperty("sightings", static_cast<int>(sightings));
}

TEST(IndexedMatching, FindsWhatEvaluatingEveryPatternFinds) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    SCOPED_TRACE(seed);
    CrossCheck(seed, 500, 200);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace kenes::pattern
