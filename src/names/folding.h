// Central Asian folding: one Latin spelling of a name token becomes the few
// ASCII forms that every other spelling of the same sound folds to as well.
//
// The folds erase what transliteration systems disagree on and keep what tells
// names apart: kh/h/x become h; zh/j/dj/dzh/dsch/ž become j; sh/ş/š/sch (and
// French ch) become x; ch/tch/tsch/ç/č become c; y, ı and i become i, with a
// glide i before a vowel at the start or after a vowel dropped (Yerlan/Erlan,
// Iusupova/Yusupova, Bayev/Baev); o becomes a (Uzbek and Tajik o for Russian
// a: Yo'ldoshev/Yuldashev); Uzbek o' becomes u (typed, also a: Xo'jayev,
// Ходжаев); ou (French) becomes u; w (German, Turkmen) becomes v; z becomes s
// (German s for з: Nasarbajew); q becomes k; French gue/gui lose their u; a
// final d becomes t (Turkmen Raşit for Rashid); a final ah becomes a; ä
// becomes a (typed, also ia: Turkmen Mähri, Мяхри); ý becomes i (typed,
// also u: Kazakh 2018 Baýyrjan); ö, ü, ğ lose their marks; Kazakh 2017 s',
// c', a' are sh, ch, ä; Kazakh уы before a consonant becomes u (Baurzhan);
// other apostrophes and hyphens go; doubled letters become one.
//
// A spelling from one of our transliterators (romanizer.h) is read in its one
// convention. A Latin spelling as people typed it is ambiguous: j may be
// German y, ch may be French sh or German kh, German sch may be zh and z
// ts, sh may be s+h, x may be ks; each reading
// gives one more form, at most kMaxFolds. Pure functions: safe from any
// thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kenes::names {

enum class Spelling {
  kTransliterated,  // produced by Romanizer: j, ch and x have their English/Uzbek values
  kTyped,           // as given: German, French, English, ICAO and official Latin alphabets all possible
};

inline constexpr size_t kMaxFolds = 16;

// The vowels left in folded forms: a, e, i, u (o became a, y became i).
inline bool IsFoldedVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'u'; }

// The folded forms of one token (UTF-8, any case, Latin letters with or
// without diacritics); distinct, the most likely reading first. Empty when
// the token holds no letter.
std::vector<std::string> FoldToken(std::string_view latin, Spelling spelling);

}  // namespace kenes::names
