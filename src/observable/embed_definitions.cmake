# Writes OUTPUT, a C++ source holding every DEFINITIONS_DIR/*.json as a
# string, in file-name order (see extension_definitions.h).
file(GLOB definitions ${DEFINITIONS_DIR}/*.json)
list(SORT definitions)
set(text "// Generated from src/observable/definitions/*.json by embed_definitions.cmake.\n")
string(APPEND text "#include \"observable/extension_definitions.h\"\n\nnamespace kenes::observable {\n\n")
string(APPEND text "std::span<const std::string_view> ExtensionDefinitionTexts() {\n")
string(APPEND text "  static constexpr std::string_view kTexts[] = {\n")
foreach(definition ${definitions})
  file(READ ${definition} content)
  string(APPEND text "      R\"kenes_json(${content})kenes_json\",\n")
endforeach()
string(APPEND text "  };\n  return kTexts;\n}\n\n}  // namespace kenes::observable\n")
file(WRITE ${OUTPUT} "${text}")
