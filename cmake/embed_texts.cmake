# Writes OUTPUT, a C++ source defining
#   std::span<const std::string_view> NAMESPACE::FUNCTION()
# that returns the text of every TEXTS_DIR/*.json, in file-name order, so data
# files (extension definitions, OpenAPI fragments) are compiled into the node.
# HEADER is the header declaring FUNCTION.
file(GLOB texts ${TEXTS_DIR}/*.json)
list(SORT texts)
set(text "// Generated from ${TEXTS_DIR}/*.json by cmake/embed_texts.cmake.\n")
string(APPEND text "#include \"${HEADER}\"\n\nnamespace ${NAMESPACE} {\n\n")
string(APPEND text "std::span<const std::string_view> ${FUNCTION}() {\n")
string(APPEND text "  static constexpr std::string_view kTexts[] = {\n")
foreach(path ${texts})
  file(READ ${path} content)
  string(APPEND text "      R\"kenes_json(${content})kenes_json\",\n")
endforeach()
string(APPEND text "  };\n  return kTexts;\n}\n\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUTPUT} "${text}")
