# Turns a data file into a C++ source defining a char array (run with cmake -P).
# Inputs: IN (file), OUT (generated .cpp), NAME (symbol, in namespace jatei).
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUT}.tmp" "// Generated from ${IN}; do not edit.\n#include <cstddef>\nnamespace jatei {\nextern const char ${NAME}[];\nextern const std::size_t ${NAME}Size;\nconst char ${NAME}[] = {${body} '\\0'};\nconst std::size_t ${NAME}Size = ${size};\n}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
