#include "observable/bech32.h"

#include "observable/ascii_text.h"

namespace kenes::observable {
namespace {

constexpr std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr uint32_t kBech32Constant = 1;
constexpr uint32_t kBech32mConstant = 0x2bc830a3;

uint32_t PolymodStep(uint32_t checksum, uint8_t value) {
  static constexpr uint32_t kGenerator[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  uint32_t top = checksum >> 25;
  checksum = ((checksum & 0x1ffffff) << 5) ^ value;
  for (int i = 0; i < 5; ++i) {
    if ((top >> i) & 1) checksum ^= kGenerator[i];
  }
  return checksum;
}

uint32_t Polymod(std::string_view human_readable_part, const std::vector<uint8_t>& data) {
  uint32_t checksum = 1;
  for (char c : human_readable_part) checksum = PolymodStep(checksum, static_cast<uint8_t>(c) >> 5);
  checksum = PolymodStep(checksum, 0);
  for (char c : human_readable_part) checksum = PolymodStep(checksum, static_cast<uint8_t>(c) & 31);
  for (uint8_t value : data) checksum = PolymodStep(checksum, value);
  return checksum;
}

// Regroups 5-bit values into bytes; nullopt when the padding is not zero
// bits or longer than four.
std::optional<std::vector<uint8_t>> FiveBitToBytes(const std::vector<uint8_t>& values) {
  std::vector<uint8_t> out;
  uint32_t accumulator = 0;
  int bits = 0;
  for (uint8_t value : values) {
    accumulator = (accumulator << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>((accumulator >> bits) & 0xff));
    }
  }
  if (bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0) return std::nullopt;
  return out;
}

}  // namespace

std::optional<SegwitAddress> DecodeSegwitAddress(std::string_view text) {
  bool has_lower = false;
  bool has_upper = false;
  for (char c : text) {
    has_lower |= IsAsciiLower(c);
    has_upper |= IsAsciiUpper(c);
    if (c < 33 || c > 126) return std::nullopt;
  }
  if ((has_lower && has_upper) || text.size() > 90) return std::nullopt;
  std::string lower = AsciiLower(text);
  size_t separator = lower.rfind('1');
  if (separator == std::string::npos || separator == 0 || separator + 7 > lower.size()) return std::nullopt;
  std::vector<uint8_t> data;
  for (char c : std::string_view(lower).substr(separator + 1)) {
    size_t value = kCharset.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    data.push_back(static_cast<uint8_t>(value));
  }
  SegwitAddress address;
  address.human_readable_part = lower.substr(0, separator);
  uint32_t constant = Polymod(address.human_readable_part, data);
  address.witness_version = data[0];
  if (address.witness_version > 16) return std::nullopt;
  uint32_t expected = address.witness_version == 0 ? kBech32Constant : kBech32mConstant;
  if (constant != expected) return std::nullopt;
  std::vector<uint8_t> values(data.begin() + 1, data.end() - 6);
  std::optional<std::vector<uint8_t>> program = FiveBitToBytes(values);
  if (!program || program->size() < 2 || program->size() > 40) return std::nullopt;
  if (address.witness_version == 0 && program->size() != 20 && program->size() != 32) return std::nullopt;
  address.program = std::move(*program);
  return address;
}

}  // namespace kenes::observable
