#include "base/json_text.h"

#include <gtest/gtest.h>

namespace kenes {
namespace {

TEST(JsonText, EscapesWhatJsonRequires) {
  EXPECT_EQ(JsonString("plain"), "\"plain\"");
  EXPECT_EQ(JsonString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonString("line\nnext\ttab"), "\"line\\nnext\\ttab\"");
  EXPECT_EQ(JsonString(std::string_view("\x01", 1)), "\"\\u0001\"");
  EXPECT_EQ(JsonString("Қазақстан"), "\"Қазақстан\"");  // UTF-8 passes through
}

}  // namespace
}  // namespace kenes
