// Generator<T>: a C++20 coroutine that yields values one at a time, pulled by
// its consumer. The matcher enumerates the bindings of observation expressions
// with it, lazily and in the order the OASIS reference matcher does (whose
// Python generators it mirrors), so that the first binding found is the
// reference's and a match stops the search early.
//
// A yielded value lives until the consumer resumes the coroutine: copy what
// you keep. Not thread-safe; a generator belongs to one thread at a time.
#pragma once

#include <coroutine>
#include <exception>
#include <utility>

namespace kenes::pattern {

template <typename T>
class Generator {
 public:
  struct promise_type {
    const T* current = nullptr;

    Generator get_return_object() { return Generator(Handle::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    // The yielded temporary lives until the coroutine resumes, which is as long as value() may be read.
    std::suspend_always yield_value(const T& value) noexcept {
      current = &value;
      return {};
    }
    void return_void() noexcept {}
    // The matcher's coroutines throw nothing of their own; only allocation can fail.
    void unhandled_exception() { std::terminate(); }
  };

  Generator(Generator&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Generator& operator=(Generator&& other) noexcept {
    if (this != &other) {
      if (handle_) handle_.destroy();
      handle_ = std::exchange(other.handle_, {});
    }
    return *this;
  }
  Generator(const Generator&) = delete;
  Generator& operator=(const Generator&) = delete;
  ~Generator() {
    if (handle_) handle_.destroy();
  }

  // Runs to the next value; false when the coroutine has finished.
  bool Next() {
    if (!handle_ || handle_.done()) return false;
    handle_.resume();
    return !handle_.done();
  }

  // REQUIRES: the last Next() returned true.
  const T& value() const { return *handle_.promise().current; }

 private:
  using Handle = std::coroutine_handle<promise_type>;
  explicit Generator(Handle handle) : handle_(handle) {}
  Handle handle_;
};

}  // namespace kenes::pattern
