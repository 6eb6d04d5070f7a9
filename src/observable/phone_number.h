// Phone numbers: the E.164 text ("+77011234567") of phone-number values
// written in any of the forms the region's councils use.
//
// Understood everywhere:
// - international form: "+" and the country code ("+7 701 123-45-67",
//   "+996 (555) 123 456"); a "(0)" after the country code is dropped;
// - the international prefixes "00" and "8 10" (the Soviet-era prefix still
//   dialled in Kazakhstan, Tajikistan, Turkmenistan and Uzbekistan);
// - "8" and ten digits: the +7 national form (Kazakhstan and Russia share
//   +7); no other region's 8-prefixed number has ten digits after the 8;
// - a region's country code and number without "+" ("996555123456"), when
//   it has exactly that country's length.
// Understood with the region (ISO 3166-1 alpha-2) of the number, national
// forms: the trunk prefix and the national number, or the national number
// alone:
//   KZ, RU  +7    trunk 8, 10 digits    8 701 123 45 67   -> +77011234567
//   KG      +996  trunk 0,  9 digits    0 555 123 456     -> +996555123456
//   TJ      +992  trunk 8,  9 digits    8 93 123 4567     -> +992931234567
//   TM      +993  trunk 8,  8 digits    8 65 12 34 56     -> +99365123456
//   UZ      +998  trunk 8,  9 digits    90 123 45 67      -> +998901234567
//   AF      +93   trunk 0,  9 digits    070 123 4567      -> +93701234567
// Numbers of these country codes must have their country's length; other
// country codes are accepted with 8-15 digits in all (E.164's bounds), as
// Kenes does not carry every country's numbering plan. Separators may be
// spaces, hyphens, dots, slashes and parentheses; letters, extensions and a
// national form without its region (where it would be a guess: "0 700 123
// 456" is a Kyrgyz or an Afghan number) are errors.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// E.164 text for `text`; `region` is the ISO 3166-1 alpha-2 code national
// forms are read in, or empty. InvalidArgument, saying what is wrong, for
// anything that is not a phone number.
Result<std::string> NormalisePhoneNumber(std::string_view text, std::string_view region = {});

}  // namespace kenes::observable
