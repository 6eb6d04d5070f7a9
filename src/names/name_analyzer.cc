#include "names/name_analyzer.h"

#include <algorithm>
#include <array>

namespace kenes::names {
namespace {

// Every fold of every word, so that the lists follow the folding rules.
std::vector<std::string> FoldedAll(std::initializer_list<std::string_view> words) {
  std::vector<std::string> folds;
  for (std::string_view word : words) {
    for (std::string& fold : FoldToken(word, Spelling::kTyped)) folds.push_back(std::move(fold));
  }
  return folds;
}

// Turkic patronymic words that follow the father's name: Kazakh uly/qyzy,
// Kyrgyz uulu/kyzy, Uzbek o'g'li/qizi, Turkmen ogly/gyzy.
const std::vector<std::string>& PatronymicWords() {
  static const std::vector<std::string> words =
      FoldedAll({"uly", "uulu", "kyzy", "qizi", "gyzy", "o'g'li", "ugli", "ogly", "oglu"});
  return words;
}

// Endings of a patronymic written as one word: Russian -ovich, -evich,
// -ovna, -evna, -ichna; Kazakh -uly, -kyzy joined to the father's name
// (Маратұлы).
const std::vector<std::string>& PatronymicEndings() {
  static const std::vector<std::string> endings = FoldedAll({"ovich", "evich", "ovna", "evna", "ichna", "uly", "kyzy"});
  return endings;
}

// Turkmen given names end in -guly/-kuly (Gurbanguly): not patronymics.
const std::vector<std::string>& GivenNameEndings() {
  static const std::vector<std::string> endings = FoldedAll({"guly", "kuly"});
  return endings;
}

template <typename Endings>
bool EndsWithAny(std::string_view fold, const Endings& endings) {
  return std::any_of(endings.begin(), endings.end(), [fold](std::string_view e) { return fold.ends_with(e); });
}

bool IsPatronymicWord(const NameToken& token) {
  const std::vector<std::string>& words = PatronymicWords();
  return std::any_of(token.folds.begin(), token.folds.end(), [&words](const std::string& fold) {
    return std::find(words.begin(), words.end(), fold) != words.end();
  });
}

// The father's name in a one-word patronymic fold; empty when it is none.
std::string_view FatherInPatronymic(std::string_view fold) {
  if (fold.size() < 6 || EndsWithAny(fold, GivenNameEndings())) return {};
  for (std::string_view ending : PatronymicEndings()) {
    if (fold.ends_with(ending)) return fold.substr(0, fold.size() - ending.size());
  }
  return {};
}

// Marks `token` a patronymic when a fold is one, its folds becoming the
// father's name (Маратович, Maratuly and Marat uly all say Marat).
void ReadOneWordPatronymic(NameToken& token) {
  std::vector<std::string> fathers;
  for (const std::string& fold : token.folds) {
    const std::string_view father = FatherInPatronymic(fold);
    if (!father.empty() && std::find(fathers.begin(), fathers.end(), father) == fathers.end()) {
      fathers.emplace_back(father);
    }
  }
  if (fathers.empty()) return;
  token.patronymic = true;
  token.folds = std::move(fathers);
}

// After folding (o became a): -av/-ev/-in against -ava/-eva/-ina.
SurnameGender GenderOf(const NameToken& token) {
  constexpr std::array<std::string_view, 3> kMasculine{"av", "ev", "in"};
  constexpr std::array<std::string_view, 3> kFeminine{"ava", "eva", "ina"};
  for (const std::string& fold : token.folds) {
    if (fold.size() < 4) continue;
    if (EndsWithAny(fold, kFeminine)) return SurnameGender::kFeminine;
    if (EndsWithAny(fold, kMasculine)) return SurnameGender::kMasculine;
  }
  return SurnameGender::kUnknown;
}

// How many bytes of a separator start at `at`: white space (with the
// no-break and typographic spaces that names pasted from documents carry),
// and , ; / ( ); 0 for none.
size_t SeparatorLength(std::string_view text, size_t at) {
  constexpr std::string_view kAsciiSeparators = " \t\n\r,;/()";
  if (kAsciiSeparators.find(text[at]) != std::string_view::npos) return 1;
  const std::string_view rest = text.substr(at);
  if (rest.starts_with("\u00A0")) return 2;
  if (rest.starts_with("\u202F") || rest.starts_with("\u3000")) return 3;
  const bool typographic_space = rest.size() >= 3 && rest.starts_with("\xE2\x80") &&
                                 static_cast<unsigned char>(rest[2]) >= 0x80 &&
                                 static_cast<unsigned char>(rest[2]) <= 0x8A;
  return typographic_space ? 3 : 0;
}

}  // namespace

Result<NameAnalyzer> NameAnalyzer::Create() {
  KENES_ASSIGN_OR_RETURN(Romanizer romanizer, Romanizer::Create());
  return NameAnalyzer(std::move(romanizer));
}

PersonName NameAnalyzer::Analyze(std::string_view name) const {
  PersonName person{std::string(name), {}};
  size_t at = 0;
  while (at < name.size()) {
    while (at < name.size() && SeparatorLength(name, at) > 0) at += SeparatorLength(name, at);
    size_t end = at;
    while (end < name.size() && SeparatorLength(name, end) == 0) ++end;
    if (end == at) break;
    NameToken token{std::string(name.substr(at, end - at)), {}, false, SurnameGender::kUnknown};
    at = end;
    for (const Romanization& romanization : romanizer_.Romanize(token.text)) {
      for (std::string& fold : FoldToken(romanization.latin, romanization.spelling)) {
        if (std::find(token.folds.begin(), token.folds.end(), fold) == token.folds.end()) {
          token.folds.push_back(std::move(fold));
        }
      }
    }
    if (token.folds.empty()) continue;
    if (IsPatronymicWord(token) && !person.tokens.empty()) {
      // The word itself says only "son of"/"daughter of": the token before it is the father's name.
      NameToken& father = person.tokens.back();
      father.patronymic = true;
      father.gender = SurnameGender::kUnknown;
      continue;
    }
    ReadOneWordPatronymic(token);
    if (!token.patronymic) token.gender = GenderOf(token);
    person.tokens.push_back(std::move(token));
  }
  return person;
}

}  // namespace kenes::names
