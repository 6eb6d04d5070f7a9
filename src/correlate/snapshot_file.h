// SnapshotFile: the bytes of an in-memory index written to a file and read
// back, so that a node restarts from its correlation index as it stopped
// instead of re-reading every object from the store (correlation_index.h).
// Values are written in this machine's byte order: a snapshot is read back
// by the node that wrote it, never exchanged.
//
// Not thread-safe: one writer or reader per file, used under the index's lock.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

namespace kenes::correlate {

class SnapshotWriter {
 public:
  explicit SnapshotWriter(std::ofstream& out) : out_(out) {}

  template <typename T>
  void Value(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.write(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename T>
  void Values(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    Value<uint64_t>(values.size());
    out_.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(T)));
  }
  void Text(const std::string& text) {
    Value<uint64_t>(text.size());
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  std::ofstream& out_;
};

// Every read leaves the value empty once the file has ended or failed;
// ok() says whether all were read.
class SnapshotReader {
 public:
  explicit SnapshotReader(std::ifstream& in) : in_(in) {}

  bool ok() const { return static_cast<bool>(in_); }

  template <typename T>
  void Value(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    in_.read(reinterpret_cast<char*>(&value), sizeof value);
  }
  template <typename T>
  void Values(std::vector<T>& values) {
    uint64_t size = 0;
    Value(size);
    values.clear();
    if (!ok() || size > kMaxBytes / sizeof(T)) return in_.setstate(std::ios::failbit);
    values.resize(size);
    in_.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(size * sizeof(T)));
  }
  void Text(std::string& text) {
    uint64_t size = 0;
    Value(size);
    text.clear();
    if (!ok() || size > kMaxBytes) return in_.setstate(std::ios::failbit);
    text.resize(size);
    in_.read(text.data(), static_cast<std::streamsize>(size));
  }

 private:
  static constexpr uint64_t kMaxBytes = uint64_t{1} << 40;  // a corrupt length is refused before it is allocated
  std::ifstream& in_;
};

}  // namespace kenes::correlate
