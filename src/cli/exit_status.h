// ExitStatus: how a command turns a failed Status into what a person reads
// and the exit code a script tests (commands.h): "error: <message>" on
// standard error, then 1 when the work failed (a refused change, an unknown
// id, invalid input) or 2 when the node could not be used (disk, store,
// corruption, a limit).
//
// Pure function of its argument, apart from the printing; single-threaded
// like the CLI.
#pragma once

#include "base/status.h"

namespace kenes::cli {

// Prints why `status` failed and returns the exit code. REQUIRES: !status.ok().
int FailWith(const Status& status);

}  // namespace kenes::cli
