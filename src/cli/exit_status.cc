#include "cli/exit_status.h"

#include <fmt/format.h>

#include "cli/commands.h"

namespace kenes::cli {

int FailWith(const Status& status) {
  fmt::print(stderr, "error: {}\n", status.message());
  switch (status.code()) {
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
    case StatusCode::kInternal:
    case StatusCode::kResourceExhausted: return kExitError;
    default: return kExitFailed;
  }
}

}  // namespace kenes::cli
