# cmake -DINPUT=file -DOUTPUT=file.cpp -DNAME=kSymbol -P embed_bytes.cmake
# Writes INPUT's bytes as `extern const unsigned char NAME[]` and
# `extern const std::size_t NAMESize` in a C++ file.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by tools/embed_bytes.cmake.\n#include <cstddef>\n"
  "extern const unsigned char ${NAME}[] = {\n${bytes}0};\n"
  "extern const std::size_t ${NAME}Size = ${size};\n")
