# cmake -DINPUT=EastAsianWidth.txt -DOUTPUT=file.cpp -P ambiguous_width.cmake
# Writes the ranges of East Asian Width "A" (ambiguous) code points from
# the Unicode Character Database (Debian's unicode-data) as a sorted C++
# table for utf8.cpp.
file(STRINGS "${INPUT}" lines REGEX "^[0-9A-F]+(\\.\\.[0-9A-F]+)?;A ")
set(table "")
foreach(line IN LISTS lines)
  string(REGEX MATCH "^([0-9A-F]+)(\\.\\.([0-9A-F]+))?" range "${line}")
  set(first ${CMAKE_MATCH_1})
  set(last ${CMAKE_MATCH_3})
  if(NOT last)
    set(last ${first})
  endif()
  string(APPEND table "    {0x${first}, 0x${last}},\n")
endforeach()
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by tools/ambiguous_width.cmake.\n"
  "#include <cstddef>\n#include <cstdint>\n"
  "extern const std::uint32_t kAmbiguousWidth[][2] = {\n${table}};\n"
  "extern const std::size_t kAmbiguousWidthCount = sizeof(kAmbiguousWidth) / sizeof(kAmbiguousWidth[0]);\n")
