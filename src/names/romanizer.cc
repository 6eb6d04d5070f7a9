#include "names/romanizer.h"

#include <unicode/translit.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <string>

namespace kenes::names {
namespace {

// The systems a Cyrillic name is romanised with. Tajik has no ICU transform:
// kLeftoverLetters below carries it.
constexpr std::array<std::string_view, 5> kCyrillicSystems{"ru-ru_Latn/BGN", "kk-kk_Latn/BGN", "ky-ky_Latn/BGN",
                                                           "tk_Cyrl-tk/BGN", "uz_Cyrl-uz_Latn"};

// Letters of Tajik, Kazakh, Kyrgyz and Uzbek that another language's
// transform leaves in Cyrillic, spelled as Russian documents spell them:
// ў as о (Хўжаев, Ходжаев) and ө as у (Төлеген, Тулеген), while the Uzbek,
// Kazakh and Kirghiz transforms give their own oʻ and ö; ҳ as kh, so that
// Исҳоқ is not read with ш. Then whatever is still Cyrillic (the Turkmen
// transform keeps и and й) goes through the Russian transform and Any-Latin.
constexpr std::string_view kLeftoverLetters =
    "ҷ > j; ҳ > kh; ӣ > i; ӯ > u; ғ > gh; қ > q; ұ > u; ү > u; ө > u; ә > a; і > i; ң > n; һ > kh; ў > o;"
    ":: ru-ru_Latn/BGN; :: Any-Latin;";

Result<std::unique_ptr<icu::Transliterator>> FromRules(const std::string& rules, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createFromRules(
      icu::UnicodeString::fromUTF8(name), icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || !transliterator) {
    return Status::Internal("ICU cannot build the " + name + " romanisation: " + u_errorName(status));
  }
  return transliterator;
}

enum class Script { kLatin, kCyrillic, kOther };

// The script of the token's first letter that has one; Latin when none has.
Script ScriptOf(const icu::UnicodeString& text) {
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(text.char32At(i), &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    if (script == USCRIPT_LATIN) return Script::kLatin;
    return script == USCRIPT_CYRILLIC ? Script::kCyrillic : Script::kOther;
  }
  return Script::kLatin;
}

std::string Transliterate(const icu::Transliterator& transliterator, icu::UnicodeString text) {
  transliterator.transliterate(text);
  std::string utf8;
  return text.toUTF8String(utf8);
}

}  // namespace

Result<Romanizer> Romanizer::Create() {
  Romanizer romanizer;
  for (std::string_view system : kCyrillicSystems) {
    const std::string rules = ":: Lower; :: " + std::string(system) + "; " + std::string(kLeftoverLetters);
    KENES_ASSIGN_OR_RETURN(auto transliterator, FromRules(rules, "kenes-" + std::string(system)));
    romanizer.cyrillic_.push_back(std::move(transliterator));
  }
  KENES_ASSIGN_OR_RETURN(romanizer.any_script_, FromRules(":: Any-Latin; :: Lower;", "kenes-any"));
  return romanizer;
}

Romanizer::Romanizer(Romanizer&&) noexcept = default;
Romanizer& Romanizer::operator=(Romanizer&&) noexcept = default;
Romanizer::~Romanizer() = default;

Romanizer Romanizer::Clone() const {
  Romanizer copy;
  for (const auto& transliterator : cyrillic_) copy.cyrillic_.emplace_back(transliterator->clone());
  copy.any_script_.reset(any_script_->clone());
  return copy;
}

std::vector<Romanization> Romanizer::Romanize(std::string_view token) const {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), token.size()));
  switch (ScriptOf(text)) {
    case Script::kLatin: return {Romanization{std::string(token), Spelling::kTyped}};
    case Script::kOther: return {Romanization{Transliterate(*any_script_, text), Spelling::kTransliterated}};
    case Script::kCyrillic: break;
  }
  // Russian writes ё as е more often than not, and passports (ICAO) always do.
  std::vector<icu::UnicodeString> writings{text};
  if (text.indexOf(u'ё') >= 0 || text.indexOf(u'Ё') >= 0) {
    writings.push_back(icu::UnicodeString(text).findAndReplace(u"ё", u"е").findAndReplace(u"Ё", u"Е"));
  }
  std::vector<Romanization> spellings;
  for (const icu::UnicodeString& writing : writings) {
    for (const auto& transliterator : cyrillic_) {
      std::string latin = Transliterate(*transliterator, writing);
      const bool known =
          std::any_of(spellings.begin(), spellings.end(), [&latin](const Romanization& r) { return r.latin == latin; });
      if (!known) spellings.push_back(Romanization{std::move(latin), Spelling::kTransliterated});
    }
  }
  return spellings;
}

}  // namespace kenes::names
