#include "rest/event_hub.h"

#include <fmt/format.h>

#include <utility>

#include "rest/notice_event.h"

namespace kenes::rest {
namespace {

// An SSE comment: EventSource ignores it, proxies see traffic.
constexpr std::string_view kHeartbeat = ": heartbeat\n\n";

}  // namespace

EventHub::EventHub(notify::NoticeFeed& feed, store::Store& store, share::Community& community,
                   const EventOptions& options)
    : store_(store), options_(options), viewers_(community) {
  worker_ = std::thread([this] { Work(); });
  subscription_ = feed.Subscribe([this](const notify::StoredNotice& notice) {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueuedNotices) {
      queue_.clear();
      overflowed_ = true;
    } else {
      queue_.push_back(notice);
    }
    queued_.notify_one();
  });
}

EventHub::~EventHub() {
  subscription_.reset();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queued_.notify_one();
  }
  worker_.join();
  EndAll();
}

Result<std::shared_ptr<EventHub::Stream>> EventHub::Open(const share::Principal& principal) {
  auto body = std::make_shared<http::BodyStream>(http::BodyStream::Options{
      .max_buffered_bytes = options_.max_buffered_bytes, .heartbeat = std::string(kHeartbeat)});
  std::shared_ptr<Stream> stream;
  {
    std::lock_guard lock(mutex_);
    if (streams_.size() >= options_.max_streams) {
      return Status::ResourceExhausted(
          fmt::format("the node has {} event streams open, its most; try again later", streams_.size()));
    }
    size_t& user_streams = streams_per_user_[principal.user];
    if (user_streams >= options_.max_streams_per_user) {
      return Status::ResourceExhausted(fmt::format(
          "user '{}' has {} event streams open, the most allowed; close one first", principal.user, user_streams));
    }
    ++user_streams;
    stream.reset(new Stream(next_key_++, principal, body));
    streams_.emplace(stream->key_, stream);
  }
  body->OnEnd([this, key = stream->key_](http::BodyStream::End) { Remove(key); });
  return stream;
}

void EventHub::Live(Stream& stream, int64_t last_sent) {
  std::lock_guard lock(stream.mutex_);
  for (const auto& [id, event] : stream.held_) {
    if (id > last_sent && !stream.body_->Write(event)) break;
  }
  stream.held_.clear();
  stream.held_bytes_ = 0;
  stream.catching_up_ = false;
}

void EventHub::Remove(uint64_t key) {
  std::lock_guard lock(mutex_);
  auto found = streams_.find(key);
  if (found == streams_.end()) return;
  auto user = streams_per_user_.find(found->second->principal_.user);
  if (--user->second == 0) streams_per_user_.erase(user);
  streams_.erase(found);
}

void EventHub::Work() {
  while (true) {
    notify::StoredNotice notice;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [this] { return stopping_ || overflowed_ || !queue_.empty(); });
      if (stopping_) return;
      if (overflowed_) {
        overflowed_ = false;
        lock.unlock();
        EndAll();
        continue;
      }
      notice = std::move(queue_.front());
      queue_.pop_front();
    }
    Tell(notice);
  }
}

void EventHub::Tell(const notify::StoredNotice& notice) {
  std::vector<std::shared_ptr<Stream>> concerned;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, stream] : streams_) {
      if (stream->principal_.role == share::Role::kAdmin || stream->principal_.organisation == notice.organisation) {
        concerned.push_back(stream);
      }
    }
  }
  if (concerned.empty()) return;
  const std::string event = FormatNoticeEvent(notice);
  // Whether each organisation (empty: administrators, who see everything) may read the notice's object.
  std::map<std::string, bool, std::less<>> may_tell;
  for (const std::shared_ptr<Stream>& stream : concerned) {
    const share::Principal& principal = stream->principal_;
    const std::string organisation = principal.role == share::Role::kAdmin ? "" : principal.organisation;
    auto [told, added] = may_tell.try_emplace(organisation, false);
    if (added) {
      Result<std::optional<store::Viewer>> viewer = viewers_.ViewerOf(principal);
      told->second = viewer.ok() && MayTell(store_, *viewer ? &**viewer : nullptr, notice);
    }
    if (!told->second) continue;
    std::lock_guard lock(stream->mutex_);
    if (!stream->catching_up_) {
      stream->body_->Write(event);  // false: the stream ended, and its end removes it
      continue;
    }
    stream->held_bytes_ += event.size();
    if (stream->held_bytes_ > options_.max_buffered_bytes) {
      stream->body_->Close();  // too much arrived while it caught up: it resumes from the inbox
    } else {
      stream->held_.emplace_back(notice.id, event);
    }
  }
}

void EventHub::EndAll() {
  std::vector<std::shared_ptr<Stream>> open;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, stream] : streams_) open.push_back(stream);
  }
  for (const std::shared_ptr<Stream>& stream : open) stream->body_->Close();
}

}  // namespace kenes::rest
