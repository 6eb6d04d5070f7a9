// Vehicle identifiers: registration plates and VINs.
//
// The canonical text of a vehicle's plate_number, so that "А 123 ВС 77", "a123bc-77" and "A123BC77" are one
// plate. Cyrillic look-alikes are folded to Latin, letters upper-cased and
// grouping separators removed (latin_fold.h); a plate has 2-12 letters and
// digits after that. A plate is only unique within its country, so
// correlation keys pair it with the country code.
//
// A VIN (ISO 3779) is 17 letters and digits without I, O and Q, upper-cased
// without spaces; it identifies the vehicle worldwide, without a country.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// InvalidArgument, saying what is wrong, for text that is not a plate.
Result<std::string> NormaliseVehiclePlate(std::string_view text);

// InvalidArgument, saying what is wrong, for text that is not a VIN.
Result<std::string> NormaliseVin(std::string_view text);

}  // namespace kenes::observable
