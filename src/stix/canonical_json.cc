#include "stix/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json_text.h"

namespace kenes::stix {
namespace {

// JCS orders member names by UTF-16 code units, which differs from UTF-8 byte
// order for characters above U+FFFF (surrogates sort below U+E000..U+FFFF).
// simdjson has already rejected invalid UTF-8, so decoding needs no checks.
std::u16string Utf16(std::string_view utf8) {
  std::u16string out;
  out.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    unsigned char lead = static_cast<unsigned char>(utf8[i]);
    uint32_t code_point;
    size_t length;
    if (lead < 0x80) {
      code_point = lead;
      length = 1;
    } else if (lead < 0xE0) {
      code_point = lead & 0x1F;
      length = 2;
    } else if (lead < 0xF0) {
      code_point = lead & 0x0F;
      length = 3;
    } else {
      code_point = lead & 0x07;
      length = 4;
    }
    for (size_t j = 1; j < length && i + j < utf8.size(); ++j) {
      code_point = (code_point << 6) | (static_cast<unsigned char>(utf8[i + j]) & 0x3F);
    }
    i += length;
    if (code_point >= 0x10000) {
      code_point -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (code_point >> 10));
      out += static_cast<char16_t>(0xDC00 + (code_point & 0x3FF));
    } else {
      out += static_cast<char16_t>(code_point);
    }
  }
  return out;
}

struct Member {
  std::u16string sort_key;
  std::string_view name;
  simdjson::dom::element value;
};

Status AppendObject(simdjson::dom::object object, std::string& out) {
  std::vector<Member> members;
  for (auto field : object) {
    members.push_back({Utf16(field.key), field.key, field.value});
  }
  std::sort(members.begin(), members.end(),
            [](const Member& a, const Member& b) { return a.sort_key < b.sort_key; });
  out += '{';
  for (size_t i = 0; i < members.size(); ++i) {
    if (i > 0) {
      if (members[i].name == members[i - 1].name) {
        return Status::InvalidArgument("duplicate object member \"" + std::string(members[i].name) + "\"");
      }
      out += ',';
    }
    AppendJsonString(out, members[i].name);
    out += ':';
    KENES_RETURN_IF_ERROR(AppendCanonicalJson(members[i].value, out));
  }
  out += '}';
  return Status::Ok();
}

}  // namespace

std::string CanonicalNumber(double value) {
  if (value == 0) return "0";  // also -0
  if (value < 0) return "-" + CanonicalNumber(-value);

  // The shortest round-trip digits, e.g. "1.2345e+02"; ECMAScript's layout
  // rules are then applied to the digit string and decimal exponent.
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view text(buffer, end - buffer);
  size_t e_position = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e_position)) {
    if (c != '.') digits += c;
  }
  int exponent = std::atoi(std::string(text.substr(e_position + 1)).c_str());
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;  // position of the decimal point relative to the digits

  if (k <= n && n <= 21) return digits + std::string(n - k, '0');
  if (0 < n && n <= 21) return digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0) return "0." + std::string(-n, '0') + digits;
  std::string out(1, digits[0]);
  if (k > 1) out += "." + digits.substr(1);
  out += n - 1 >= 0 ? "e+" : "e-";
  out += std::to_string(std::abs(n - 1));
  return out;
}

Status AppendCanonicalJson(simdjson::dom::element value, std::string& out) {
  switch (value.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object object = value.get_object().value_unsafe();
      return AppendObject(object, out);
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array array = value.get_array().value_unsafe();
      out += '[';
      bool first = true;
      for (simdjson::dom::element item : array) {
        if (!first) out += ',';
        first = false;
        KENES_RETURN_IF_ERROR(AppendCanonicalJson(item, out));
      }
      out += ']';
      return Status::Ok();
    }
    case simdjson::dom::element_type::STRING:
      // AppendJsonString escapes exactly what JCS escapes: quote, backslash,
      // the five short control escapes and other controls as lower-case \u00xx.
      AppendJsonString(out, value.get_string().value_unsafe());
      return Status::Ok();
    // JCS treats every number as an IEEE 754 double, integers included.
    case simdjson::dom::element_type::INT64:
      out += CanonicalNumber(static_cast<double>(value.get_int64().value_unsafe()));
      return Status::Ok();
    case simdjson::dom::element_type::UINT64:
      out += CanonicalNumber(static_cast<double>(value.get_uint64().value_unsafe()));
      return Status::Ok();
    case simdjson::dom::element_type::DOUBLE:
      out += CanonicalNumber(value.get_double().value_unsafe());
      return Status::Ok();
    case simdjson::dom::element_type::BOOL:
      out += value.get_bool().value_unsafe() ? "true" : "false";
      return Status::Ok();
    case simdjson::dom::element_type::NULL_VALUE:
      out += "null";
      return Status::Ok();
  }
  return Status::Internal("unknown JSON element type");
}

Result<std::string> CanonicalJson(simdjson::dom::element value) {
  std::string out;
  KENES_RETURN_IF_ERROR(AppendCanonicalJson(value, out));
  return out;
}

}  // namespace kenes::stix
