// ImportLines: stores test objects through the real ingest pipeline, so that
// tests of what hangs on it (sightings, correlation) see exactly what an
// import would hand them.
#pragma once

#include <string>
#include <vector>

#include "ingest/importer.h"
#include "store/store.h"

namespace kenes::test {

// Imports `objects` (one JSON text each) into `store` with `options`, then
// finishes the import. Returns the error messages (none when every object
// was accepted), or "import failed: ..." when the import itself failed.
// `totals` (optional) receives the importer's totals.
std::vector<std::string> ImportLines(store::Store& store, ingest::ImportOptions options,
                                     const std::vector<std::string>& objects, ingest::ImportTotals* totals = nullptr);

}  // namespace kenes::test
