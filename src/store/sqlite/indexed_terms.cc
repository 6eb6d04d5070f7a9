#include "store/sqlite/indexed_terms.h"

#include <fmt/format.h>
#include <simdjson.h>


namespace kenes::store::sqlite {
namespace {

namespace dom = simdjson::dom;

bool IsReferenceProperty(std::string_view key) {
  return (key.ends_with("_ref") || key.ends_with("_refs")) && key != "created_by_ref" && key != "object_marking_refs";
}

void AppendLine(std::string& text, std::string_view line) {
  if (line.empty()) return;
  if (!text.empty()) text += '\n';
  text += line;
}

// Calls `take` with each string of `value`, a string or an array of
// strings; other JSON is left out.
void ForEachString(dom::element value, const auto& take) {
  std::string_view text;
  dom::array array;
  if (value.get(text) == simdjson::SUCCESS) {
    take(text);
  } else if (value.get(array) == simdjson::SUCCESS) {
    for (dom::element item : array) {
      if (item.get(text) == simdjson::SUCCESS) take(text);
    }
  }
}

bool IsSpace(char c) { return static_cast<unsigned char>(c) <= ' '; }

// A letter or digit for the FTS5 tokenizer (unicode61); non-ASCII bytes are
// taken as letters, the tokenizer decides.
bool HasWordCharacter(std::string_view word) {
  for (char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z')) return true;
  }
  return false;
}

// Beyond this a search is no longer a reader's words.
constexpr size_t kMaxWords = 64;

}  // namespace

IndexedTerms ExtractIndexedTerms(std::string_view json) {
  // The DOM parser picks the fastest kernel for this CPU at run time (On
  // Demand is compiled for the build's baseline); reused, so it allocates
  // only for a larger document than any before.
  thread_local dom::parser parser;
  thread_local std::string padded;
  padded.assign(json);
  padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
  IndexedTerms terms;
  dom::object object;
  if (parser.parse(padded.data(), json.size(), /*realloc_if_needed=*/false).get(object) != simdjson::SUCCESS) {
    return terms;
  }
  for (dom::key_value_pair field : object) {
    if (field.key == "name" || field.key == "description" || field.key == "aliases") {
      ForEachString(field.value, [&](std::string_view text) { AppendLine(terms.search_text, text); });
    } else if (IsReferenceProperty(field.key)) {
      ForEachString(field.value, [&](std::string_view id) { terms.references.emplace_back(id); });
    }
  }
  return terms;
}

Result<std::string> FullTextQuery(std::string_view words) {
  std::string query;
  size_t count = 0;
  while (!words.empty()) {
    while (!words.empty() && IsSpace(words.front())) words.remove_prefix(1);
    size_t end = 0;
    while (end < words.size() && !IsSpace(words[end])) ++end;
    std::string_view word = words.substr(0, end);
    words.remove_prefix(end);
    const bool prefix = word.ends_with('*');
    while (word.ends_with('*')) word.remove_suffix(1);
    if (!HasWordCharacter(word)) continue;
    if (++count > kMaxWords) {
      return Status::InvalidArgument(fmt::format("a search takes at most {} words", kMaxWords));
    }
    if (!query.empty()) query += ' ';
    // A quoted string is one FTS5 phrase: its own quotes doubled, its
    // punctuation only separates the tokens of the phrase.
    query += '"';
    for (char c : word) {
      query += c;
      if (c == '"') query += '"';
    }
    query += prefix ? "\"*" : "\"";
  }
  if (query.empty()) return Status::InvalidArgument("the search text has no word to look for");
  return query;
}

}  // namespace kenes::store::sqlite
