// PersonName: a person's name as the matcher sees it, analysed once
// (name_analyzer.h) and then compared with many others (name_matcher.h)
// or filed under its blocking keys (blocking_keys.h) without ICU.
//
// Plain values: copy them, keep them, read them from any thread.
#pragma once

#include <string>
#include <vector>

namespace kenes::names {

// Russian-style surnames say whose they are: -ov/-ev/-in for a man,
// -ova/-eva/-ina for a woman. Other tokens say nothing.
enum class SurnameGender { kUnknown, kMasculine, kFeminine };

struct NameToken {
  std::string text;                // as given
  std::vector<std::string> folds;  // the folded forms (folding.h) of every romanisation, distinct;
                                   // of a patronymic, the father's name (Маратович: "marat")
  bool patronymic = false;         // -ovich/-ovna/-uly/-kyzy..., or a name followed by uly/kyzy/o'g'li/ogly
  SurnameGender gender = SurnameGender::kUnknown;
};

// One token of two written apart that others write as one (Abdul Aziz and
// Абдулазиз, Kassym Jomart and Қасым-Жомарт): every fold of `first`
// followed by every fold of `second`, at most kMaxFolds; the gender of
// `second`.
NameToken JoinedToken(const NameToken& first, const NameToken& second);

struct PersonName {
  std::string text;               // as given
  std::vector<NameToken> tokens;  // in the order given, patronymics included (a separate uly/kyzy
                                  // word is folded into the father's name before it)
};

}  // namespace kenes::names
