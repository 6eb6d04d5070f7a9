#include "support/stream_reader.h"

#include <fmt/format.h>
#include <strings.h>

#include <cstdlib>

namespace kenes::test {

StreamReader::StreamReader(uint16_t port, std::string_view target, const http::Fields& headers) {
  connection_.emplace(port);
  std::string request = fmt::format("GET {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", target, port);
  for (const auto& [name, value] : headers) request += fmt::format("{}: {}\r\n", name, value);
  request += "\r\n";
  connection_->Write(request);
}

int StreamReader::ReadHead(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (status_ == 0 && Pump(deadline)) {
  }
  return status_;
}

std::string_view StreamReader::Header(std::string_view name) const {
  std::string_view head = head_;
  for (size_t line = head.find("\r\n"); line != std::string_view::npos; line = head.find("\r\n", line + 2)) {
    std::string_view field = head.substr(line + 2, head.find("\r\n", line + 2) - line - 2);
    size_t colon = field.find(':');
    if (colon == name.size() && ::strncasecmp(field.data(), name.data(), name.size()) == 0) {
      std::string_view value = field.substr(colon + 1);
      while (value.starts_with(' ')) value.remove_prefix(1);
      return value;
    }
  }
  return {};
}

bool StreamReader::WaitFor(std::string_view text, std::chrono::milliseconds timeout, size_t times) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto count = [&] {
    size_t found = 0;
    for (size_t at = body_.find(text); at != std::string::npos; at = body_.find(text, at + text.size())) ++found;
    return found;
  };
  while (count() < times) {
    if (!Pump(deadline)) return count() >= times;
  }
  return true;
}

bool StreamReader::WaitEnded(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Pump(deadline)) {
  }
  return finished_ || closed() || !connection_;
}

bool StreamReader::Pump(std::chrono::steady_clock::time_point deadline) {
  if (finished_ || !connection_ || !connection_->ReadMore(raw_, deadline)) return false;
  Decode();
  return !finished_;
}

void StreamReader::Decode() {
  if (status_ == 0) {
    size_t head_end = raw_.find("\r\n\r\n");
    if (head_end == std::string::npos) return;
    head_ = raw_.substr(0, head_end);
    raw_.erase(0, head_end + 4);
    status_ = RawStatus(head_);
    chunked_ = Header("Transfer-Encoding") == "chunked";
  }
  if (!chunked_) {
    body_ += raw_;
    raw_.clear();
    return;
  }
  while (!finished_) {
    size_t line_end = raw_.find("\r\n");
    if (line_end == std::string::npos) return;
    size_t size = std::strtoul(raw_.substr(0, line_end).c_str(), nullptr, 16);
    if (raw_.size() < line_end + 2 + size + 2) return;
    body_.append(raw_, line_end + 2, size);
    raw_.erase(0, line_end + 2 + size + 2);
    finished_ = size == 0;
  }
}

}  // namespace kenes::test
