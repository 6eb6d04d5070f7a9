// Romanizer: the Latin spellings of one name token in every system a Central
// Asian name is commonly romanised with.
//
// A Cyrillic token gets one spelling per ICU BGN/PCGN transform (Russian,
// Kazakh, Kirghiz, Turkmen) and the official Uzbek Latin alphabet; letters a
// transform leaves (Tajik ҷ ҳ ӣ ӯ, which has no BGN transform in ICU, and the
// Kazakh and Kyrgyz letters of another language's transform) are spelled by
// our own rules, then by the Russian transform and Any-Latin; a token with ё
// is romanised as written with е too, as Russians and passports write it. A
// token in another non-Latin script gets Any-Latin's spelling. A Latin token
// is returned as typed: folding.h reads its possible conventions.
//
// Creating ICU transliterators is expensive: create a Romanizer once and
// reuse it. A Romanizer is not thread-safe; give each thread its own Clone().
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "names/folding.h"

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace kenes::names {

struct Romanization {
  std::string latin;
  Spelling spelling = Spelling::kTransliterated;
};

class Romanizer {
 public:
  // Fails (kInternal) when this machine's ICU lacks a transform we rely on.
  static Result<Romanizer> Create();

  Romanizer(Romanizer&&) noexcept;
  Romanizer& operator=(Romanizer&&) noexcept;
  ~Romanizer();

  // An independent copy for another thread; much cheaper than Create().
  Romanizer Clone() const;

  // The distinct Latin spellings of `token` (UTF-8), at least one.
  std::vector<Romanization> Romanize(std::string_view token) const;

 private:
  Romanizer() = default;

  std::vector<std::unique_ptr<icu::Transliterator>> cyrillic_;  // one per romanisation system
  std::unique_ptr<icu::Transliterator> any_script_;
};

}  // namespace kenes::names
