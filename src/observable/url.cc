#include "observable/url.h"

#include <algorithm>
#include <charconv>

#include "observable/ascii_text.h"
#include "observable/domain_name.h"
#include "observable/ip_address.h"

namespace kenes::observable {
namespace {

constexpr char kUpperHex[] = "0123456789ABCDEF";

bool IsUnreserved(char c) { return IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

// Characters RFC 3986 allows to appear literally (unreserved, reserved and '%').
bool MayAppearLiterally(unsigned char c) {
  static constexpr std::string_view kExcluded = "\"<>\\^`{|}";
  return c > 0x20 && c < 0x7f && kExcluded.find(static_cast<char>(c)) == std::string_view::npos;
}

int HexValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  return ToAsciiLower(c) - 'a' + 10;
}

Result<std::string> NormalisePercentEncoding(std::string_view text, std::string_view whole) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '%') {
      if (i + 2 >= text.size() || !IsAsciiHexDigit(text[i + 1]) || !IsAsciiHexDigit(text[i + 2])) {
        return Status::InvalidArgument(QuoteForMessage(whole) + " has a '%' not followed by two hex digits");
      }
      char decoded = static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      if (IsUnreserved(decoded)) {
        out += decoded;
      } else {
        out += '%';
        out += ToAsciiUpper(text[i + 1]);
        out += ToAsciiUpper(text[i + 2]);
      }
      i += 2;
    } else if (MayAppearLiterally(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kUpperHex[c >> 4];
      out += kUpperHex[c & 0xf];
    }
  }
  return out;
}

// RFC 3986 section 5.2.4 for a path starting with '/', one segment at a
// time (the RFC's string-rewriting form is quadratic on long paths).
std::string RemoveDotSegments(std::string_view path) {
  std::string output;
  for (size_t start = 0; start < path.size();) {
    size_t end = std::min(path.find('/', start + 1), path.size());
    std::string_view segment = path.substr(start + 1, end - start - 1);
    bool last = end == path.size();
    if (segment == "..") {
      size_t cut = output.rfind('/');
      output.erase(cut == std::string::npos ? 0 : cut);
    }
    if (segment == "." || segment == "..") {
      if (last) output += '/';
    } else {
      output += '/';
      output += segment;
    }
    start = end;
  }
  return output;
}

std::string_view DefaultPort(std::string_view scheme) {
  static constexpr std::pair<std::string_view, std::string_view> kDefaults[] = {
      {"http", "80"}, {"https", "443"}, {"ws", "80"}, {"wss", "443"}, {"ftp", "21"}};
  for (const auto& [name, port] : kDefaults) {
    if (name == scheme) return port;
  }
  return {};
}

Result<std::string> NormaliseHost(std::string_view host, std::string_view whole) {
  if (host.empty()) return std::string();
  if (host.front() == '[') {
    if (host.back() != ']') return Status::InvalidArgument(QuoteForMessage(whole) + " has an unclosed '[' in its host");
    std::string_view literal = host.substr(1, host.size() - 2);
    if (literal.find('/') != std::string_view::npos) {
      return Status::InvalidArgument(QuoteForMessage(whole) + " has a CIDR block as its host");
    }
    KENES_ASSIGN_OR_RETURN(std::string address, NormaliseIpv6(literal));
    return "[" + address + "]";
  }
  bool dotted_numbers = host.find_first_not_of("0123456789.") == std::string_view::npos;
  if (dotted_numbers) return NormaliseIpv4(host);
  // A host is a name, not a path: escapes in it (rare, but legal) stand for
  // the UTF-8 bytes of the name IDNA then reads.
  std::string decoded;
  for (size_t i = 0; i < host.size(); ++i) {
    if (host[i] != '%') {
      decoded += host[i];
    } else if (i + 2 < host.size() && IsAsciiHexDigit(host[i + 1]) && IsAsciiHexDigit(host[i + 2])) {
      decoded += static_cast<char>(HexValue(host[i + 1]) * 16 + HexValue(host[i + 2]));
      i += 2;
    } else {
      return Status::InvalidArgument(QuoteForMessage(whole) + " has a '%' not followed by two hex digits");
    }
  }
  return NormaliseDomainName(decoded);
}

Result<std::string> NormalisePort(std::string_view port, std::string_view scheme, std::string_view whole) {
  while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
  if (port.empty() || port == DefaultPort(scheme)) return std::string();
  unsigned value = 0;
  auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (error != std::errc() || end != port.data() + port.size() || value > 65535) {
    return Status::InvalidArgument(QuoteForMessage(whole) + " has a port that is not a number from 0 to 65535");
  }
  return ":" + std::string(port);
}

// "user@host:port" (the text between "//" and the path) in canonical form.
Result<std::string> NormaliseAuthority(std::string_view authority, std::string_view scheme, std::string_view whole) {
  std::string out;
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    KENES_ASSIGN_OR_RETURN(std::string user, NormalisePercentEncoding(authority.substr(0, at), whole));
    out = user + "@";
    authority.remove_prefix(at + 1);
  }
  // A colon after the closing bracket of an IPv6 literal, or any colon
  // without one, starts the port.
  size_t host_end = authority.size();
  size_t search_from = authority.empty() || authority.front() != '[' ? 0 : authority.find(']');
  if (search_from == std::string_view::npos) search_from = authority.size();
  size_t colon = authority.find(':', search_from);
  if (colon != std::string_view::npos) host_end = colon;
  KENES_ASSIGN_OR_RETURN(std::string host, NormaliseHost(authority.substr(0, host_end), whole));
  out += host;
  if (colon != std::string_view::npos) {
    KENES_ASSIGN_OR_RETURN(std::string port, NormalisePort(authority.substr(colon + 1), scheme, whole));
    out += port;
  }
  return out;
}

}  // namespace

Result<std::string> NormaliseUrl(std::string_view text) {
  std::string_view url = TrimWhitespace(text);
  size_t colon = url.find(':');
  bool has_scheme = colon != std::string_view::npos && colon > 0 && (IsAsciiUpper(url[0]) || IsAsciiLower(url[0]));
  for (size_t i = 0; has_scheme && i < colon; ++i) {
    char c = url[i];
    has_scheme = IsAsciiAlnum(c) || c == '+' || c == '-' || c == '.';
  }
  if (!has_scheme) {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not a URL: it has no scheme (such as https://)");
  }
  std::string scheme = AsciiLower(url.substr(0, colon));
  std::string_view rest = url.substr(colon + 1);
  rest = rest.substr(0, rest.find('#'));
  std::string out = scheme + ":";
  bool has_authority = rest.substr(0, 2) == "//";
  if (has_authority) {
    rest.remove_prefix(2);
    size_t authority_end = rest.find_first_of("/?");
    if (authority_end == std::string_view::npos) authority_end = rest.size();
    KENES_ASSIGN_OR_RETURN(std::string authority, NormaliseAuthority(rest.substr(0, authority_end), scheme, text));
    out += "//" + authority;
    rest.remove_prefix(authority_end);
  }
  size_t query_start = rest.find('?');
  KENES_ASSIGN_OR_RETURN(std::string path, NormalisePercentEncoding(rest.substr(0, query_start), text));
  if (has_authority && path.empty()) path = "/";
  out += path.empty() || path.front() != '/' ? path : RemoveDotSegments(path);
  if (query_start != std::string_view::npos) {
    KENES_ASSIGN_OR_RETURN(std::string query, NormalisePercentEncoding(rest.substr(query_start), text));
    out += query;
  }
  return out;
}

}  // namespace kenes::observable
