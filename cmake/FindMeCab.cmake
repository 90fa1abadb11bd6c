# FindMeCab: MeCab's library and header (Debian libmecab-dev), which ship no CMake or pkg-config
# file. Defines the imported target MeCab::MeCab and MeCab_FOUND. Used by jatei's build and by the
# installed jateiConfig.cmake (a static libjatei needs MeCab at link time).
find_path(MECAB_INCLUDE_DIR mecab.h)
find_library(MECAB_LIBRARY mecab)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MeCab REQUIRED_VARS MECAB_LIBRARY MECAB_INCLUDE_DIR)
if(MeCab_FOUND AND NOT TARGET MeCab::MeCab)
  add_library(MeCab::MeCab UNKNOWN IMPORTED)
  set_target_properties(MeCab::MeCab PROPERTIES
    IMPORTED_LOCATION "${MECAB_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${MECAB_INCLUDE_DIR}")
endif()
mark_as_advanced(MECAB_INCLUDE_DIR MECAB_LIBRARY)
