#include "base/timestamp.h"

#include <gtest/gtest.h>

namespace kenes {
namespace {

TEST(Timestamp, ParsesStixForms) {
  auto plain = ParseTimestamp("2016-01-20T12:31:12Z");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->seconds, 1453293072);
  EXPECT_EQ(plain->fraction_digits, 0);
  auto millis = ParseTimestamp("2016-01-20T12:31:12.123Z");
  ASSERT_TRUE(millis);
  EXPECT_EQ(millis->nanoseconds, 123000000);
  EXPECT_EQ(millis->fraction_digits, 3);
  auto nanos = ParseTimestamp("1970-01-01T00:00:00.000000001Z");
  ASSERT_TRUE(nanos);
  EXPECT_EQ(nanos->TotalNanoseconds(), 1);
}

TEST(Timestamp, ComparesByInstantNotText) {
  EXPECT_EQ(*ParseTimestamp("2020-02-29T00:00:00Z"), *ParseTimestamp("2020-02-29T00:00:00.000Z"));
  EXPECT_LT(*ParseTimestamp("2020-02-29T00:00:00.999Z"), *ParseTimestamp("2020-02-29T00:00:01Z"));
}

TEST(Timestamp, RejectsWhatStixForbids) {
  for (const char* bad : {"", "2016-01-20", "2016-01-20T12:31:12", "2016-01-20T12:31:12+00:00",
                          "2016-01-20t12:31:12z", "2016-13-01T00:00:00Z", "2019-02-29T00:00:00Z",
                          "2016-01-20T24:00:00Z", "2016-01-20T12:31:12.Z", "2016-01-20T12:31:12.5ZZ",
                          " 2016-01-20T12:31:12Z"}) {
    EXPECT_FALSE(ParseTimestamp(bad)) << bad;
  }
}

TEST(Timestamp, FormatsRoundTrip) {
  for (const char* text : {"2016-01-20T12:31:12Z", "1999-12-31T23:59:59.123Z", "2026-11-29T04:36:38.123456Z",
                           "1900-03-01T00:00:00Z"}) {
    auto parsed = ParseTimestamp(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(FormatTimestamp(*parsed, parsed->fraction_digits), text);
  }
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("2016-01-20T12:31:12Z"), 3), "2016-01-20T12:31:12.000Z");
}

TEST(Timestamp, RoundTripsThroughMicroseconds) {
  Timestamp parsed = *ParseTimestamp("2026-03-01T08:00:00.123456789Z");
  EXPECT_EQ(parsed.TotalMicroseconds(), 1772352000123456);
  Timestamp back = TimestampFromMicroseconds(parsed.TotalMicroseconds());
  EXPECT_EQ(FormatTimestamp(back, back.fraction_digits), "2026-03-01T08:00:00.123456Z");
}

TEST(Timestamp, NowIsRecentAndParseable) {
  Timestamp now = Now();
  EXPECT_GT(now.seconds, 1704067200);  // after 2024-01-01
  EXPECT_TRUE(ParseTimestamp(FormatTimestamp(now, 6)));
}

}  // namespace
}  // namespace kenes
