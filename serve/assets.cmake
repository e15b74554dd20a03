# SPDX-License-Identifier: GPL-2.0-or-later

# assets.cmake: writes the C table of the web page's files (static.h) from
# the files of a folder, each as an array of its bytes with its media type
# (by its extension; text/plain for others).
# Usage: cmake -DWEB_DIR=serve/web -DOUT=web_assets.c -P serve/assets.cmake

file(GLOB_RECURSE files RELATIVE "${WEB_DIR}" "${WEB_DIR}/*")
list(SORT files)
set(arrays "")
set(rows "")
set(n 0)
foreach(name ${files})
  get_filename_component(ext "${name}" LAST_EXT)
  string(TOLOWER "${ext}" ext)
  if(ext STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(ext STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  elseif(ext STREQUAL ".svg")
    set(type "image/svg+xml")
  else()
    set(type "text/plain; charset=utf-8")
  endif()
  file(READ "${WEB_DIR}/${name}" hex HEX)
  string(REGEX REPLACE "(..)" "0x\\1," bytes "${hex}")
  string(APPEND arrays "static const unsigned char asset${n}[] = {${bytes}0};\n")
  file(SIZE "${WEB_DIR}/${name}" size)
  string(APPEND rows "\t{\"${name}\", \"${type}\", asset${n}, ${size}},\n")
  math(EXPR n "${n} + 1")
endforeach()
file(WRITE "${OUT}.tmp"
  "/* web_assets.c: written by serve/assets.cmake from ${WEB_DIR}; do not edit. */\n"
  "#include \"static.h\"\n\n${arrays}\n"
  "const cm_serve_asset cm_serve_assets[] = {\n${rows}};\n"
  "const size_t cm_serve_assets_count = ${n};\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
