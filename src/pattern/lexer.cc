#include "pattern/lexer.h"

namespace kenes::pattern {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsWordStart(char c) { return IsLetter(c) || c == '_'; }
bool IsWordChar(char c) { return IsWordStart(c) || IsDigit(c) || c == '-'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsBase64Char(char c) { return IsLetter(c) || IsDigit(c) || c == '+' || c == '/'; }

// Length of the white-space character at the start of `rest`, 0 if there is none. Besides ASCII
// space, the grammar skips U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
// and U+3000, which arrive here UTF-8 encoded.
size_t WhiteSpaceLength(std::string_view rest) {
  const auto byte = [&](size_t i) { return i < rest.size() ? static_cast<unsigned char>(rest[i]) : 0u; };
  switch (byte(0)) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\v':
    case '\f': return 1;
    case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0 ? 2 : 0;
    case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0;
    case 0xE2:
      if (byte(1) == 0x80) {
        const unsigned third = byte(2);
        return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0;
      }
      return byte(1) == 0x81 && byte(2) == 0x9F ? 3 : 0;
    case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0;
    default: return 0;
  }
}

struct Keyword {
  std::string_view text;
  TokenKind kind;
};

constexpr Keyword kKeywords[] = {
    {"AND", TokenKind::kAnd},
    {"OR", TokenKind::kOr},
    {"NOT", TokenKind::kNot},
    {"FOLLOWEDBY", TokenKind::kFollowedBy},
    {"LIKE", TokenKind::kLike},
    {"MATCHES", TokenKind::kMatches},
    {"ISSUPERSET", TokenKind::kIsSuperset},
    {"ISSUBSET", TokenKind::kIsSubset},
    {"EXISTS", TokenKind::kExists},
    {"LAST", TokenKind::kLast},
    {"IN", TokenKind::kIn},
    {"START", TokenKind::kStart},
    {"STOP", TokenKind::kStop},
    {"SECONDS", TokenKind::kSeconds},
    {"WITHIN", TokenKind::kWithin},
    {"REPEATS", TokenKind::kRepeats},
    {"TIMES", TokenKind::kTimes},
    {"true", TokenKind::kBoolean},
    {"false", TokenKind::kBoolean},
};

// The form the grammar gives a timestamp literal's body: YYYY-MM-DDTHH:MM:SS[.fraction]Z with
// month 01-12, day 01-31, hour 00-23, minute 00-59 and second 00-60. The calendar is not checked.
bool HasTimestampForm(std::string_view body) {
  if (body.size() < 20) return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
    if (!IsDigit(body[i])) return false;
  }
  if (body[4] != '-' || body[7] != '-' || body[10] != 'T' || body[13] != ':' || body[16] != ':') return false;
  const auto two = [&](size_t i) { return (body[i] - '0') * 10 + (body[i + 1] - '0'); };
  const int month = two(5), day = two(8), hour = two(11), minute = two(14), second = two(17);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  size_t position = 19;
  if (body[position] == '.') {
    const size_t fraction_start = ++position;
    while (position < body.size() && IsDigit(body[position])) ++position;
    if (position == fraction_start) return false;
  }
  return position + 1 == body.size() && body[position] == 'Z';
}

// Whole groups of four base64 characters, the last possibly ending in one or two '='; not empty.
bool HasBase64Form(std::string_view body) {
  if (body.empty() || body.size() % 4 != 0) return false;
  size_t padding = 0;
  while (padding < 2 && body[body.size() - 1 - padding] == '=') ++padding;
  for (size_t i = 0; i < body.size() - padding; ++i) {
    if (!IsBase64Char(body[i])) return false;
  }
  return true;
}

bool HasHexForm(std::string_view body) {
  if (body.size() % 2 != 0) return false;
  for (char c : body) {
    if (!IsHexDigit(c)) return false;
  }
  return true;
}

}  // namespace

Token Lexer::Make(TokenKind kind, size_t start, size_t end) {
  position_ = end;
  return Token{kind, static_cast<uint32_t>(start), text_.substr(start, end - start), ""};
}

Token Lexer::Invalid(size_t start, size_t end, const char* error) {
  Token token = Make(TokenKind::kInvalid, start, end);
  token.error = error;
  return token;
}

void Lexer::SkipIgnored() {
  while (position_ < text_.size()) {
    const std::string_view rest = text_.substr(position_);
    if (const size_t length = WhiteSpaceLength(rest); length > 0) {
      position_ += length;
    } else if (rest.starts_with("/*")) {
      const size_t close = rest.find("*/", 2);
      // An unclosed comment is not a comment: '/' is then a token the parser rejects.
      if (close == std::string_view::npos) return;
      position_ += close + 2;
    } else if (rest.starts_with("//")) {
      const size_t end = rest.find_first_of("\r\n");
      position_ = end == std::string_view::npos ? text_.size() : position_ + end;
    } else {
      return;
    }
  }
}

Token Lexer::Next() {
  SkipIgnored();
  const size_t start = position_;
  if (start >= text_.size()) return Make(TokenKind::kEnd, start, start);
  const char c = text_[start];
  const char next = start + 1 < text_.size() ? text_[start + 1] : '\0';
  if (IsDigit(c) || c == '+' || c == '-' || (c == '.' && IsDigit(next))) return LexNumber(start);
  if ((c == 't' || c == 'b' || c == 'h') && next == '\'') return LexPrefixedLiteral(start);
  if (IsWordStart(c)) return LexWord(start);
  switch (c) {
    case '\'': return LexString(start);
    case '=': return Make(TokenKind::kEqual, start, start + (next == '=' ? 2 : 1));
    case '!':
      if (next == '=') return Make(TokenKind::kNotEqual, start, start + 2);
      break;
    case '<':
      if (next == '>') return Make(TokenKind::kNotEqual, start, start + 2);
      return Make(next == '=' ? TokenKind::kLessOrEqual : TokenKind::kLess, start, start + (next == '=' ? 2 : 1));
    case '>':
      return Make(next == '=' ? TokenKind::kGreaterOrEqual : TokenKind::kGreater, start, start + (next == '=' ? 2 : 1));
    case ':': return Make(TokenKind::kColon, start, start + 1);
    case '.': return Make(TokenKind::kDot, start, start + 1);
    case ',': return Make(TokenKind::kComma, start, start + 1);
    case '(': return Make(TokenKind::kLeftParen, start, start + 1);
    case ')': return Make(TokenKind::kRightParen, start, start + 1);
    case '[': return Make(TokenKind::kLeftBracket, start, start + 1);
    case ']': return Make(TokenKind::kRightBracket, start, start + 1);
    case '*': return Make(TokenKind::kAsterisk, start, start + 1);
    default: break;
  }
  // Report a whole UTF-8 character, not a lone lead byte.
  size_t end = start + 1;
  while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
  return Invalid(start, end, "unexpected character");
}

Token Lexer::LexNumber(size_t start) {
  size_t position = start;
  if (text_[position] == '+' || text_[position] == '-') ++position;
  const size_t digits_start = position;
  while (position < text_.size() && IsDigit(text_[position])) ++position;
  if (position + 1 < text_.size() && text_[position] == '.' && IsDigit(text_[position + 1])) {
    ++position;
    while (position < text_.size() && IsDigit(text_[position])) ++position;
    return Make(TokenKind::kFloat, start, position);
  }
  if (position == digits_start) return Invalid(start, start + 1, "a sign must be followed by a number");
  // The grammar allows no leading zeros: "007" is the integer 0 followed by more tokens.
  if (text_[digits_start] == '0') position = digits_start + 1;
  return Make(TokenKind::kInteger, start, position);
}

Token Lexer::LexWord(size_t start) {
  size_t position = start + 1;
  bool has_hyphen = false;
  while (position < text_.size() && IsWordChar(text_[position])) {
    has_hyphen |= text_[position] == '-';
    ++position;
  }
  if (has_hyphen) return Make(TokenKind::kIdentifierWithHyphen, start, position);
  const std::string_view word = text_.substr(start, position - start);
  for (const Keyword& keyword : kKeywords) {
    if (keyword.text == word && !(keyword.kind == TokenKind::kExists && version_ == StixVersion::k20)) {
      return Make(keyword.kind, start, position);
    }
  }
  return Make(TokenKind::kIdentifier, start, position);
}

Token Lexer::LexString(size_t start) {
  size_t position = start + 1;
  while (position < text_.size()) {
    const char c = text_[position];
    if (c == '\'') return Make(TokenKind::kString, start, position + 1);
    if (c == '\\') {
      const char escaped = position + 1 < text_.size() ? text_[position + 1] : '\0';
      if (escaped != '\'' && escaped != '\\') {
        return Invalid(position, position + 1, "a backslash in a string may only escape ' or \\");
      }
      ++position;
    }
    ++position;
  }
  return Invalid(start, text_.size(), "unterminated string");
}

Token Lexer::LexPrefixedLiteral(size_t start) {
  const char prefix = text_[start];
  const size_t body_start = start + 2;
  const size_t close = text_.find('\'', body_start);
  if (close == std::string_view::npos) return Invalid(start, text_.size(), "unterminated literal");
  const std::string_view body = text_.substr(body_start, close - body_start);
  switch (prefix) {
    case 't':
      if (!HasTimestampForm(body)) {
        return Invalid(start, close + 1, "a timestamp must be t'YYYY-MM-DDTHH:MM:SS[.fraction]Z'");
      }
      return Make(TokenKind::kTimestamp, start, close + 1);
    case 'b':
      if (!HasBase64Form(body)) return Invalid(start, close + 1, "a binary literal must be non-empty base64");
      return Make(TokenKind::kBinary, start, close + 1);
    default:
      if (!HasHexForm(body)) return Invalid(start, close + 1, "a hex literal must be pairs of hex digits");
      return Make(TokenKind::kHex, start, close + 1);
  }
}

}  // namespace kenes::pattern
