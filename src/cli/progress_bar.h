// ProgressBar: a one-line progress display on a terminal for long imports.
// Draws nothing unless stderr is a terminal, so scripts and logs stay clean.
// Not thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace kenes::cli {

class ProgressBar {
 public:
  // `total_bytes` 0 means unknown (a pipe): then only counts are shown.
  ProgressBar(std::string label, size_t total_bytes);
  ~ProgressBar();  // clears the line

  // Redraws at most ten times a second.
  void Update(size_t bytes_done, size_t objects_done);

 private:
  std::string label_;
  size_t total_bytes_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace kenes::cli
