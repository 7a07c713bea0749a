# The layering rule of docs/design.md as a build error.
#
# Our own modules are kept apart by include paths: a module sees only the
# public headers of the modules it links. Third-party headers live in
# /usr/include, which every compile sees, so each module also gets a check
# that runs before it compiles and fails the build when one of its files
# includes a header its layer may not see.
set(YISHI_CHECK_INCLUDES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/check_includes.cmake)

# yishi_forbid_includes(<target> <regex>...): fail the build of <target>
# when any of its sources or public headers has an #include matching one
# of the regular expressions.
function(yishi_forbid_includes target)
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${source_dir}/include/*.h ${source_dir}/src/*.h)
  set(files)
  foreach(f IN LISTS sources headers)
    if(NOT IS_ABSOLUTE ${f})
      set(f ${source_dir}/${f})
    endif()
    list(APPEND files ${f})
  endforeach()
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${target}.layers.stamp)
  string(REPLACE ";" "|" forbidden "${ARGN}")
  string(REPLACE ";" "|" file_list "${files}")
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} "-DTARGET=${target}" "-DFILES=${file_list}"
            "-DFORBIDDEN=${forbidden}" "-DSTAMP=${stamp}" -P ${YISHI_CHECK_INCLUDES_SCRIPT}
    DEPENDS ${files} ${YISHI_CHECK_INCLUDES_SCRIPT}
    COMMENT "Checking the layer rule for ${target}"
    VERBATIM)
  add_custom_target(${target}_layers DEPENDS ${stamp})
  add_dependencies(${target} ${target}_layers)
endfunction()

# Regular expressions for the third-party headers, by library.
set(YISHI_POCO_HEADERS "^Poco/")
set(YISHI_SQLITE_HEADERS "^SQLiteCpp/" "^sqlite3\\.h")
set(YISHI_SODIUM_HEADERS "^sodium")
set(YISHI_LUA_HEADERS "^lua" "^lauxlib" "^lualib")
