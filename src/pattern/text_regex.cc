#include "pattern/text_regex.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include "pattern/nfc_text.h"
#include "pattern/python_regex.h"

namespace kenes::pattern {
namespace {

// The Latin-1 bytes of UTF-8 `text`, or false when a character is 256 or above.
bool ToLatin1(std::string_view text, std::string& out) {
  out.clear();
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      out.push_back(static_cast<char>(lead));
      ++i;
    } else if ((lead & 0xE0) == 0xC0 && lead <= 0xC3 && i + 1 < text.size()) {
      out.push_back(static_cast<char>(((lead & 0x03) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F)));
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

Result<std::unique_ptr<re2::RE2>> Compile(std::string_view source, std::string_view written, bool latin1) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  if (latin1) options.set_encoding(re2::RE2::Options::EncodingLatin1);
  auto compiled = std::make_unique<re2::RE2>(re2::StringPiece(source.data(), source.size()), options);
  if (!compiled->ok()) {
    return Status::InvalidArgument(fmt::format("'{}' is not a regular expression RE2 accepts: {}", written, compiled->error()));
  }
  return compiled;
}

bool IsUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    size_t extra = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3;
    } else if (lead >= 0x80) {
      return false;
    }
    for (size_t k = 1; k <= extra; ++k) {
      if (i + k >= bytes.size() || (static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

TextRegex::TextRegex() = default;
TextRegex::TextRegex(TextRegex&&) noexcept = default;
TextRegex& TextRegex::operator=(TextRegex&&) noexcept = default;
TextRegex::~TextRegex() = default;

Result<TextRegex> TextRegex::ForLike(std::string_view like) {
  std::string normalized_buffer;
  const std::string_view normalized = ToNfc(like, normalized_buffer);
  // % and _ as the reference's '.*' and '.', which stop at newlines; everything else literal. The
  // trailing \n? is Python's '$', which also matches before a final newline.
  std::string source;
  size_t literal_start = 0;
  auto flush_literal = [&](size_t end) {
    source += re2::RE2::QuoteMeta(re2::StringPiece(normalized.data() + literal_start, end - literal_start));
  };
  for (size_t i = 0; i < normalized.size(); ++i) {
    if (normalized[i] != '%' && normalized[i] != '_') continue;
    flush_literal(i);
    source += normalized[i] == '%' ? ".*" : ".";
    literal_start = i + 1;
  }
  flush_literal(normalized.size());
  source += "\\n?";
  TextRegex regex;
  regex.like_ = true;
  std::string latin1;
  regex.latin1_ = ToLatin1(normalized, latin1);
  KENES_ASSIGN_OR_RETURN(regex.text_, Compile(source, like, false));
  return regex;
}

Result<TextRegex> TextRegex::ForMatches(std::string_view written) {
  std::string normalized_buffer;
  const std::string_view normalized = ToNfc(written, normalized_buffer);
  TextRegex regex;
  KENES_ASSIGN_OR_RETURN(const std::string text_source, TranslatePythonRegex(normalized, RegexSubject::kText));
  KENES_ASSIGN_OR_RETURN(regex.text_, Compile(text_source, written, false));
  std::string latin1;
  regex.latin1_ = ToLatin1(normalized, latin1);
  if (regex.latin1_) {
    KENES_ASSIGN_OR_RETURN(const std::string bytes_source, TranslatePythonRegex(latin1, RegexSubject::kBytes));
    KENES_ASSIGN_OR_RETURN(regex.bytes_, Compile(bytes_source, written, true));
  }
  return regex;
}

bool TextRegex::MatchesText(std::string_view text, std::string& buffer) const {
  const std::string_view normalized = ToNfc(text, buffer);
  const re2::StringPiece subject(normalized.data(), normalized.size());
  return like_ ? re2::RE2::FullMatch(subject, *text_) : re2::RE2::PartialMatch(subject, *text_);
}

Result<bool> TextRegex::MatchesBytes(std::string_view bytes, std::string& buffer) const {
  if (!latin1_) return false;
  if (!like_) return re2::RE2::PartialMatch(re2::StringPiece(bytes.data(), bytes.size()), *bytes_);
  if (!IsUtf8(bytes)) return Status::InvalidArgument("LIKE on binary data that is not UTF-8 text");
  return MatchesText(bytes, buffer);
}

}  // namespace kenes::pattern
