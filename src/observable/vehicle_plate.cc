#include "observable/vehicle_plate.h"

#include "observable/ascii_text.h"
#include "observable/latin_fold.h"

namespace kenes::observable {

Result<std::string> NormaliseVehiclePlate(std::string_view text) {
  KENES_ASSIGN_OR_RETURN(std::string plate, FoldToLatinIdentifier(text, "a registration plate"));
  size_t characters = CountCharacters(plate);
  if (characters < 2 || characters > 12) {
    return Status::InvalidArgument(QuoteForMessage(text) +
                                   " is not a registration plate: plates have 2-12 letters and digits");
  }
  return plate;
}

Result<std::string> NormaliseVin(std::string_view text) {
  std::string vin;
  for (char c : TrimWhitespace(text)) {
    if (c != ' ' && c != '-') vin += ToAsciiUpper(c);
  }
  bool valid = vin.size() == 17;
  for (char c : vin) valid = valid && IsAsciiAlnum(c) && c != 'I' && c != 'O' && c != 'Q';
  if (!valid) {
    return Status::InvalidArgument(QuoteForMessage(text) +
                                   " is not a VIN: 17 Latin letters and digits, without I, O and Q");
  }
  return vin;
}

}  // namespace kenes::observable
