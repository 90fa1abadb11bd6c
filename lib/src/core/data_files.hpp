// Reading the data files users can read and replace (rules, weights, lexicons, termbases,
// the schema): where they are found, and reading them whole. Internal to libjatei.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jatei::data {

bool file_exists(const std::string& path);

// The folder of the running program (for an installed layout: DIR/../share/jatei), or "".
std::string exe_dir();

// $JATEI_DATA_DIR/REL when that variable is set and the file is there.
std::optional<std::string> override_file(std::string_view rel);

// The whole file; IoError naming `what` when it cannot be opened (exit 66) or read (exit 74).
std::string read_file(const std::string& path, std::string_view what);

// A data file's text and where it came from: $JATEI_DATA_DIR/REL when there is one, else the
// compiled-in copy (origin REL).
struct Text {
  std::string text;
  std::string origin;
};
Text override_or_builtin(std::string_view rel, std::string_view builtin, std::string_view what);

}  // namespace jatei::data
