// Reading the data files users can read and replace (rules, weights, lexicons, termbases,
// the schema): where they are found, and reading them whole. Internal to libjatei.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jatei/error.hpp"

namespace jatei::data {

bool file_exists(const std::string& path);

// The folder of the running program (for an installed layout: DIR/../share/jatei), or "".
std::string exe_dir();

// $JATEI_DATA_DIR/REL when that variable is set and the file is there.
std::optional<std::string> override_file(std::string_view rel);

// The whole file; IoError naming `what` when it cannot be opened (exit 66) or read (exit 74).
std::string read_file(const std::string& path, std::string_view what);

// `e` with "PATH:LINE:COL: " before its message (and the parser's own "PATH: " taken out), for
// an error no tool will put a file name to.
DataError located(const DataError& e, const std::string& path);

// Runs parse() on the data file at `path` read whole; a DataError it throws comes out with the
// place in its message ("PATH:LINE:COL: …"), for errors no tool puts a file name to (the
// $JATEI_DATA_DIR files the built-in data is replaced with, read outside any one input).
template <class F>
auto parse_located(const std::string& path, std::string_view what, F&& parse) -> decltype(parse(std::string())) {
  std::string text = read_file(path, what);
  try {
    return parse(text);
  } catch (const DataError& e) {
    throw located(e, path);
  }
}
// A data file's text and where it came from: $JATEI_DATA_DIR/REL when there is one, else the
// compiled-in copy (origin REL).
struct Text {
  std::string text;
  std::string origin;
};
Text override_or_builtin(std::string_view rel, std::string_view builtin, std::string_view what);

// The lines of a data file, the one loop every reader of rules, weights, lexicons and lists
// walks its text with: f(line, number) for each, numbered from 1, split at '\n' (not included;
// a '\r' before it is left to trim), the last one too when the text does not end in '\n'.
//
//   data::for_each_line(text, [&](std::string_view line, std::size_t number) {
//     line = data::trim(line);
//     if (line.empty() || line.front() == '#') return;  // blank or a comment
//     ...
//   });
template <class F>
void for_each_line(std::string_view text, F&& f) {
  for (std::size_t pos = 0, number = 1;; ++number) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    f(text.substr(pos, nl - pos), number);
    if (nl == text.size()) return;
    pos = nl + 1;
  }
}

// `s` without the characters of `chars` (by default space, tab and carriage return) at its
// start, at its end, or at both.
inline std::string_view trim_start(std::string_view s, std::string_view chars = " \t\r") {
  std::size_t first = s.find_first_not_of(chars);
  return first == std::string_view::npos ? std::string_view() : s.substr(first);
}
inline std::string_view trim_end(std::string_view s, std::string_view chars = " \t\r") {
  std::size_t last = s.find_last_not_of(chars);
  return last == std::string_view::npos ? std::string_view() : s.substr(0, last + 1);
}
inline std::string_view trim(std::string_view s, std::string_view chars = " \t\r") {
  return trim_start(trim_end(s, chars), chars);
}

}  // namespace jatei::data
