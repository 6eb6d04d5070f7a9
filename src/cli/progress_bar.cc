#include "cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace kenes::cli {

ProgressBar::ProgressBar(std::string label, size_t total_bytes)
    : label_(std::move(label)), total_bytes_(total_bytes), enabled_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::Update(size_t bytes_done, size_t objects_done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  if (total_bytes_ == 0) {
    std::fprintf(stderr, "\r\033[K%s: %zu objects, %.1f MB", label_.c_str(), objects_done, bytes_done / 1e6);
    return;
  }
  constexpr int kWidth = 30;
  double fraction = bytes_done >= total_bytes_ ? 1.0 : static_cast<double>(bytes_done) / total_bytes_;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "\r\033[K%s [%s] %3.0f%% %zu objects", label_.c_str(), bar.c_str(), fraction * 100,
               objects_done);
}

}  // namespace kenes::cli
