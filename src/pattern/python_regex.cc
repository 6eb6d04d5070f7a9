#include "pattern/python_regex.h"

#include <fmt/format.h>

#include <cctype>
#include <string>

namespace kenes::pattern {
namespace {

Status Unsupported(std::string_view regex, std::string_view construct) {
  return Status::InvalidArgument(
      fmt::format("MATCHES '{}': {} is not supported (regular expressions run with RE2)", regex, construct));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether an inline flag group such as (?im) or (?m:...) turns on `flag` anywhere in `regex`.
bool HasInlineFlag(std::string_view regex, char flag) {
  for (size_t at = regex.find("(?"); at != std::string_view::npos; at = regex.find("(?", at + 2)) {
    for (size_t i = at + 2; i < regex.size() && std::isalpha(static_cast<unsigned char>(regex[i])); ++i) {
      if (regex[i] == flag) return true;
    }
  }
  return false;
}

// Whether the '}' at `close` ends a {m}, {m,} or {m,n} quantifier.
bool EndsQuantifier(std::string_view regex, size_t close) {
  size_t i = close;
  while (i > 0 && (IsDigit(regex[i - 1]) || regex[i - 1] == ',')) --i;
  return i > 0 && i < close && regex[i - 1] == '{';
}

// What a "(?" group at `at` is, when RE2 lacks it; empty otherwise.
std::string_view UnsupportedGroup(std::string_view regex, size_t at) {
  const std::string_view rest = regex.substr(at + 2);
  if (rest.starts_with("=")) return "lookahead (?=...)";
  if (rest.starts_with("!")) return "negative lookahead (?!...)";
  if (rest.starts_with("<=")) return "lookbehind (?<=...)";
  if (rest.starts_with("<!")) return "negative lookbehind (?<!...)";
  if (rest.starts_with(">")) return "an atomic group (?>...)";
  if (rest.starts_with("P=")) return "a named backreference (?P=name)";
  if (rest.starts_with("(")) return "a conditional group (?(...)...)";
  for (size_t i = 0; i < rest.size() && std::isalpha(static_cast<unsigned char>(rest[i])); ++i) {
    if (rest[i] == 'x') return "verbose mode (?x)";
  }
  return {};
}

class Translation {
 public:
  Translation(std::string_view regex, RegexSubject subject)
      : regex_(regex), text_(subject == RegexSubject::kText), multiline_(HasInlineFlag(regex, 'm')) {}

  Result<std::string> Run() {
    for (size_t i = 0; i < regex_.size();) {
      const char c = regex_[i];
      if (c == '\\') {
        KENES_RETURN_IF_ERROR(Escape(i));
      } else if (in_class_) {
        if (c == ']' && i != class_start_) in_class_ = false;
        out_ += c;
        ++i;
      } else {
        KENES_RETURN_IF_ERROR(Plain(i));
      }
    }
    return std::move(out_);
  }

 private:
  Status Escape(size_t& i) {
    if (i + 1 >= regex_.size()) {
      out_ += '\\';
      ++i;
      return Status::Ok();
    }
    const char next = regex_[i + 1];
    if (const size_t digits = OctalEscapeDigits(i + 1); digits > 0) {
      out_ += fmt::format("\\x{{{:x}}}", std::stoi(std::string(regex_.substr(i + 1, digits)), nullptr, 8));
      i += 1 + digits;
      return Status::Ok();
    }
    if (IsDigit(next)) return Unsupported(regex_, fmt::format("a backreference \\{}", next));
    if ((next == 'u' || next == 'U') && HexDigitsFollow(i + 2, next == 'u' ? 4 : 8)) {
      const size_t count = next == 'u' ? 4 : 8;
      out_ += fmt::format("\\x{{{}}}", regex_.substr(i + 2, count));
      i += 2 + count;
      return Status::Ok();
    }
    i += 2;
    if (next == 'Z' && !in_class_) {
      out_ += "\\z";
    } else if (const std::string_view members = ClassMembers(next); !members.empty()) {
      const bool negated = std::isupper(static_cast<unsigned char>(next));
      out_ += in_class_ ? std::string(members) : fmt::format("[{}{}]", negated ? "^" : "", members);
    } else {
      out_ += '\\';
      out_ += next;
    }
    return Status::Ok();
  }

  Status Plain(size_t& i) {
    const char c = regex_[i];
    const char next = i + 1 < regex_.size() ? regex_[i + 1] : '\0';
    if (c == '[') {
      in_class_ = true;
      out_ += c;
      ++i;
      if (i < regex_.size() && regex_[i] == '^') out_ += regex_[i++];
      class_start_ = i;  // a ']' right here is a member, not the end
      return Status::Ok();
    }
    if (c == '(' && next == '?') {
      if (const std::string_view construct = UnsupportedGroup(regex_, i); !construct.empty()) {
        return Unsupported(regex_, construct);
      }
      if (regex_.substr(i + 2).starts_with("#")) {  // a comment
        const size_t close = regex_.find(')', i);
        i = close == std::string_view::npos ? regex_.size() : close + 1;
        return Status::Ok();
      }
    }
    const bool quantifier = c == '*' || c == '+' || c == '?' || (c == '}' && EndsQuantifier(regex_, i));
    if (quantifier && next == '+' && (c != '?' || !FollowsQuantifier(i))) {
      return Unsupported(regex_, fmt::format("a possessive quantifier {}+", c));
    }
    if (c == '{' && next == ',' && i + 2 < regex_.size() && IsDigit(regex_[i + 2])) {
      out_ += "{0";  // Python's {,n} is {0,n}; RE2 would read it literally
      ++i;
      return Status::Ok();
    }
    if (c == '$' && !multiline_) {
      out_ += "(?:\\n?\\z)";  // Python's $ also matches before a final newline
      ++i;
      return Status::Ok();
    }
    out_ += c;
    ++i;
    return Status::Ok();
  }

  // What Python's \d, \w, \s (and, outside a class, \D, \W, \S) stand for where RE2's differ: on
  // text they are Unicode classes, RE2's are ASCII; RE2's \s also lacks \v. Empty where they agree.
  std::string_view ClassMembers(char escape) const {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(escape)));
    if (escape != lower && in_class_) return {};  // [\D] has no member list; RE2's is close
    if (lower == 's') return text_ ? "\\t\\n\\v\\f\\r \\x{1c}-\\x{1f}\\x{85}\\p{Z}" : "\\t\\n\\v\\f\\r ";
    if (!text_) return {};
    if (lower == 'd') return "\\p{Nd}";
    if (lower == 'w') return "\\p{L}\\p{N}_";
    return {};
  }

  // Whether the '?' at `at` makes the quantifier before it lazy (then "?+" is "lazy, then +").
  bool FollowsQuantifier(size_t at) const {
    if (at == 0) return false;
    const char before = regex_[at - 1];
    return before == '*' || before == '+' || before == '?' || before == '}';
  }

  // How many digits after the backslash before `at` make an octal escape in Python: \0 with up to
  // two more octal digits, three octal digits, or (in a class, where there are no backreferences) up
  // to three; 0 when they make a backreference or are no digits.
  size_t OctalEscapeDigits(size_t at) const {
    size_t count = 0;
    while (count < 3 && at + count < regex_.size() && regex_[at + count] >= '0' && regex_[at + count] <= '7') ++count;
    if (count == 0) return 0;
    if (regex_[at] == '0' || in_class_) return count;
    return count == 3 && regex_[at] <= '3' ? 3 : 0;
  }

  bool HexDigitsFollow(size_t at, size_t count) const {
    if (at + count > regex_.size()) return false;
    for (size_t i = at; i < at + count; ++i) {
      if (!std::isxdigit(static_cast<unsigned char>(regex_[i]))) return false;
    }
    return true;
  }

  std::string_view regex_;
  bool text_;
  bool multiline_;
  bool in_class_ = false;
  size_t class_start_ = 0;
  std::string out_;
};

}  // namespace

Result<std::string> TranslatePythonRegex(std::string_view regex, RegexSubject subject) {
  return Translation(regex, subject).Run();
}

}  // namespace kenes::pattern
