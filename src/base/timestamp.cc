#include "base/timestamp.h"

#include <chrono>
#include <cstdio>

namespace kenes {
namespace {

bool ReadDigits(std::string_view text, size_t position, size_t count, int& out) {
  if (position + count > text.size()) return false;
  int value = 0;
  for (size_t i = position; i < position + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil: proleptic Gregorian date to days since 1970-01-01.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int64_t>(day_of_era) - 719468;
}

void CivilFromDays(int64_t days, int& year, int& month, int& day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(static_cast<int64_t>(year_of_era) + era * 400 + (month <= 2));
}

}  // namespace

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  int year, month, day, hour, minute, second;
  if (text.size() < 20) return std::nullopt;
  if (!ReadDigits(text, 0, 4, year) || text[4] != '-' || !ReadDigits(text, 5, 2, month) || text[7] != '-' ||
      !ReadDigits(text, 8, 2, day) || text[10] != 'T' || !ReadDigits(text, 11, 2, hour) || text[13] != ':' ||
      !ReadDigits(text, 14, 2, minute) || text[16] != ':' || !ReadDigits(text, 17, 2, second)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 ||
      second > 60) {
    return std::nullopt;
  }
  Timestamp result;
  size_t position = 19;
  if (text[position] == '.') {
    ++position;
    int digits = 0;
    int64_t nanos = 0;
    while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
      if (digits < 9) nanos = nanos * 10 + (text[position] - '0');
      ++digits;
      ++position;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 9; ++i) nanos *= 10;
    result.nanoseconds = static_cast<int32_t>(nanos);
    result.fraction_digits = static_cast<int8_t>(digits > 127 ? 127 : digits);
  }
  if (position + 1 != text.size() || text[position] != 'Z') return std::nullopt;
  result.seconds = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
                   hour * 3600 + minute * 60 + second;
  return result;
}

std::string FormatTimestamp(const Timestamp& timestamp, int fraction_digits) {
  int64_t days = timestamp.seconds / 86400;
  int64_t seconds_of_day = timestamp.seconds % 86400;
  if (seconds_of_day < 0) {
    seconds_of_day += 86400;
    --days;
  }
  int year, month, day;
  CivilFromDays(days, year, month, day);
  char buffer[48];
  int length = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                             static_cast<int>(seconds_of_day / 3600), static_cast<int>(seconds_of_day / 60 % 60),
                             static_cast<int>(seconds_of_day % 60));
  std::string text(buffer, static_cast<size_t>(length));
  if (fraction_digits > 0) {
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, "%09d", timestamp.nanoseconds);
    text += '.';
    text.append(fraction, static_cast<size_t>(fraction_digits > 9 ? 9 : fraction_digits));
  }
  text += 'Z';
  return text;
}

Timestamp TimestampFromMicroseconds(int64_t microseconds) {
  Timestamp time;
  time.seconds = microseconds / 1'000'000;
  time.nanoseconds = static_cast<int32_t>(microseconds % 1'000'000) * 1000;
  time.fraction_digits = 6;
  return time;
}

Timestamp Now() {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  int64_t micros = std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count();
  Timestamp result;
  result.seconds = micros / 1'000'000;
  result.nanoseconds = static_cast<int32_t>(micros % 1'000'000 * 1000);
  result.fraction_digits = 6;
  return result;
}

}  // namespace kenes
