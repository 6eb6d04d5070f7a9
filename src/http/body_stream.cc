#include "http/body_stream.h"

#include <utility>

namespace kenes::http {

BodyStream::BodyStream(Options options) : options_(std::move(options)) {}

std::function<void(BodyStream::End)> BodyStream::EndLocked(End reason) {
  end_ = reason;
  if (reason != End::kFinished) buffered_.clear();
  if (wake_) wake_();
  return std::exchange(on_end_, nullptr);
}

bool BodyStream::Write(std::string_view chunk) {
  std::function<void(End)> listener;
  {
    std::lock_guard lock(mutex_);
    if (end_ != End::kOpen) return false;
    if (buffered_.size() + chunk.size() <= options_.max_buffered_bytes) {
      const bool was_empty = buffered_.empty();
      buffered_.append(chunk);
      // A non-empty buffer has woken the server already; it takes everything at once.
      if (was_empty && wake_) wake_();
      return true;
    }
    listener = EndLocked(End::kTooSlow);
  }
  if (listener) listener(End::kTooSlow);
  return false;
}

void BodyStream::Close() {
  std::function<void(End)> listener;
  {
    std::lock_guard lock(mutex_);
    if (end_ != End::kOpen) return;
    listener = EndLocked(End::kFinished);
  }
  if (listener) listener(End::kFinished);
}

bool BodyStream::closed() const { return end() != End::kOpen; }

BodyStream::End BodyStream::end() const {
  std::lock_guard lock(mutex_);
  return end_;
}

void BodyStream::OnEnd(std::function<void(End reason)> listener) {
  End ended;
  {
    std::lock_guard lock(mutex_);
    ended = end_;
    if (ended == End::kOpen) {
      on_end_ = std::move(listener);
      return;
    }
  }
  listener(ended);
}

void BodyStream::Attach(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
  if (!buffered_.empty() || end_ != End::kOpen) wake_();
}

BodyStream::End BodyStream::Take(std::string& out) {
  std::lock_guard lock(mutex_);
  out.append(buffered_);
  buffered_.clear();
  return end_;
}

void BodyStream::Finish(End reason) {
  std::function<void(End)> listener;
  {
    std::lock_guard lock(mutex_);
    wake_ = nullptr;
    if (end_ == End::kOpen) listener = EndLocked(reason);
  }
  if (listener) listener(reason);
}

}  // namespace kenes::http
