# The layering rule of docs/design.md as a build error.
#
# Our own modules are kept apart by include paths: a module sees only the
# public headers of the modules it links. Third-party headers live in
# /usr/include, which every compile sees, so each module also gets a check
# that runs before it compiles and fails the build when one of its files
# includes a header its layer may not see.
set(YISHI_CHECK_INCLUDES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/check_includes.cmake)

# yishi_forbid_includes(<target> <regex>...): fail the build of <target>
# when any of its sources or headers has an #include matching one of the
# regular expressions. Features (core/features/*) add sources and header
# folders to the module targets after those are defined, so the checks are
# made by yishi_check_layers(), once everything is known.
function(yishi_forbid_includes target)
  set_property(TARGET ${target} PROPERTY YISHI_FORBIDDEN_INCLUDES "${ARGN}")
  set_property(GLOBAL APPEND PROPERTY YISHI_LAYERED_TARGETS ${target})
endfunction()

# yishi_forbid_links(<target> <library>...): fail the configuration when
# <target> links any of the libraries, directly or through another library.
# The include check cannot see this: a module may link a layer it never
# includes, and so drag it into every program that links the module.
function(yishi_forbid_links target)
  set_property(TARGET ${target} APPEND PROPERTY YISHI_FORBIDDEN_LINKS ${ARGN})
  set_property(GLOBAL APPEND PROPERTY YISHI_LINK_RULED_TARGETS ${target})
endfunction()

# Every target <target> links, itself included, following both the private
# and the interface link libraries of each.
function(yishi_link_closure target out)
  set(seen)
  set(queue ${target})
  while(queue)
    list(POP_FRONT queue t)
    if(NOT TARGET ${t} OR t IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${t})
    set(libs)
    foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
      get_target_property(more ${t} ${property})
      if(more)
        list(APPEND libs ${more})
      endif()
    endforeach()
    foreach(lib IN LISTS libs)
      # Private links of a static library show up as $<LINK_ONLY:lib>.
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
      list(APPEND queue ${lib})
    endforeach()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

# yishi_add_header_dir(<target> <dir>): the headers under <dir> belong to
# <target> and are checked with its sources.
function(yishi_add_header_dir target dir)
  set_property(TARGET ${target} APPEND PROPERTY YISHI_HEADER_DIRS ${dir})
endfunction()

# Called once from the top-level CMakeLists.txt after every module and
# feature is added.
function(yishi_check_layers)
  get_property(link_ruled GLOBAL PROPERTY YISHI_LINK_RULED_TARGETS)
  foreach(target IN LISTS link_ruled)
    get_target_property(forbidden_links ${target} YISHI_FORBIDDEN_LINKS)
    yishi_link_closure(${target} linked)
    foreach(lib IN LISTS forbidden_links)
      if(lib IN_LIST linked)
        message(FATAL_ERROR "Layer rule broken: ${target} links ${lib} (the rules are in docs/design.md); "
                            "it links: ${linked}")
      endif()
    endforeach()
  endforeach()

  get_property(targets GLOBAL PROPERTY YISHI_LAYERED_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(forbidden_list ${target} YISHI_FORBIDDEN_INCLUDES)
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    get_target_property(extra_dirs ${target} YISHI_HEADER_DIRS)
    set(globs ${source_dir}/include/*.h ${source_dir}/src/*.h)
    if(extra_dirs)
      foreach(d IN LISTS extra_dirs)
        list(APPEND globs ${d}/*.h)
      endforeach()
    endif()
    file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${globs})
    set(files)
    foreach(f IN LISTS sources headers)
      if(f MATCHES "\\.inc$")
        continue()
      endif()
      if(NOT IS_ABSOLUTE ${f})
        set(f ${source_dir}/${f})
      endif()
      list(APPEND files ${f})
    endforeach()
    set(stamp ${CMAKE_BINARY_DIR}/layers/${target}.stamp)
    string(REPLACE ";" "|" forbidden "${forbidden_list}")
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
  endforeach()
endfunction()

# Regular expressions for the headers of our own layers that a module must
# not see even if some link brought them onto its include path.
set(YISHI_DOMAIN_HEADERS "^yishi/domain/")

# Regular expressions for the third-party headers, by library.
set(YISHI_POCO_HEADERS "^Poco/")
# Poco's JSON in particular: JSON is read and written with core/common's
# reader and writer (yishi/common/json.h, json_writer.h), nowhere else.
set(YISHI_POCO_JSON_HEADERS "^Poco/JSON/")
set(YISHI_SQLITE_HEADERS "^SQLiteCpp/" "^sqlite3\\.h")
set(YISHI_SODIUM_HEADERS "^sodium")
set(YISHI_LUA_HEADERS "^lua" "^lauxlib" "^lualib")
