# kenes_embed_texts(TARGET_SOURCE_VAR DIR HEADER NAMESPACE FUNCTION):
# generates a source returning the text of every DIR/*.json (see
# embed_texts.cmake) and puts its path in TARGET_SOURCE_VAR, to add to a
# library. Regenerated when a file changes; a new file needs a CMake re-run
# (the globs are CONFIGURE_DEPENDS).
function(kenes_embed_texts source_var dir header namespace function)
  file(GLOB texts CONFIGURE_DEPENDS ${dir}/*.json)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${function}.cc)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DTEXTS_DIR=${dir} -DHEADER=${header}
            -DNAMESPACE=${namespace} -DFUNCTION=${function}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_texts.cmake
    DEPENDS ${texts} ${PROJECT_SOURCE_DIR}/cmake/embed_texts.cmake
    COMMENT "Embedding ${dir}/*.json")
  set(${source_var} ${output} PARENT_SCOPE)
endfunction()
