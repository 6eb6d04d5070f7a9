// Status and Result<T>: how every Kenes module reports failure.
//
// Errors are values, never exceptions, across module boundaries. A Status is
// a code and a human-readable message; the codes are few and chosen so that
// the edges can map them onto HTTP statuses and CLI exit codes without
// guessing. Result<T> holds either a value or a non-OK Status.
//
// Both are plain values: copy them, return them, keep them; they are not
// shared between threads unless the caller synchronises.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kenes {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the caller's input is wrong (HTTP 400, CLI exit 1)
  kNotFound,            // no such object, file or resource (404)
  kAlreadyExists,       // a conflicting thing is already there (409)
  kFailedPrecondition,  // the thing is not in a state that allows this (a final task moved again) (409)
  kPermissionDenied,    // authenticated but not allowed (403)
  kUnauthenticated,     // no or bad credentials (401)
  kResourceExhausted,   // a limit was reached (413/429)
  kIoError,             // the disk or network failed (500/503)
  kCorruption,          // stored data is not what we wrote
  kInternal,            // a bug: an invariant did not hold
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) { return {StatusCode::kInvalidArgument, std::move(message)}; }
  static Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
  static Status AlreadyExists(std::string message) { return {StatusCode::kAlreadyExists, std::move(message)}; }
  static Status FailedPrecondition(std::string message) {
    return {StatusCode::kFailedPrecondition, std::move(message)};
  }
  static Status PermissionDenied(std::string message) { return {StatusCode::kPermissionDenied, std::move(message)}; }
  static Status Unauthenticated(std::string message) { return {StatusCode::kUnauthenticated, std::move(message)}; }
  static Status ResourceExhausted(std::string message) { return {StatusCode::kResourceExhausted, std::move(message)}; }
  static Status IoError(std::string message) { return {StatusCode::kIoError, std::move(message)}; }
  static Status Corruption(std::string message) { return {StatusCode::kCorruption, std::move(message)}; }
  static Status Internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "not found: no object indicator--..." ; "OK" when ok().
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value of type T, or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result without a value needs an error status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace kenes

#define KENES_CONCAT_INNER(a, b) a##b
#define KENES_CONCAT(a, b) KENES_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function if `expr` is not OK.
#define KENES_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::kenes::Status kenes_status_ = (expr);        \
    if (!kenes_status_.ok()) return kenes_status_; \
  } while (0)

// `KENES_ASSIGN_OR_RETURN(auto x, MakeX());` binds the value or returns the error.
#define KENES_ASSIGN_OR_RETURN(lhs, expr) KENES_ASSIGN_OR_RETURN_IMPL(KENES_CONCAT(kenes_result_, __LINE__), lhs, expr)
#define KENES_ASSIGN_OR_RETURN_IMPL(result, lhs, expr) \
  auto result = (expr);                                \
  if (!result.ok()) return result.status();            \
  lhs = std::move(result).value()
