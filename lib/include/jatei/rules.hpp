// Cue lists for segmentation, read from a plain text file a user can read and extend.
//
// Format (lib/data/segment.rules): `[section]` headers, one entry per line, `#` starts a
// comment line. Entries are literal text, or patterns where `*` matches any run of
// characters and `#` one digit (ASCII or full-width). A leading `?` marks a weak entry
// (sections say what weak means). Later files add to earlier ones; `-entry` removes one.
//
//   jatei::Rules r = jatei::Rules::builtin();
//   r.merge_file("my.rules");                // add a newsroom's own credit cues
//   bool b = r.matches_prefix("byline", "著者:谷田部卓");
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/cues.hpp"  // RuleEntry, glob_match, glob_prefix

namespace jatei {

class Rules {
 public:
  // The rules shipped with jatei (lib/data/segment.rules, compiled in). When the environment
  // variable JATEI_DATA_DIR is set, its segment.rules is read instead.
  static const Rules& builtin();

  // The rules file `rel` of the data folder: $JATEI_DATA_DIR/rel when that exists (a section
  // the compiled-in copy lacks is a DataError), else `compiled` (the compiled-in copy).
  static Rules compiled_or_override(std::string_view rel, std::string_view compiled);

  // Parses rules text; `origin` names it in errors (DataError with line numbers).
  static Rules parse(std::string_view text, const std::string& origin);
  // Adds the entries of another rules file; a [section] these rules do not have is a
  // DataError naming the file and line (a misspelt section would otherwise do nothing).
  void merge_file(const std::string& path);
  void merge(const Rules& other);  // adds every section, known or not
  // Throws DataError (origin, line of the header) for a section `known` lacks.
  void check_sections(const Rules& known) const;
  // Adds, empty, every section of `shape` these rules lack (a replacement file may leave
  // some out, and a later merge_file may fill them).
  void declare_sections(const Rules& shape);
  // The sections of these rules (entries and `-entry` removals) that `shape` has: the part of
  // a user's file one stage reads when stages share a file (jatei-annotate --rules).
  Rules select(const Rules& shape) const;

  const std::vector<RuleEntry>& section(std::string_view name) const;

  // Whether `text` equals an entry of `section` (patterns allowed); sets weak if given.
  bool matches_whole(std::string_view section, std::string_view text, bool* weak = nullptr) const;
  // Whether `text` starts with an entry; returns the matched length (0 = none).
  std::size_t matches_prefix(std::string_view section, std::string_view text, bool* weak = nullptr) const;
  // Whether `text` contains an entry (literal entries only).
  bool contains(std::string_view section, std::string_view text) const;

 private:
  std::map<std::string, std::vector<RuleEntry>, std::less<>> sections_;
  std::vector<std::pair<std::string, std::string>> removals_;  // `-entry` lines, applied on merge
  std::map<std::string, std::size_t, std::less<>> header_lines_;  // where each [section] began (first time)
  std::string origin_;
};

}  // namespace jatei
