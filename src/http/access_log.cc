#include "http/access_log.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "base/json_text.h"
#include "base/timestamp.h"

namespace kenes::http {
namespace {

bool LooksLikeCredential(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  constexpr std::array<std::string_view, 5> kWords = {"key", "token", "password", "secret", "auth"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

}  // namespace

LogSink StderrSink() {
  return [](std::string_view line) {
    std::string text(line);
    text.push_back('\n');
    std::fwrite(text.data(), 1, text.size(), stderr);
  };
}

std::string RedactTarget(std::string_view target) {
  size_t question = target.find('?');
  if (question == std::string_view::npos) return std::string(target);
  std::string out(target.substr(0, question + 1));
  std::string_view query = target.substr(question + 1);
  bool first = true;
  while (true) {
    size_t end = std::min(query.find('&'), query.size());
    std::string_view pair = query.substr(0, end);
    if (!first) out.push_back('&');
    first = false;
    size_t equals = pair.find('=');
    if (equals != std::string_view::npos && LooksLikeCredential(pair.substr(0, equals))) {
      out.append(pair.substr(0, equals + 1)).append("REDACTED");
    } else {
      out.append(pair);
    }
    if (end == query.size()) break;
    query.remove_prefix(end + 1);
  }
  return out;
}

std::string FormatAccessLine(const AccessRecord& record) {
  std::string line = R"({"time":")" + FormatTimestamp(Now(), 3) + R"(","remote":)";
  AppendJsonString(line, record.remote);
  line += R"(,"user":)";
  AppendJsonString(line, record.user.empty() ? std::string_view("-") : record.user);
  line += R"(,"method":)";
  AppendJsonString(line, record.method);
  line += R"(,"target":)";
  AppendJsonString(line, RedactTarget(record.target));
  line += R"(,"route":)";
  AppendJsonString(line, record.route);
  fmt::format_to(std::back_inserter(line), R"(,"status":{},"bytes":{},"duration_ms":{:.3f}}})", record.status,
                 record.bytes_sent, std::chrono::duration<double, std::milli>(record.duration).count());
  return line;
}

std::string FormatErrorLine(std::string_view message) {
  std::string line = R"({"time":")" + FormatTimestamp(Now(), 3) + R"(","level":"error","message":)";
  AppendJsonString(line, message);
  line.push_back('}');
  return line;
}

}  // namespace kenes::http
