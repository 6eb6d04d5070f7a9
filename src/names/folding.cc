#include "names/folding.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

namespace kenes::names {
namespace {

// Letters whose marks carry a sound of their own: spelled out before the
// remaining marks are stripped (ş is sh, not s).
struct LetterSpelling {
  UChar32 letter;
  std::string_view ascii;
};
constexpr std::array kLetterSpellings{
    // Turkmen ä is Cyrillic я after a consonant as often as ә: a placeholder the rewrites read.
    LetterSpelling{U'ä', "A"},    LetterSpelling{U'ş', "S"},  LetterSpelling{U'ș', "S"},  LetterSpelling{U'š', "S"},
    LetterSpelling{U'ŝ', "shch"}, LetterSpelling{U'ç', "C"},  LetterSpelling{U'č', "C"},  LetterSpelling{U'ž', "zh"},
    LetterSpelling{U'ı', "i"},    LetterSpelling{U'ə', "a"},  LetterSpelling{U'æ', "a"},  LetterSpelling{U'ø', "o"},
    LetterSpelling{U'ɵ', "o"},    LetterSpelling{U'ŋ', "n"},  LetterSpelling{U'ë', "yo"}, LetterSpelling{U'ĭ', "y"},
    LetterSpelling{U'ý', "Y"},    LetterSpelling{U'ß', "ss"},
};

bool IsApostrophe(UChar32 c) {
  switch (c) {
    case U'\'':
    case U'`':
    case U'´':
    case U'‘':
    case U'’':
    case U'ʻ':
    case U'ʼ': return true;
    default: return false;
  }
}

// BGN's primes for the soft and hard signs: they say nothing.
bool IsPrime(UChar32 c) { return c == U'ʹ' || c == U'ʺ'; }

// An apostrophe after a letter, before `next`: Uzbek oʻ is the placeholder
// O, gʻ is g, and s'h is с+ҳ (spelled skh, so that h is read alone);
// Kazakh's 2017 alphabet wrote ш, ч and ә as s', c', a' (and marked n', u',
// i', g' that fold as the bare letter).
void ReadApostrophe(icu::UnicodeString& spelled, UChar32 next) {
  if (spelled.isEmpty()) return;
  const int32_t last = spelled.length() - 1;
  switch (spelled.charAt(last)) {
    case u'o': spelled.setCharAt(last, u'O'); break;
    case u'c': spelled.setCharAt(last, u'C'); break;
    case u'a': spelled.setCharAt(last, u'A'); break;
    case u's':
      if (next == u'h') {
        spelled.append(u'k');
      } else {
        spelled.setCharAt(last, u'S');
      }
      break;
    default: break;
  }
}

// Lower-case ASCII letters only: diacritics spelled out or stripped,
// apostrophes read, with placeholders for the rewrites: A for ä, O for
// Uzbek o', C for ç and č and S for ş and š (which, unlike ch and sh, are
// never read otherwise), Y for ý (Turkmen й, but Kazakh у in the 2018
// alphabet).
std::string ToAsciiLetters(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString lowered = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  lowered.toLower(icu::Locale::getRoot());
  const icu::UnicodeString composed = nfc->normalize(lowered, status);
  icu::UnicodeString spelled;
  for (int32_t i = 0; i < composed.length(); i = composed.moveIndex32(i, 1)) {
    const UChar32 c = composed.char32At(i);
    const auto found = std::find_if(kLetterSpellings.begin(), kLetterSpellings.end(),
                                    [c](const LetterSpelling& s) { return s.letter == c; });
    if (found != kLetterSpellings.end()) {
      spelled.append(icu::UnicodeString::fromUTF8(icu::StringPiece(found->ascii.data(), found->ascii.size())));
    } else if (IsApostrophe(c)) {
      const int32_t next = composed.moveIndex32(i, 1);
      ReadApostrophe(spelled, next < composed.length() ? composed.char32At(next) : U_SENTINEL);
    } else if (!IsPrime(c)) {
      spelled.append(c);
    }
  }
  const icu::UnicodeString decomposed = nfd->normalize(spelled, status);
  if (U_FAILURE(status)) return {};
  std::string ascii;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    if ((c >= u'a' && c <= u'z') || c == u'A' || c == u'O' || c == u'C' || c == u'S' || c == u'Y') {
      ascii.push_back(static_cast<char>(c));
    }
  }
  return ascii;
}

// One rewrite: `from` at the current position becomes `to`; a typed spelling
// may also mean `typed_alternative`, and `second_alternative` (empty: it
// cannot).
struct Rewrite {
  std::string_view from;
  std::string_view to;
  std::string_view typed_alternative = "";
  std::string_view second_alternative = "";
};

// Longest `from` first, so that "tsch" wins over "sch" and "sh". Typed ch is
// English ч, French ш or German х; x is Uzbek х or ks; j is ж or German й;
// sch and z are German ш or ж and з or ц; sh may be с+х (Ishaq);
// Uzbek o' (ў) is Russian у or, in Russian spellings of Uzbek names, о
// (Xo'jayev, Ходжаев); ä is ә or я; ý is й or у.
constexpr std::array kRewrites{
    Rewrite{"schtsch", "x"}, Rewrite{"chtch", "x"}, Rewrite{"shch", "x"},     Rewrite{"tsch", "c"},
    Rewrite{"dsch", "j"},    Rewrite{"dzh", "j"},   Rewrite{"sch", "x", "j"}, Rewrite{"tch", "c"},
    Rewrite{"gue", "ge"},    Rewrite{"gui", "gi"},  Rewrite{"sh", "x", "sh"}, Rewrite{"zh", "j"},
    Rewrite{"dj", "j"},      Rewrite{"kh", "h"},    Rewrite{"gh", "g"},       Rewrite{"ch", "c", "x", "h"},
    Rewrite{"tz", "ts"},     Rewrite{"ph", "f"},    Rewrite{"ck", "k"},       Rewrite{"ou", "u"},
    Rewrite{"q", "k"},       Rewrite{"w", "v"},     Rewrite{"x", "h", "ks"},  Rewrite{"j", "j", "i"},
    Rewrite{"y", "i"},       Rewrite{"o", "a"},     Rewrite{"z", "s", "ts"},  Rewrite{"O", "u", "a"},
    Rewrite{"A", "a", "ia"}, Rewrite{"C", "c"},     Rewrite{"S", "x"},        Rewrite{"Y", "i", "u"},
};

std::string WithoutDoubles(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

// An i between a vowel (or the start) and a vowel is a glide some systems
// write (y, i, j) and others fold into the vowel (Russian е, ю, я). Kazakh
// уы before a consonant is mostly written u (Бауыржан, Baurzhan).
std::string WithoutGlides(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool next_is_vowel = i + 1 < text.size() && IsFoldedVowel(text[i + 1]);
    const bool glide = text[i] == 'i' && next_is_vowel && (out.empty() || IsFoldedVowel(out.back()));
    const bool after_u = text[i] == 'i' && i + 1 < text.size() && !next_is_vowel && !out.empty() && out.back() == 'u';
    if (!glide && !after_u) out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::vector<std::string> FoldToken(std::string_view latin, Spelling spelling) {
  const std::string ascii = ToAsciiLetters(latin);
  if (ascii.empty()) return {};
  std::vector<std::string> forms{std::string()};
  for (size_t at = 0; at < ascii.size();) {
    const std::string_view rest = std::string_view(ascii).substr(at);
    const auto rewrite =
        std::find_if(kRewrites.begin(), kRewrites.end(), [rest](const Rewrite& r) { return rest.starts_with(r.from); });
    if (rewrite == kRewrites.end()) {
      for (std::string& form : forms) form.push_back(rest.front());
      ++at;
      continue;
    }
    std::vector<std::string_view> readings{rewrite->to};
    if (spelling == Spelling::kTyped) {
      for (std::string_view alternative : {rewrite->typed_alternative, rewrite->second_alternative}) {
        if (!alternative.empty() && forms.size() * (readings.size() + 1) <= kMaxFolds) readings.push_back(alternative);
      }
    }
    std::vector<std::string> read;
    for (std::string_view reading : readings) {
      for (const std::string& form : forms) read.push_back(form + std::string(reading));
    }
    forms = std::move(read);
    at += rewrite->from.size();
  }
  std::vector<std::string> folded;
  for (const std::string& form : forms) {
    std::string final_form = WithoutDoubles(WithoutGlides(WithoutDoubles(form)));
    // Turkic and Russian devoice a final d (Rashid, Turkmen Raşit); Arabic
    // names lose a final h after a (Abdullah, Abdulla).
    if (final_form.size() > 1 && final_form.back() == 'd') final_form.back() = 't';
    if (final_form.size() > 3 && final_form.ends_with("ah")) final_form.pop_back();
    if (std::find(folded.begin(), folded.end(), final_form) == folded.end()) folded.push_back(std::move(final_form));
  }
  return folded;
}

}  // namespace kenes::names
