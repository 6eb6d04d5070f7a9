// NameAnalyzer: turns a person's name as written (any order, Cyrillic or
// Latin, with or without a patronymic) into a PersonName: its tokens, each
// with the folded forms of all its romanisations, marked as patronymic or
// not, with the gender its surname form states.
//
// It owns a Romanizer (romanizer.h): create one per process and reuse it;
// it is not thread-safe, so give each thread its own Clone().
#pragma once

#include <string_view>

#include "base/status.h"
#include "names/person_name.h"
#include "names/romanizer.h"

namespace kenes::names {

class NameAnalyzer {
 public:
  static Result<NameAnalyzer> Create();

  NameAnalyzer Clone() const { return NameAnalyzer(romanizer_.Clone()); }

  // Tokens are split at white space (no-break spaces too) and , ; / ( );
  // tokens without a letter are dropped.
  PersonName Analyze(std::string_view name) const;

 private:
  explicit NameAnalyzer(Romanizer romanizer) : romanizer_(std::move(romanizer)) {}

  Romanizer romanizer_;
};

}  // namespace kenes::names
