// IndexedTerms: what the SQLite store's full-text and reference indexes take
// from a version's JSON text, and how a reader's search words become an FTS5
// query.
//
// Put, Delete and the catch-up that indexes versions the index lacks all
// derive the terms with this one code, so removing a version removes exactly
// what adding it added: the full-text table keeps no copy of the text
// (contentless FTS5), and deleting from it needs the very text that was
// indexed. Pure functions; thread-safe (each thread parses with its own
// parser).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kenes::store::sqlite {

struct IndexedTerms {
  // `name`, `description` and the `aliases`, one per line; empty when the
  // object has none of them as strings.
  std::string search_text;
  // The ids the object names in top-level `*_ref` and `*_refs` properties,
  // except created_by_ref and object_marking_refs (nearly every object names
  // an author and markings: such an index would mostly list them). In text
  // order; an id named twice appears twice.
  std::vector<std::string> references;
};

// The terms of one object. Text that is not a JSON object gives no terms: the
// store keeps whatever it was handed, the validator is the one to refuse it.
IndexedTerms ExtractIndexedTerms(std::string_view json);

// An FTS5 query for `words`: every whitespace-separated word must occur
// (AND); a word ending in '*' matches as a prefix. Each word is quoted, so
// nothing a reader types is read as FTS5 syntax (operators, columns, quotes,
// parentheses). InvalidArgument when `words` holds no letter or digit.
Result<std::string> FullTextQuery(std::string_view words);

}  // namespace kenes::store::sqlite
