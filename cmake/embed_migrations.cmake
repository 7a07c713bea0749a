# Generates a C++ include with every numbered migration of a folder:
#   -DSOURCE_DIR=<folder of NNN_name.sql> -DOUTPUT=<file.inc>
# Each line of the output is {version, "name", R"sql(...)sql"},
file(GLOB files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/[0-9][0-9][0-9]_*.sql")
list(SORT files)
set(out "// Generated from ${SOURCE_DIR} by cmake/embed_migrations.cmake. Do not edit.\n")
foreach(f IN LISTS files)
  string(REGEX REPLACE "^([0-9][0-9][0-9])_(.*)\\.sql$" "\\1" number "${f}")
  string(REGEX REPLACE "^([0-9][0-9][0-9])_(.*)\\.sql$" "\\2" name "${f}")
  math(EXPR version "${number}")
  file(READ "${SOURCE_DIR}/${f}" sql)
  string(APPEND out "{${version}, \"${name}\", R\"yishisql(${sql})yishisql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
