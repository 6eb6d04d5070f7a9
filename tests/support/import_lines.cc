#include "support/import_lines.h"

namespace kenes::test {

std::vector<std::string> ImportLines(store::Store& store, ingest::ImportOptions options,
                                     const std::vector<std::string>& objects, ingest::ImportTotals* totals) {
  std::vector<std::string> errors;
  ingest::Importer importer(&store, std::move(options), [&errors](const ingest::ImportMessage& message) {
    if (message.is_error) errors.push_back(message.text);
  });
  std::string input;
  for (const std::string& object : objects) input += object + "\n";
  Status imported = importer.ImportBuffer(input, "test");
  if (imported.ok()) imported = importer.Finish();
  if (!imported.ok()) errors.push_back("import failed: " + imported.ToString());
  if (totals != nullptr) *totals = importer.totals();
  return errors;
}

}  // namespace kenes::test
