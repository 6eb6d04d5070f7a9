#include "base/status.h"

#include <gtest/gtest.h>

namespace kenes {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return Status::InvalidArgument("odd value " + std::to_string(value));
  return value / 2;
}

Result<int> Quarter(int value) {
  KENES_ASSIGN_OR_RETURN(int half, Half(value));
  return Half(half);
}

Status CheckEven(int value) {
  KENES_RETURN_IF_ERROR(Half(value).status());
  return Status::Ok();
}

TEST(Status, OkAndErrorsDescribeThemselves) {
  EXPECT_TRUE(Status().ok());
  EXPECT_EQ(Status::Ok().ToString(), "OK");
  Status missing = Status::NotFound("no object x--1");
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.ToString(), "not found: no object x--1");
}

TEST(Result, CarriesValueOrError) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> odd = Quarter(6);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.status().message(), "odd value 3");
  EXPECT_TRUE(CheckEven(4).ok());
  EXPECT_EQ(CheckEven(5).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kenes
