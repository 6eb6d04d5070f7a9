#include "observable/phone_number.h"

#include "observable/ascii_text.h"

namespace kenes::observable {
namespace {

struct NumberingPlan {
  std::string_view region;
  std::string_view name;
  std::string_view country_code;
  std::string_view trunk_prefix;
  size_t national_digits;
  std::string_view example;  // a national form, for messages
};

// Kazakhstan and Russia share +7 and its plan; the first row of a country
// code is the one international numbers are checked against.
constexpr NumberingPlan kPlans[] = {
    {"KZ", "Kazakhstan", "7", "8", 10, "8 701 123 45 67"},  {"RU", "Russia", "7", "8", 10, "8 912 345 67 89"},
    {"KG", "Kyrgyzstan", "996", "0", 9, "0 555 123 456"},   {"TJ", "Tajikistan", "992", "8", 9, "8 93 123 4567"},
    {"TM", "Turkmenistan", "993", "8", 8, "8 65 12 34 56"}, {"UZ", "Uzbekistan", "998", "8", 9, "90 123 45 67"},
    {"AF", "Afghanistan", "93", "0", 9, "070 123 4567"},
};

constexpr size_t kMinimumE164Digits = 8;
constexpr size_t kMaximumE164Digits = 15;

const NumberingPlan* PlanOfRegion(std::string_view region) {
  for (const NumberingPlan& plan : kPlans) {
    if (plan.region == region) return &plan;
  }
  return nullptr;
}

const NumberingPlan* PlanOfInternational(std::string_view digits) {
  for (const NumberingPlan& plan : kPlans) {
    if (digits.substr(0, plan.country_code.size()) == plan.country_code) return &plan;
  }
  return nullptr;
}

// The digits of `text` into `digits`, or an error naming a character that
// has no place in a phone number. `plus` says whether it starts with '+'.
// (An out parameter: g++ 12 misreads a Result<std::string> here as maybe
// uninitialised.)
Status DigitsOf(std::string_view text, bool& plus, std::string& digits) {
  plus = !text.empty() && text.front() == '+';
  if (plus) text.remove_prefix(1);
  // "+44 (0)20 ..." style: the bracketed trunk prefix is not dialled from abroad.
  std::string kept(text);
  if (plus) {
    size_t marker = kept.find("(0)");
    if (marker != std::string::npos) kept.erase(marker, 3);
  }
  for (char c : kept) {
    if (IsAsciiDigit(c)) {
      digits += c;
    } else if (std::string_view(" -./()").find(c) == std::string_view::npos) {
      return Status::InvalidArgument(QuoteForMessage(text) + " is not a phone number: it has '" + std::string(1, c) +
                                     "' (only digits, a leading '+', spaces, hyphens, dots, slashes and "
                                     "parentheses are understood)");
    }
  }
  if (digits.empty()) return Status::InvalidArgument(QuoteForMessage(text) + " is not a phone number: no digits");
  return Status::Ok();
}

Result<std::string> CheckInternational(std::string_view digits, std::string_view text) {
  const NumberingPlan* plan = PlanOfInternational(digits);
  if (plan == nullptr) {
    if (digits.size() < kMinimumE164Digits || digits.size() > kMaximumE164Digits || digits.front() == '0') {
      return Status::InvalidArgument(QuoteForMessage(text) +
                                     " is not an international phone number: E.164 numbers have a country code "
                                     "(not starting with 0) and 8-15 digits in all");
    }
    return "+" + std::string(digits);
  }
  std::string_view national = digits.substr(plan->country_code.size());
  if (national.size() == plan->national_digits && national.front() != '0') return "+" + std::string(digits);
  std::string message = QuoteForMessage(text) + " is not a valid " + std::string(plan->name) + " number: after +" +
                        std::string(plan->country_code) + " come " + std::to_string(plan->national_digits) +
                        " digits not starting with 0, not " + std::to_string(national.size());
  if (national.substr(0, plan->trunk_prefix.size()) == plan->trunk_prefix) {
    message += " (the trunk prefix " + std::string(plan->trunk_prefix) + " is not dialled after the country code)";
  }
  return Status::InvalidArgument(message);
}

// Digits without '+' that are a region's country code and a number of the
// right length ("996555123456"), as messengers and spreadsheets write them.
bool IsBareInternational(std::string_view digits) {
  const NumberingPlan* plan = PlanOfInternational(digits);
  return plan != nullptr && digits.size() == plan->country_code.size() + plan->national_digits &&
         digits[plan->country_code.size()] != '0';
}

Result<std::string> ReadNational(std::string_view digits, std::string_view region, std::string_view text) {
  std::string region_code = AsciiUpper(region);
  const NumberingPlan* plan = PlanOfRegion(region_code);
  if (plan == nullptr) {
    std::string known;
    for (const NumberingPlan& each : kPlans) known += (known.empty() ? "" : ", ") + std::string(each.region);
    return Status::InvalidArgument(
        QuoteForMessage(text) + " is in a national form" +
        (region.empty() ? std::string(" and its region is not given")
                        : " and national forms of '" + std::string(region) + "' are not understood") +
        "; write it in international form (+ and the country code) or give one of the regions " + known);
  }
  std::string_view national = digits;
  if (national.size() == plan->trunk_prefix.size() + plan->national_digits &&
      national.substr(0, plan->trunk_prefix.size()) == plan->trunk_prefix) {
    national.remove_prefix(plan->trunk_prefix.size());
  }
  if (national.size() != plan->national_digits || national.front() == '0') {
    return Status::InvalidArgument(QuoteForMessage(text) + " is not a " + std::string(plan->name) +
                                   " number: national numbers there are " + std::to_string(plan->national_digits) +
                                   " digits, after the trunk prefix " + std::string(plan->trunk_prefix) +
                                   " or alone (e.g. " + std::string(plan->example) + ")");
  }
  return "+" + std::string(plan->country_code) + std::string(national);
}

}  // namespace

Result<std::string> NormalisePhoneNumber(std::string_view text, std::string_view region) {
  std::string_view number = TrimWhitespace(text);
  bool plus = false;
  std::string digits;
  KENES_RETURN_IF_ERROR(DigitsOf(number, plus, digits));
  std::string_view view = digits;
  if (plus) return CheckInternational(view, text);
  if (view.substr(0, 2) == "00") return CheckInternational(view.substr(2), text);
  if (view.substr(0, 3) == "810") return CheckInternational(view.substr(3), text);
  if (view.size() == 11 && view.front() == '8') return CheckInternational("7" + std::string(view.substr(1)), text);
  if (IsBareInternational(view)) return "+" + digits;
  return ReadNational(view, region, text);
}

}  // namespace kenes::observable
